import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const PRE_COMMIT = '/usr/bin/pre-commit';
const BAD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/render-pool.json'), 'utf8');
const GOOD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/clean-pool.json'), 'utf8');

/** A throwaway git repository with one pool file staged, as a developer would have before committing. */
function repositoryWith(name: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-precommit-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  writeFileSync(join(folder, name), text);
  git('add', name);
  return folder;
}

// CI installs pre-commit (.ci/run); a developer without it skips these, CI never does.
describe.skipIf(!existsSync(PRE_COMMIT) && !process.env.CI)('the pre-commit hook, run by the real pre-commit', () => {
  // One cache for both runs: the first installs the hook (npm install of this repository), the second reuses it.
  const preCommitHome = mkdtempSync(join(tmpdir(), 'batchlint-precommit-home-'));
  const tryRepo = (folder: string) =>
    spawnSync(PRE_COMMIT, ['try-repo', PROJECT_ROOT, 'batchlint', '--all-files'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: preCommitHome, NO_COLOR: '1' },
    });

  it('blocks a bad pool file and shows the finding', { timeout: 600_000 }, () => {
    const run = tryRepo(repositoryWith('pool.json', BAD_POOL));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/batchlint\.+Failed/);
    expect(run.stdout).toContain('pool.json');
    expect(run.stdout).toMatch(/4:13 +error +STANDARD_A1_V2 can boot only Generation 1 images/);
  });

  it('lets a good pool file through', { timeout: 600_000 }, () => {
    const run = tryRepo(repositoryWith('pool.json', GOOD_POOL));
    expect(run.stdout).toMatch(/batchlint\.+Passed/);
    expect(run.status).toBe(0);
  });
});
