import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a as r,b as i}from"./chunk-UQTS7D5X.js";var o=i((p,e)=>{e.exports=r("node:os")});export{o as a};
