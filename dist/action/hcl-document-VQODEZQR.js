import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{f as a,g as b}from"./chunk-FUT7KIZ4.js";import"./chunk-OMO2JQUA.js";import"./chunk-GTRD63ZT.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
