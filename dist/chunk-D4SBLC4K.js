#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var s=class extends Error{};function d(n,t){let o=n.results.map(i=>({...i,findings:i.findings.filter(r=>t(r,i))})),e=i=>o.reduce((r,f)=>r+f.findings.filter(l=>l.severity===i).length,0);return{...n,results:o,summary:{...n.summary,errors:e("error"),warnings:e("warning"),infos:e("info")}}}function p(n){return d(n,t=>t.severity==="error")}export{s as a,d as b,p as c};
