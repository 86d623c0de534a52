#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function s(n){return(t,r)=>{let e=n(r),o=e.start(t.environment);for(let i of t.results)o+=e.result(i,()=>!1);return o+e.end(t,r)}}function a(n,t,r){return n.environment==="none"&&r>0&&t.rules.some(e=>e.meta.facts.includes("environment"))}var l="Azure environment rules (quota, subnet, locks, NSG, DNS, a size's region and restrictions) did not run: add a batchlint.context.yaml or use --live";export{s as a,a as b,l as c};
