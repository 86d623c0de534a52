import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a,b}from"./chunk-UBRZIVNX.js";import"./chunk-LPM732XJ.js";import"./chunk-UQTS7D5X.js";export{b as escapeData,a as githubFormatter};
