import type { Formatter } from './formatter.ts';
import { jsonFormatter } from './json.ts';
import { stylishFormatter } from './stylish.ts';

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
};
