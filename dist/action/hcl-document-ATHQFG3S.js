import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{d as a,e as b}from"./chunk-EITHMDG6.js";import"./chunk-MDBXUGY4.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
