#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as u,b as a,d as c}from"./chunk-CJJUSN33.js";var i=a((d,o)=>{o.exports=u("node:crypto")});var s=c(i(),1);function l(p){let r=new Map;return p.map(e=>{let t=[e.ruleId,e.filePath.split("\\").join("/"),e.poolId??"",e.propertyPath??""].join("\0"),n=r.get(t)??0;return r.set(t,n+1),(0,s.createHash)("sha256").update(`${t}\0${n}`).digest("hex").slice(0,32)})}export{l as a};
