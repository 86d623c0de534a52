import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const BIN = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.batchlint!;

describe("package.json's bin", () => {
  it('is committed executable, so that npx finds nothing to change in a fresh clone', () => {
    expect(execFileSync('git', ['ls-files', '--stage', '--', BIN], { cwd: PROJECT_ROOT, encoding: 'utf8' })).toMatch(/^100755 /);
  });

  it('is executable as the build wrote it', () => {
    expect(statSync(join(PROJECT_ROOT, BIN)).mode & 0o111).toBe(0o111);
  });
});
