#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
var e="Azure environment rules (quota, subnet, locks, NSG, DNS, a size's region and restrictions) did not run: add a batchlint.context.yaml or use --live";export{e as a};
