#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as i}from"./chunk-PLNOADVT.js";import{a as n}from"./chunk-ZAVRMD7G.js";import{a as o}from"./chunk-HBKOSIAQ.js";import"./chunk-CJJUSN33.js";var a={error:"error",warning:"warning",info:"notice"},l=()=>({start:()=>"",result:e=>e.findings.map(t=>`${m(t)}
`).join(""),end(e){if(e.notChecked.length===0)return"";let t=i(e.notChecked).map(s=>`- ${s}`);return`::warning title=batchlint%3A checks not run::${r(`${e.notChecked.length} check(s) could not run, so these pools are not known to be clean:
${t.join(`
`)}`)}
`}}),$=n(l);function m(e){let t=[`file=${c(e.filePath)}`,`line=${e.line}`,`col=${e.column}`,`endLine=${e.endLine}`,`endColumn=${e.endColumn}`,`title=${c(e.ruleId)}`].join(",");return`::${a[e.severity]} ${t}::${r(`${o(e.message)} (${e.docsUrl})`)}`}function r(e){return e.replace(/%/g,"%25").replace(/\r/g,"%0D").replace(/\n/g,"%0A")}function c(e){return r(e).replace(/:/g,"%3A").replace(/,/g,"%2C")}export{r as escapeData,l as githubFormat,$ as githubFormatter};
