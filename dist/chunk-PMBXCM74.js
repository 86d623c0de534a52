#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as e,b as r}from"./chunk-CJJUSN33.js";var q=r((u,i)=>{i.exports=e("node:path")});var s=r((x,o)=>{o.exports=e("node:fs")});var t=r((a,p)=>{p.exports=e("node:url")});export{q as a,s as b,t as c};
