#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var t="Azure environment rules (quota, subnet, locks, NSG, DNS, size availability) did not run: add a batchlint.context.yaml or use --live";export{t as a};
