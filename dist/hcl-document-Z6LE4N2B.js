#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{e as a,f as b}from"./chunk-H773XK5C.js";import"./chunk-V27XG2B5.js";import"./chunk-CJJUSN33.js";export{a as HclDocument,b as formatLiteral};
