#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{e as a,f as b}from"./chunk-QHJ5GA4C.js";import"./chunk-SNJA76TA.js";import"./chunk-CJJUSN33.js";export{a as HclDocument,b as formatLiteral};
