#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as n,b as o}from"./chunk-TCF77QGL.js";import{d as i}from"./chunk-2M3KUCNH.js";import{c as t}from"./chunk-ZMM6DVWW.js";import"./chunk-BXQKZ7R4.js";import"./chunk-E3VFGRMO.js";import"./chunk-CJJUSN33.js";function f(a,e){return{async gatherFor(m){let r=await o(n(m),a,t);return i({environment:r.environment,source:"live",unavailable:r.unavailable,origin:"what live mode read from Azure",...e&&{today:e}})}}}export{f as liveFacts};
