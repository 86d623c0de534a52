import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{e as a,f as b}from"./chunk-HKVOWW4T.js";import"./chunk-MDBXUGY4.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
