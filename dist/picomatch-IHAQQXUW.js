#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a}from"./chunk-53GZZVGN.js";import"./chunk-CJJUSN33.js";export default a();
