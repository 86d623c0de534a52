import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a,b}from"./chunk-HSCKXEAX.js";import"./chunk-ZS4NDZ7S.js";import"./chunk-PUNXOZEX.js";import"./chunk-UQTS7D5X.js";export{b as escapeData,a as githubFormatter};
