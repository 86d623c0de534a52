#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as r,b as i}from"./chunk-CJJUSN33.js";var o=i((p,e)=>{e.exports=r("node:crypto")});export{o as a};
