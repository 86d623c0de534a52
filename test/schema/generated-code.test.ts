import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

// The raw Azure data lives beside the repository (../shared), not in it: a plain clone has no copy, so
// the catalog check is skipped there, by name, and runs where the data is (CI).
const SHARED_DATA = join(PROJECT_ROOT, '../shared/data/azure');
const hasSharedData = existsSync(SHARED_DATA);

function runScript(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', script, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

describe('generated data is up to date with its sources', () => {
  it("the precompiled validators match the schemas and the rules' options", () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-schemas-'));
    runScript('scripts/build-schemas.ts', [folder]);
    for (const file of ['pool-validator.js', 'config-validators.js', 'context-validator.js']) {
      expect(readFileSync(join(folder, file), 'utf8'), `${file} is stale: run npm run schemas:build`).toBe(readFileSync(join(PROJECT_ROOT, 'src/schema/generated', file), 'utf8'));
    }
  });

  it.skipIf(!hasSharedData)(
    `the catalog is what the build script makes of the shared data, byte for byte${hasSharedData ? '' : ' (skipped: no ../shared/data/azure beside this clone)'}`,
    () => {
      const output = join(mkdtempSync(join(tmpdir(), 'batchlint-catalog-')), 'catalog.json');
      runScript('scripts/build-catalog.ts', [SHARED_DATA, output]);
      expect(readFileSync(output, 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, 'src/catalog/data/catalog.json'), 'utf8'));
    },
  );
});
