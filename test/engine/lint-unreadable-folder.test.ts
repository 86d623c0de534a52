import { mkdirSync, mkdtempSync, readdir, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { ReadFolder } from '../../src/sources/discover.ts';
import { allRules } from '../../rules/index.ts';

const CLEAN_POOL = readFileSync(new URL('../../fixtures/examples/clean-pool.json', import.meta.url), 'utf8');

/** Root reads any folder, so the test lists folders through a readdir that fails for one, with the code a folder without read permission gives. */
const failingForLocked: ReadFolder = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries?: unknown) => void) => {
  if (path.replace(/\/+$/, '').endsWith('locked')) callback(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
  else (readdir as (...args: unknown[]) => void)(path, options, callback);
}) as ReadFolder;

describe('lint, a folder it cannot read', () => {
  it('is named in the report with the reason, and the run goes on without an error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'batchlint-unreadable-'));
    mkdirSync(join(root, 'pools/locked'), { recursive: true });
    writeFileSync(join(root, 'pools/locked/pool.json'), CLEAN_POOL);
    writeFileSync(join(root, 'pools/pool.json'), CLEAN_POOL);
    const debug: string[] = [];
    const report = await lint({ patterns: ['pools'], cwd: root, facts: createFacts(), rules: allRules, readFolder: failingForLocked, debug: (message) => debug.push(message) });
    expect(report.notLinted).toEqual([{ path: 'pools/locked', reason: 'cannot read the folder (EACCES); its files were not linted' }]);
    expect(report.results.map((result) => result.filePath)).toEqual(['pools/pool.json']);
    expect(report.summary).toMatchObject({ files: 1, pools: 1, errors: 0 });
    expect(debug).toContain('skipped pools/locked: cannot read the folder (EACCES); its files were not linted');
  });
});
