#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{f as a,g as b}from"./chunk-PAGRFUC5.js";import"./chunk-6XF6IH22.js";import"./chunk-CJJUSN33.js";export{a as HclDocument,b as formatLiteral};
