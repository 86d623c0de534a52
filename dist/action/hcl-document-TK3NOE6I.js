import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{e as a,f as b}from"./chunk-YBHUU7UV.js";import"./chunk-2YNRM3Q5.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
