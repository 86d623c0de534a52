import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);
import{a,b,c,d,e,f}from"./chunk-U25OJCFB.js";import"./chunk-I6JH5K54.js";import"./chunk-UQTS7D5X.js";export{a as BicepDocument,f as bicepLiteral,b as childStep,e as passThrough,c as propertyNamed,d as resourceBody};
