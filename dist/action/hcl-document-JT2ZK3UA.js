import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{f as a,g as b}from"./chunk-RK4VVRP2.js";import"./chunk-KTIJAC3R.js";import"./chunk-I6JH5K54.js";import"./chunk-UQTS7D5X.js";export{a as HclDocument,b as formatLiteral};
