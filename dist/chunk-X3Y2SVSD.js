#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var s=class extends Error{};function l(n,t){let o=n.results.map(i=>({...i,findings:i.findings.filter(e=>t(e,i))})),r=i=>o.reduce((e,f)=>e+f.findings.filter(g=>g.severity===i).length,0);return{...n,results:o,summary:{...n.summary,errors:r("error"),warnings:r("warning"),infos:r("info")}}}function d(n){return l(n,t=>t.severity==="error")}export{s as a,l as b,d as c};
