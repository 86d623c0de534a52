import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{f as a,g as b}from"./chunk-YNNHNAB2.js";import"./chunk-OMO2JQUA.js";import"./chunk-I6JH5K54.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
