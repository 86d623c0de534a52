#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function d(s){let n=new e;for(let i of s.results)n.add(i);return n.take(()=>!0)}var e=class{pending=new Map;add(n){this.entry(n.filePath);for(let i of n.findings)this.entry(i.filePath).push(i)}take(n){let i=[];for(let[t,r]of this.pending){if(!n(t))break;i.push({filePath:t,findings:r}),this.pending.delete(t)}return i}entry(n){let i=this.pending.get(n);return i||this.pending.set(n,i=[]),i}};export{d as a,e as b};
