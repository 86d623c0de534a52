import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a,b,c,d,e,f}from"./chunk-KJRNWVQ5.js";import"./chunk-GTRD63ZT.js";import"./chunk-UQTS7D5X.js";export{a as BicepDocument,f as bicepLiteral,b as childStep,e as passThrough,c as propertyNamed,d as resourceBody};
