import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as e,b as r}from"./chunk-UQTS7D5X.js";var p=r((s,i)=>{i.exports=e("node:os")});var q=r((t,o)=>{o.exports=e("node:util")});export{p as a,q as b};
