import type { Formatter } from './formatter.ts';
import { githubFormatter } from './github.ts';
import { jsonFormatter } from './json.ts';
import { markdownFormatter } from './markdown.ts';
import { sarifFormatter } from './sarif.ts';
import { stylishFormatter } from './stylish.ts';

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
  markdown: markdownFormatter,
};
