#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function u(n,r){let e=n.results.map(t=>f(t,r)),i=t=>e.reduce((o,s)=>o+s.findings.filter(l=>l.severity===t).length,0);return{...n,results:e,summary:{...n.summary,errors:i("error"),warnings:i("warning"),infos:i("info")}}}function f(n,r){return{...n,findings:n.findings.filter((e,i)=>r(e,n,i))}}function g(n){return u(n,d)}function d(n){return n.severity==="error"}export{u as a,f as b,g as c,d};
