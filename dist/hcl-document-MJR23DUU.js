#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{f as a,g as b}from"./chunk-R6542NXO.js";import"./chunk-GP2FCP55.js";import"./chunk-WK6BLZ3X.js";import"./chunk-CJJUSN33.js";export{a as HclDocument,b as formatLiteral};
