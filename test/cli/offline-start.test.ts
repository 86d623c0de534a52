import { mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePools } from '../../scripts/generate-pools.mjs';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';

describe('an offline run on a large folder', () => {
  it('lints 1,000 pool files without loading any Azure SDK module', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-large-'));
    writePools(join(folder, 'pools'), 1000);
    const log = join(folder, 'imports.log');
    const recorder = new URL('../helpers/record-imports.mjs', import.meta.url).pathname;
    const run = runCli(['lint', 'pools', '--format', 'json'], { cwd: folder, nodeArgs: ['--import', recorder], env: { BATCHLINT_IMPORT_LOG: log } });

    expect(run.stderr).toBe('');
    expect(parseJsonReport(run.stdout).summary).toMatchObject({ files: 1000, pools: 1000 });
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@azure'))).toEqual([]);
  });

  it('has a recorder that does see an Azure SDK import when one happens', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-recorder-'));
    const log = join(folder, 'imports.log');
    const recorder = new URL('../helpers/record-imports.mjs', import.meta.url).pathname;
    const result = spawnSync(process.execPath, ['--import', recorder, '--input-type=module', '-e', "await import('@azure/batch')"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BATCHLINT_IMPORT_LOG: log },
    });
    expect(result.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/@azure\/batch/);
  });
});
