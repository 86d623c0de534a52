import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{b as a,c as b}from"./chunk-FOXAWP5O.js";import"./chunk-MDBXUGY4.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
