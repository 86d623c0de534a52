import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a,b}from"./chunk-IGUGRANA.js";import"./chunk-OMGG6BBD.js";import"./chunk-6PPEKUSY.js";import"./chunk-UQTS7D5X.js";export{b as escapeData,a as githubFormatter};
