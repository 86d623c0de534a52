#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var o="parse-error",r="unused-suppression";function i(t){return"check"in t}var n="https://github.com/batchlint/batchlint/blob/main/docs/rules/";function a(t){return`${n}${t}.md`}function s(t,e){return`${t} is not known statically (${e.reason})`}export{o as a,r as b,i as c,a as d,s as e};
