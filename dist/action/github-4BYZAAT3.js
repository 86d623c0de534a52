import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as c}from"./chunk-ZS4NDZ7S.js";import{a as s}from"./chunk-PUNXOZEX.js";import"./chunk-UQTS7D5X.js";var i={error:"error",warning:"warning",info:"notice"},u=t=>{let r=t.results.flatMap(n=>n.findings.map(e=>{let a=[`file=${l(e.filePath)}`,`line=${e.line}`,`col=${e.column}`,`endLine=${e.endLine}`,`endColumn=${e.endColumn}`,`title=${l(e.ruleId)}`].join(",");return`::${i[e.severity]} ${a}::${o(`${s(e.message)} (${e.docsUrl})`)}`}));if(t.notChecked.length>0){let n=c(t.notChecked).map(e=>`- ${e}`);r.push(`::warning title=batchlint%3A checks not run::${o(`${t.notChecked.length} check(s) could not run, so these pools are not known to be clean:
${n.join(`
`)}`)}`)}return r.length>0?`${r.join(`
`)}
`:""};function o(t){return t.replace(/%/g,"%25").replace(/\r/g,"%0D").replace(/\n/g,"%0A")}function l(t){return o(t).replace(/:/g,"%3A").replace(/,/g,"%2C")}export{o as escapeData,u as githubFormatter};
