// npm run docs:rules
// Writes the README's rule table from the rules' metadata, between its two markers; a test fails when the
// table in README.md is not what this makes of the rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyRule } from '../src/model/rule.ts';
import { allRules } from '../rules/index.ts';

export const TABLE_START = '<!-- rules:start: generated from the rules by `npm run docs:rules` -->';
export const TABLE_END = '<!-- rules:end -->';

export function ruleTable(rules: readonly AnyRule[]): string {
  const rows = rules.map(({ meta }) => {
    const needsEnvironment = meta.facts.includes('environment') ? ' ¹' : '';
    return `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : ''} | ${meta.description.replace(/\|/g, '\\|')}${needsEnvironment} |`;
  });
  return ['| rule | default | fixable | what it catches |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rule table made anew; the text around the markers is left as it is. */
export function withRuleTable(readme: string, rules: readonly AnyRule[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${ruleTable(rules)}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withRuleTable(readFileSync(path, 'utf8'), allRules));
}
