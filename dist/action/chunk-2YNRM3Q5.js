import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var i=class extends Error{constructor(n,r,t){super(n);this.offset=r;this.length=t}offset;length};var o=class{lineStarts=[0];constructor(e){for(let n=e.indexOf(`
`);n!==-1;n=e.indexOf(`
`,n+1))this.lineStarts.push(n+1)}position(e){let n=0,r=this.lineStarts.length-1;for(;n<r;){let t=n+r+1>>1;this.lineStarts[t]<=e?n=t:r=t-1}return{line:n+1,column:e-this.lineStarts[n]+1}}location(e,n){let r=this.position(e),t=this.position(e+n);return{line:r.line,column:r.column,endLine:t.line,endColumn:t.column,offset:e,length:n}}};export{i as a,o as b};
