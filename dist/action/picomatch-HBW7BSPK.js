import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a}from"./chunk-CHVAC4FW.js";import"./chunk-UQTS7D5X.js";export default a();
