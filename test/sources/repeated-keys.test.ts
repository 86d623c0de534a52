import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../helpers/apply-edits.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';

/**
 * A key written twice: YAML forbids it and Terraform refuses a repeated argument (parse-error, and the file
 * is still linted); JSON only says names SHOULD be unique and ARM and az accept them (not reported). In
 * every format the last value is the one read, and every finding and fix lands on it.
 */
const FOLDER = 'fixtures/rules/parse-error';

async function findings(file: string) {
  const report = await lintFixtures([join(FOLDER, file)]);
  return report.results.flatMap((result) => result.findings);
}

describe('a repeated key', () => {
  it('YAML: a parse-error on the repeat, and the rules check the last value, where their findings and fixes go', async () => {
    const all = await findings('invalid/repeated-key.yaml');
    expect(all.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([
      { ruleId: 'parse-error', line: 10, column: 3 },
      { ruleId: 'start-task-shell', line: 10, column: 16 },
    ]);
    const original = readFileSync(join(PROJECT_ROOT, FOLDER, 'invalid/repeated-key.yaml'), 'utf8');
    expect(applyEdits(original, all[1]!.fix!.edits)).toBe(original.replace('  commandLine: make && make install\n', "  commandLine: /bin/bash -c 'make && make install'\n"));
  });

  it('Terraform: a parse-error on the repeated argument, and the last value is the one checked', async () => {
    const all = await findings('invalid/repeated-argument.tf');
    expect(all.filter((finding) => finding.ruleId === 'parse-error').map(({ line, column }) => ({ line, column }))).toEqual([{ line: 7, column: 3 }]);
    expect(
      all.filter((finding) => finding.ruleId === 'vm-size-unknown').map(({ line, column, message }) => ({ line, column, unknown: message.includes('Standard_D4dz_v5') })),
    ).toEqual([{ line: 7, column: 25, unknown: true }]);
  });

  it('JSON: not reported, and findings land on the last occurrence, as JSON.parse reads it', async () => {
    const all = await findings('valid/repeated-key.json');
    expect(all.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'start-task-shell', line: 12, column: 20 }]);
  });
});
