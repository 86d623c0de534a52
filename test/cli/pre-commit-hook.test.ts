import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const PRE_COMMIT = '/usr/bin/pre-commit';
const BAD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/render-pool.json'), 'utf8');
const GOOD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/clean-pool.json'), 'utf8');

/**
 * This repository as pre-commit sees a published one: the hook definition, the package and the current
 * build, committed. (Trying the working tree directly would miss files the build added but git does not track yet.)
 */
function hookRepository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-hook-repo-'));
  for (const path of ['.pre-commit-hooks.yaml', 'package.json', 'package-lock.json', 'dist', 'docs', 'schemas']) {
    cpSync(join(PROJECT_ROOT, path), join(folder, path), { recursive: true });
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  git('add', '.');
  git('commit', '-qm', 'hook');
  return folder;
}

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
  // One cache for both runs: the first installs the hook (npm install of the hook repository), the second reuses it.
  const preCommitHome = mkdtempSync(join(tmpdir(), 'batchlint-precommit-home-'));
  const hooks = hookRepository();
  const tryRepo = (folder: string) =>
    spawnSync(PRE_COMMIT, ['try-repo', hooks, 'batchlint', '--all-files'], {
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
