import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const PRE_COMMIT = '/usr/bin/pre-commit';
const BAD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/render-pool.json'), 'utf8');
const GOOD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/clean-pool.json'), 'utf8');
const BAD_TERRAFORM_POOL = `resource "azurerm_batch_pool" "render" {
  name                = "render"
  resource_group_name = "batch-rg"
  account_name        = "batchacct"
  vm_size             = "STANDARD_A1_V2"
  node_agent_sku_id   = "batch.node.ubuntu 22.04"
  storage_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
  fixed_scale {
    target_dedicated_nodes = 2
  }
}
`;

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

  it('installed as the git hook, blocks the commit of a bad Terraform pool and lets good files and other configs through', { timeout: 600_000 }, () => {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hooks, encoding: 'utf8' }).trim();
    const folder = repositoryWith('.pre-commit-config.yaml', `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: batchlint\n`);
    const env = { ...process.env, PRE_COMMIT_HOME: preCommitHome, NO_COLOR: '1' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: folder, encoding: 'utf8', env });
    expect(spawnSync(PRE_COMMIT, ['install'], { cwd: folder, encoding: 'utf8', env }).status).toBe(0);

    writeFileSync(join(folder, 'render.tf'), BAD_TERRAFORM_POOL);
    git('add', 'render.tf');
    const blocked = git('commit', '-qm', 'add the render pool');
    expect(blocked.status).toBe(1);
    expect(blocked.stdout + blocked.stderr).toMatch(/render\.tf\s+5:25 +error +STANDARD_A1_V2 can boot only Generation 1 images/);
    expect(git('rev-parse', '--verify', 'HEAD').status).not.toBe(0);

    writeFileSync(join(folder, 'render.tf'), BAD_TERRAFORM_POOL.replace('STANDARD_A1_V2', 'Standard_D2s_v5'));
    writeFileSync(join(folder, 'tsconfig.json'), '{\n  // not a pool\n  "compilerOptions": { "strict": true, },\n}\n');
    // A Helm template is YAML only once rendered: pre-commit hands it over like any staged .yaml.
    writeFileSync(join(folder, 'configmap.yaml'), 'metadata:\n  labels:\n    {{- include "worker.labels" . | nindent 4 }}\n');
    git('add', 'render.tf', 'tsconfig.json', 'configmap.yaml');
    const passed = git('commit', '-qm', 'add the render pool');
    expect(passed.stdout + passed.stderr).toMatch(/batchlint\.+Passed/);
    expect(passed.status).toBe(0);
  });
});
