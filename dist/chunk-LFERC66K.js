#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as p}from"./chunk-SZPFKTYT.js";import{d as s}from"./chunk-CJJUSN33.js";var o=s(p(),1);function a(i){let r=new Map;return i.map(e=>{let t=[e.ruleId,e.filePath.split("\\").join("/"),e.poolId??"",e.propertyPath??""].join("\0"),n=r.get(t)??0;return r.set(t,n+1),(0,o.createHash)("sha256").update(`${t}\0${n}`).digest("hex").slice(0,32)})}export{a};
