import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
function n(e){return"check"in e}var o="https://github.com/batchlint/batchlint/blob/main/docs/rules/";function r(e){return`${o}${e}.md`}function i(e,t){return`${e} is not known statically (${t.reason})`}export{n as a,r as b,i as c};
