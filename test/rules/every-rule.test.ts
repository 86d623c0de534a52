import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPoolRule } from '../../src/model/rule.ts';
import { allRules } from '../../rules/index.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { BICEP_PARAMETERS, FORMAT_FILES, PARAMETERS } from '../helpers/same-defect.ts';
import { ruleFilesIn, ruleIndex, withDocsHeader, withRuleTable } from '../../scripts/generate-rules.ts';

describe('every rule', () => {
  it('lives in rules/<id>.ts, with a docs page, a test file and valid and invalid fixtures', () => {
    for (const { meta } of allRules) {
      expect(existsSync(join(PROJECT_ROOT, 'rules', `${meta.id}.ts`)), meta.id).toBe(true);
      expect(existsSync(join(PROJECT_ROOT, 'docs/rules', `${meta.id}.md`)), meta.id).toBe(true);
      expect(existsSync(join(PROJECT_ROOT, 'test/rules', `${meta.id}.test.ts`)), meta.id).toBe(true);
      for (const kind of ['valid', 'invalid']) expect(readdirSync(join(PROJECT_ROOT, 'fixtures/rules', meta.id, kind)).length, `${meta.id} ${kind}`).toBeGreaterThan(0);
    }
  });

  it('that checks a pool has the same defect in every format, with the sites its test expects', () => {
    for (const { meta } of allRules.filter(isPoolRule)) {
      const folder = join(PROJECT_ROOT, 'fixtures/rules', meta.id, 'formats');
      expect(existsSync(folder) ? readdirSync(folder) : [], meta.id).toEqual(expect.arrayContaining([PARAMETERS, BICEP_PARAMETERS, ...Object.values(FORMAT_FILES)]));
      expect(readFileSync(join(PROJECT_ROOT, 'test/rules', `${meta.id}.test.ts`), 'utf8'), meta.id).toContain(`describeSameDefect('${meta.id}', {`);
    }
  });

  it('has a unique kebab-case id and a one-line description', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of allRules) {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meta.description).not.toContain('\n');
    }
  });

  it('is in rules/index.ts, which is what npm run rules:generate makes of the files in rules/', () => {
    const index = readFileSync(join(PROJECT_ROOT, 'rules/index.ts'), 'utf8');
    expect(index, 'rules/index.ts is stale: run npm run rules:generate').toBe(ruleIndex(ruleFilesIn(new URL('rules/', `file://${PROJECT_ROOT}/`))));
    expect(allRules.filter((rule) => !isPoolRule(rule)).map((rule) => rule.meta.id)).toEqual(['arm-expression', 'parse-error', 'unused-suppression']);
  });

  it("is in the README's rule table, which is what npm run rules:generate makes of the rules", () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme, 'the rule table is stale: run npm run rules:generate').toBe(withRuleTable(readme, allRules));
    for (const { meta } of allRules) expect(readme).toContain(`[\`${meta.id}\`](docs/rules/${meta.id}.md)`);
  });

  it('has a docs page whose header is what npm run rules:generate makes of its meta', () => {
    for (const { meta } of allRules) {
      const page = readFileSync(join(PROJECT_ROOT, 'docs/rules', `${meta.id}.md`), 'utf8');
      expect(page, `the header of docs/rules/${meta.id}.md is stale: run npm run rules:generate`).toBe(withDocsHeader(page, meta));
      expect(page.startsWith(`# ${meta.id}\n`), meta.id).toBe(true);
    }
  });
});
