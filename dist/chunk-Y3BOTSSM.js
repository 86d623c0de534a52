#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function o(e,n,t){return e.environment==="none"&&t>0&&n.rules.some(r=>r.meta.facts.includes("environment"))}var i="Azure environment rules (quota, subnet, locks, NSG, DNS, a size's region and restrictions) did not run: add a batchlint.context.yaml or use --live";export{o as a,i as b};
