#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function l(n,e){let o=n.results.map(i=>({...i,findings:i.findings.filter(t=>e(t,i))})),r=i=>o.reduce((t,s)=>t+s.findings.filter(f=>f.severity===i).length,0);return{...n,results:o,summary:{...n.summary,errors:r("error"),warnings:r("warning"),infos:r("info")}}}function g(n){return l(n,e=>e.severity==="error")}export{l as a,g as b};
