#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as i}from"./chunk-HMKKDNAC.js";import{d as e}from"./chunk-CJJUSN33.js";var a=e(i(),1);(0,a.enableCompileCache)?.();await import("./cli-2GBMMXSH.js");
