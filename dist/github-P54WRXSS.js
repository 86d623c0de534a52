#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as o}from"./chunk-JAJZZASB.js";import"./chunk-CJJUSN33.js";var c={error:"error",warning:"warning",info:"notice"},i=r=>{let t=r.results.flatMap(a=>a.findings.map(e=>{let l=[`file=${n(e.filePath)}`,`line=${e.line}`,`col=${e.column}`,`endLine=${e.endLine}`,`endColumn=${e.endColumn}`,`title=${n(e.ruleId)}`].join(",");return`::${c[e.severity]} ${l}::${s(`${o(e.message)} (${e.docsUrl})`)}`}));return t.length>0?`${t.join(`
`)}
`:""};function s(r){return r.replace(/%/g,"%25").replace(/\r/g,"%0D").replace(/\n/g,"%0A")}function n(r){return s(r).replace(/:/g,"%3A").replace(/,/g,"%2C")}export{s as escapeData,i as githubFormatter};
