#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as t}from"./chunk-XQFDVQQY.js";import{a as i,b as o}from"./chunk-ZFTVFTG6.js";import{c as r}from"./chunk-ZFWWZDBK.js";import"./chunk-GHC6VXDB.js";import"./chunk-E3VFGRMO.js";import"./chunk-CJJUSN33.js";function d(n,a){return{async gatherFor(m){let e=await o(i(m),n,r);return a?.(e),t({environment:e.environment,source:"live",unavailable:e.unavailable,origin:"what live mode read from Azure"})}}}export{d as liveFacts};
