#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var a=[[/([?&]sig=)[^&\s"'<>]+/gi,"$1REDACTED"],[/(AccountKey=|SharedAccessKey=|SharedAccessSignature=|Password=|pwd=)[^;\s"']+/gi,"$1REDACTED"],[/(\bBearer\s+)[A-Za-z0-9._~+/=-]+/g,"$1REDACTED"],[/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"']+:)[^@\s"']+@/gi,"$1REDACTED@"]],n=/sig=|key=|signature=|password=|pwd=|bearer|:\/\/[^\s/]*@/i;function E(e){if(!n.test(e))return e;let r=e;for(let[s,t]of a)r=r.replace(s,t);return r}export{E as a};
