import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{f as a,g as b}from"./chunk-FX55A2UL.js";import"./chunk-FE2IJ2LS.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
