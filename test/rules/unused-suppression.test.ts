import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDirectives } from '../../src/engine/suppressions.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';

describeRuleFixtures(
  'unused-suppression',
  {
    'stale-and-misspelt.yaml': [
      { line: 5, column: 5, severity: 'warning', message: ['batchlint-disable-next-line comment silences nothing here'] },
      { line: 8, column: 3, message: ['names no known rule (start-task-shel)'] },
    ],
    'stale.jsonc': [{ line: 2, column: 6, message: ['silences nothing'] }],
  },
  { withAllRules: true },
);

describe('inline suppressions', () => {
  const fixture = 'fixtures/rules/unused-suppression/valid/used-suppressions.yaml';
  const ruleIdsOf = async (path: string) => (await lintFixtures([path])).results.flatMap((result) => result.findings.map((finding) => finding.ruleId));

  it('silence the named rules on the next line and in the whole file', async () => {
    expect(await ruleIdsOf(fixture)).toEqual([]);
  });

  it('silence nothing else: without the comments the same pool is reported', async () => {
    const { lint } = await import('../../src/engine/lint.ts');
    const { createFacts } = await import('../../src/facts/catalog-facts.ts');
    const text = readFileSync(join(PROJECT_ROOT, fixture), 'utf8').replace(/^\s*# batchlint-disable.*\n/gm, '');
    const report = await lint({ patterns: ['-'], cwd: PROJECT_ROOT, facts: createFacts(), stdin: { text, filePath: 'pool.yaml' } });
    expect(report.results[0]!.findings.map((finding) => finding.ruleId).sort()).toEqual(['start-task-shell', 'windows-automatic-updates']);
  });

  it('read rule lists and reasons from YAML and JSONC comments, and nothing from plain JSON', () => {
    expect(findDirectives('a: 1 # batchlint-disable-next-line rule-a, rule-b -- why not\n', 'yaml')).toEqual([
      { scope: 'next-line', ruleIds: ['rule-a', 'rule-b'], reason: 'why not', offset: 7, length: 53, line: 1 },
    ]);
    expect(findDirectives('{ /* batchlint-disable rule-a */ }', 'jsonc')[0]).toMatchObject({ scope: 'file', ruleIds: ['rule-a'] });
    expect(findDirectives('{ "note": "batchlint-disable rule-a" }', 'json')).toEqual([]);
    expect(findDirectives('url: "https://x/#batchlint-disable"\n', 'yaml')).toEqual([]);
  });
});
