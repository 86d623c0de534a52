import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const CLEAN_POOL = readFileSync(new URL('../../fixtures/examples/clean-pool.json', import.meta.url), 'utf8');

describe('lint --max-file-size', () => {
  const root = mkdtempSync(join(tmpdir(), 'batchlint-size-'));
  writeFileSync(join(root, 'pool.json'), CLEAN_POOL);

  it('refuses a larger file with a parse-error naming its size, and exits 1', () => {
    const run = runCli(['lint', 'pool.json', '--max-file-size', '100B'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`the file is ${Buffer.byteLength(CLEAN_POOL)} bytes, larger than the 100 bytes batchlint reads`);
    expect(run.stdout).toContain('pool.json');
  });

  it('reads the file under a higher limit', () => {
    expect(runCli(['lint', 'pool.json', '--max-file-size', '1MB'], { cwd: root }).status).toBe(0);
  });

  it('says what it expects of a size it cannot read, exit 2', () => {
    const run = runCli(['lint', 'pool.json', '--max-file-size', 'ten'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected a size such as 20MB, 512KB or a number of bytes');
  });
});
