#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as o,b as n}from"./chunk-AYXUFWGC.js";import{d as i}from"./chunk-4JZ5MGIK.js";import{g as t}from"./chunk-M2JQVQXE.js";import"./chunk-UCHOMGXJ.js";import"./chunk-E3VFGRMO.js";import"./chunk-CJJUSN33.js";function f(a,e){return{async gatherFor(m){let r=await n(o(m),a,t);return i({environment:r.environment,source:"live",unavailable:r.unavailable,origin:"what live mode read from Azure",...e&&{today:e}})}}}export{f as liveFacts};
