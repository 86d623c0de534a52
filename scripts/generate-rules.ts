// npm run rules:generate
// Writes what is made from the rules themselves: rules/index.ts (the rule set, from the files in rules/), the
// README's rule table and the header of each docs page (from the rules' metadata). A test fails when any of
// them is not what this makes of the rules.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyRule, RuleMeta } from '../src/model/rule.ts';

const ROOT = new URL('../', import.meta.url);
const GENERATED_BY = 'generated from the rules by `npm run rules:generate`';
export const TABLE_START = `<!-- rules:start: ${GENERATED_BY} -->`;
export const TABLE_END = '<!-- rules:end -->';
export const HEADER_START = `<!-- meta:start: ${GENERATED_BY} -->`;
export const HEADER_END = '<!-- meta:end -->';

/** rules/index.ts for the rule modules in rules/: each file exports one `<camelCaseId>Rule`. */
export function ruleIndex(ruleFiles: readonly string[]): string {
  const ids = ruleFiles.map((file) => file.replace(/\.ts$/, '')).sort();
  const names = ids.map((id) => `${id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())}Rule`);
  return [
    `// ${GENERATED_BY[0]!.toUpperCase()}${GENERATED_BY.slice(1)}: do not edit.`,
    "import type { AnyRule } from '../src/model/rule.ts';",
    ...ids.map((id, index) => `import { ${names[index]} } from './${id}.ts';`),
    '',
    '/** Every rule, by id. */',
    'export const allRules: readonly AnyRule[] = [',
    ...names.map((name) => `  ${name},`),
    '];',
    '',
  ].join('\n');
}

export function ruleFilesIn(folder: URL): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
}

export function ruleTable(rules: readonly AnyRule[]): string {
  const rows = rules.map(({ meta }) => {
    const needsEnvironment = meta.facts.includes('environment') ? ' ¹' : '';
    return `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : ''} | ${meta.description.replace(/\|/g, '\\|')}${needsEnvironment} |`;
  });
  return ['| rule | default | fixable | what it catches |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rule table made anew; the text around the markers is left as it is. */
export function withRuleTable(readme: string, rules: readonly AnyRule[]): string {
  return between(readme, TABLE_START, TABLE_END, ruleTable(rules), 'README.md');
}

/** The table at the top of a rule's docs page. */
export function docsHeader(meta: RuleMeta): string {
  const { severityNote, fixableNote, facts } = meta.docs;
  const fixable = meta.fixable ? `yes${fixableNote ? `: ${fixableNote}` : ''}` : `no${fixableNote ? ` (${fixableNote})` : ''}`;
  const rows = [
    ['Default severity', `${meta.defaultSeverity}${severityNote ? ` (${severityNote})` : ''}`],
    ['Fixable', fixable],
    ['Facts', facts ?? 'none'],
  ];
  const options = Object.keys((meta.optionsSchema as { properties?: object } | undefined)?.properties ?? {});
  if (options.length > 0) rows.push(['Options', `${options.map((name) => `\`${name}\``).join(', ')} (below)`]);
  return [meta.description, '', '| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}

/** A docs page with its header made anew: the title, the rule's description and its table. */
export function withDocsHeader(page: string, meta: RuleMeta): string {
  return between(page, HEADER_START, HEADER_END, docsHeader(meta), `docs/rules/${meta.id}.md`);
}

function between(text: string, start: string, end: string, content: string, name: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${name} has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = new URL('rules/index.ts', ROOT);
  writeFileSync(index, ruleIndex(ruleFilesIn(new URL('rules/', ROOT))));
  const { allRules } = (await import(index.href)) as { allRules: readonly AnyRule[] };
  const readme = new URL('README.md', ROOT);
  writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8'), allRules));
  for (const { meta } of allRules) {
    const page = new URL(`docs/rules/${meta.id}.md`, ROOT);
    writeFileSync(page, withDocsHeader(readFileSync(page, 'utf8'), meta));
  }
}
