import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';

/** A pool under a CanNotDelete lock (a resource-lock warning) and a ReadOnly one (an error), with the context that holds the locks. */
function lockedPools(rules: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-severity-'));
  const fixtures = join(PROJECT_ROOT, 'fixtures/rules/resource-lock');
  cpSync(join(fixtures, 'batchlint.context.yaml'), join(folder, 'batchlint.context.yaml'));
  cpSync(join(fixtures, 'invalid/cannot-delete-network-group.yaml'), join(folder, 'cannot-delete.yaml'));
  cpSync(join(fixtures, 'invalid/read-only-network-group.yaml'), join(folder, 'read-only.yaml'));
  writeFileSync(join(folder, 'batchlint.config.json'), JSON.stringify({ rules }));
  return folder;
}

function severities(folder: string, extra: string[] = []) {
  const run = runCli(['lint', '.', '--format', 'json', ...extra], { cwd: folder });
  const findings = parseJsonReport(run.stdout).results.flatMap((result) => result.findings);
  return { status: run.status, severities: findings.filter((finding) => finding.ruleId === 'resource-lock').map((finding) => finding.severity) };
}

describe('a configured severity is a ceiling', () => {
  it('keeps a rule set to info from printing warnings that count against --max-warnings', () => {
    const folder = lockedPools({ 'resource-lock': 'info' });
    expect(severities(folder, ['--max-warnings', '0'])).toEqual({ status: 0, severities: ['info', 'info'] });
  });

  it('lowers the error case to the configured warning and leaves the milder case as the rule reports it', () => {
    expect(severities(lockedPools({ 'resource-lock': 'warning' }))).toEqual({ status: 0, severities: ['warning', 'warning'] });
    expect(severities(lockedPools({ 'resource-lock': 'error' }))).toEqual({ status: 1, severities: ['warning', 'error'] });
  });

  it('reports nothing from a rule that is off', () => {
    expect(severities(lockedPools({ 'resource-lock': 'off' }))).toEqual({ status: 0, severities: [] });
  });
});
