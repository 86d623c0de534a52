import { chmodSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';

function copyOfFixes(): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-fix-cli-'));
  cpSync(join(PROJECT_ROOT, 'fixtures/fixes'), folder, { recursive: true });
  return folder;
}

describe('batchlint lint --fix', () => {
  it('fixes a JSONC file with comments, block-scalar command lines and a list of YAML pools into files that lint clean', () => {
    const folder = copyOfFixes();
    const run = runCli(['lint', '.', '--fix', '--format', 'json'], { cwd: folder });
    expect(run.stderr).toBe('');
    const report = parseJsonReport(run.stdout);
    expect(report.summary.fixed).toBe(report.results.length);
    expect(new Set(report.results.flatMap((result: { findings: { ruleId: string }[] }) => result.findings.map((finding) => finding.ruleId)))).toEqual(
      new Set(['start-task-retries']),
    );
    expect(readFileSync(join(folder, 'comments.jsonc'), 'utf8')).toContain(`    "commandLine": "/bin/bash -c 'tar xzf tools.tar.gz && ./tools/install.sh'",\n`);
    expect(readFileSync(join(folder, 'folded-command.yaml'), 'utf8')).toContain(
      `  commandLine: /bin/bash -c 'tar xzf tools.tar.gz && ./tools/install.sh'\n  maxTaskRetryCount: 1\n`,
    );
    expect(readFileSync(join(folder, 'list-of-pools.yaml'), 'utf8').match(/resizeTimeout: PT30M/g)).toHaveLength(2);
  });

  it('exits 2 naming a read-only file, and writes none', () => {
    const folder = copyOfFixes();
    chmodSync(join(folder, 'folded-command.yaml'), 0o444);
    const run = runCli(['lint', '.', '--fix'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('batchlint: --fix cannot write folded-command.yaml: the file is not writable (read-only); no file was changed\n');
    // The report of the files linted before the failure is still written.
    expect(run.stdout).toContain('list-of-pools.yaml\n');
    for (const name of ['comments.jsonc', 'block-literal-command.yaml', 'list-of-pools.yaml']) {
      expect(readFileSync(join(folder, name), 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, 'fixtures/fixes', name), 'utf8'));
    }
  });
});
