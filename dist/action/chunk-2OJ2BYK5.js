import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function s(r){let t=new Map,e=i=>{let n=t.get(i);return n||t.set(i,n=[]),n};for(let i of r.results){e(i.filePath);for(let n of i.findings)e(n.filePath).push(n)}return[...t].map(([i,n])=>({filePath:i,findings:n}))}export{s as a};
