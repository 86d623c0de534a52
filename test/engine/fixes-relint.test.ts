import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigLocator } from '../../src/config/load-config.ts';
import type { Finding } from '../../src/model/finding.ts';
import { fixText } from '../../src/engine/fix-text.ts';
import { lintText, type TextResult } from '../../src/engine/lint-text.ts';
import { ContextLocator } from '../../src/facts/context-locator.ts';
import { NO_SOURCE_OPTIONS } from '../../src/model/source-adapter.ts';
import { allRules } from '../../rules/index.ts';
import { applyEdits } from '../helpers/apply-edits.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

/**
 * Every fix of every fixture, in every format, must give a file that parses again into as many pools and no
 * longer has the finding it fixed; and all of a file's fixes together (as --fix applies them) must be kept,
 * leaving no finding of a rule whose findings in the file all had a fix.
 */
const FOLDERS = ['fixtures/rules', 'fixtures/examples', 'fixtures/fixes'];
const POOL_FILE = /\.(json|jsonc|ya?ml|tf|bicep)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(resolve(PROJECT_ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(resolve(PROJECT_ROOT, path)).isDirectory()) return filesUnder(path);
    return POOL_FILE.test(name) && !/^batchlint\.(config|context)\./.test(name) ? [path] : [];
  });
}

const configs = new ConfigLocator(
  undefined,
  PROJECT_ROOT,
  allRules.map((rule) => rule.meta.id),
);
const contexts = new ContextLocator(PROJECT_ROOT);

async function linter(filePath: string): Promise<(text: string) => Promise<TextResult>> {
  const config = await configs.forFile(filePath);
  const facts = await contexts.forFile(filePath);
  const readFile = (path: string) => {
    try {
      return readFileSync(resolve(PROJECT_ROOT, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  return (text) => lintText({ filePath, text, config, rules: allRules, facts, sources: NO_SOURCE_OPTIONS, readFile });
}

const sameFinding = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.poolId === b.poolId && a.propertyPath === b.propertyPath;
const where = (finding: Finding) => `${finding.ruleId} ${finding.poolId ?? ''} ${finding.propertyPath}`;

describe('fixes re-lint clean', () => {
  const files = FOLDERS.flatMap(filesUnder);

  it('finds fixable findings in every format', async () => {
    const formats = new Set<string>();
    for (const filePath of files) {
      const result = await (await linter(filePath))(readFileSync(resolve(PROJECT_ROOT, filePath), 'utf8'));
      if (result.findings.some((finding) => finding.fix)) formats.add(filePath.replace(/^.*\./, ''));
    }
    expect([...formats].sort()).toEqual(expect.arrayContaining(['json', 'jsonc', 'tf', 'yaml']));
  });

  for (const filePath of files) {
    it(`${relative('fixtures', filePath)}`, async () => {
      const lintAgain = await linter(filePath);
      const original = readFileSync(resolve(PROJECT_ROOT, filePath), 'utf8');
      const before = await lintAgain(original);
      for (const finding of before.findings.filter((candidate) => candidate.fix)) {
        const after = await lintAgain(applyEdits(original, finding.fix!.edits));
        expect(after.findings.filter((other) => other.ruleId === 'parse-error').length, where(finding)).toBe(
          before.findings.filter((other) => other.ruleId === 'parse-error').length,
        );
        expect(after.pools, where(finding)).toBe(before.pools);
        expect(after.findings.filter((other) => sameFinding(other, finding)).map(where), where(finding)).toEqual([]);
      }
      const all = await fixText(original, before, lintAgain);
      expect(all.refused).toBeUndefined();
      const fullyFixable = new Set(before.findings.filter((finding) => finding.fix).map((finding) => finding.ruleId));
      for (const finding of before.findings) if (!finding.fix) fullyFixable.delete(finding.ruleId);
      expect(all.result.findings.filter((finding) => fullyFixable.has(finding.ruleId)).map(where)).toEqual([]);
      expect(all.result.pools).toBe(before.pools);
    });
  }
});
