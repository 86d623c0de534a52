#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a}from"./chunk-IXGN5ZUM.js";import"./chunk-HHTOJN5D.js";import"./chunk-CJJUSN33.js";export default a();
