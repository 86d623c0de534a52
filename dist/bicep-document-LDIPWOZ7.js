#!/usr/bin/env node
import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a,b,c,d,e,f}from"./chunk-ULZBFFED.js";import"./chunk-WK6BLZ3X.js";import"./chunk-CJJUSN33.js";export{a as BicepDocument,f as bicepLiteral,b as childStep,e as passThrough,c as propertyNamed,d as resourceBody};
