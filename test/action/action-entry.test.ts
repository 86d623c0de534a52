import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const ACTION = join(PROJECT_ROOT, 'dist/action/main.js');
const BAD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/render-pool.json'), 'utf8');
const GOOD_POOL = readFileSync(join(PROJECT_ROOT, 'fixtures/examples/clean-pool.json'), 'utf8');

interface Workspace {
  folder: string;
  base: string;
  head: string;
}

/** A checked-out repository whose pull request adds a bad pool and leaves an old bad pool untouched. */
function pullRequestWorkspace(): Workspace {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-action-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  mkdirSync(join(folder, 'pools'));
  writeFileSync(join(folder, 'pools/old.json'), BAD_POOL.replace('render-linux', 'old-pool'));
  writeFileSync(join(folder, 'pools/good.json'), GOOD_POOL);
  git('add', '.');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(join(folder, 'pools/new.json'), BAD_POOL);
  writeFileSync(join(folder, 'README.md'), 'docs\n');
  git('add', '.');
  git('commit', '-qm', 'add a pool');
  return { folder, base, head: git('rev-parse', 'HEAD') };
}

/** Runs the bundled entry as the runner does: node24, INPUT_* variables, event payload, summary and output files. */
function runAction(workspace: Workspace, inputs: Record<string, string>, eventName = 'pull_request') {
  const runnerFiles = mkdtempSync(join(tmpdir(), 'batchlint-runner-'));
  const eventPath = join(runnerFiles, 'event.json');
  const pullRequest = { number: 7, base: { ref: 'main', sha: workspace.base }, head: { ref: 'feature', sha: workspace.head } };
  const event = eventName === 'pull_request' ? { action: 'synchronize', number: 7, pull_request: pullRequest } : { ref: 'refs/heads/main', after: workspace.head };
  writeFileSync(eventPath, JSON.stringify({ ...event, repository: { full_name: 'contoso/pools' } }));
  const summary = join(runnerFiles, 'summary.md');
  const outputs = join(runnerFiles, 'outputs.txt');
  writeFileSync(summary, '');
  writeFileSync(outputs, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace.folder,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [ACTION], { cwd: workspace.folder, env, encoding: 'utf8' });
  return { ...run, summary: readFileSync(summary, 'utf8'), outputs: parseOutputs(readFileSync(outputs, 'utf8')) };
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

describe('the GitHub Action, run as the runner runs it', () => {
  it('declares a node24 entry that exists, and the inputs and outputs it reads', () => {
    const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/main.js' });
    expect(existsSync(ACTION)).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual(['account', 'config', 'context', 'fail-on', 'files', 'format', 'live', 'only-changed', 'sarif-file']);
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'sarif-file', 'warnings']);
  });

  it('annotates only the changed pool file, writes the summary and the outputs, and fails on errors', () => {
    const workspace = pullRequestWorkspace();
    const run = runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'error', 'sarif-file': 'batchlint.sarif' });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.every((line) => line.includes('file=pools/new.json,'))).toBe(true);
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=pools\/new\.json,line=4,col=13,endLine=4,endColumn=29,title=vm-size-hypervisor-generation::STANDARD_A1_V2/));

    expect(run.summary).toContain('### `pools/new.json`');
    expect(run.summary).toContain('[vm-size-hypervisor-generation](https://github.com/batchlint/batchlint/blob/main/docs/rules/vm-size-hypervisor-generation.md)');
    expect(run.summary).not.toContain('old.json');

    expect(run.outputs).toEqual({ errors: '3', warnings: '2', 'sarif-file': 'batchlint.sarif' });
    expect(JSON.parse(readFileSync(join(workspace.folder, 'batchlint.sarif'), 'utf8')).runs[0].results).toHaveLength(5);
  });

  it('lints every file outside a pull request, and passes with fail-on never', () => {
    const workspace = pullRequestWorkspace();
    const run = runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    const everything = runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' }, 'push');
    expect(everything.stdout).toContain('file=pools/old.json');
    expect(everything.stdout).toContain('file=pools/new.json');
  });

  it('fails on warnings when told to', () => {
    const workspace = pullRequestWorkspace();
    writeFileSync(join(workspace.folder, 'pools/new.json'), GOOD_POOL.replace('"waitForSuccess": true', '"waitForSuccess": false'));
    execFileSync('git', ['commit', '-qam', 'only a warning'], { cwd: workspace.folder });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace.folder, encoding: 'utf8' }).trim();
    const onErrors = runAction({ ...workspace, head }, { files: 'pools', 'only-changed': 'true' });
    expect(onErrors.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(onErrors.status).toBe(0);
    expect(runAction({ ...workspace, head }, { files: 'pools', 'only-changed': 'true', 'fail-on': 'warning' }).status).toBe(1);
  });

  it('never hands an input to a shell', () => {
    const workspace = pullRequestWorkspace();
    const marker = join(workspace.folder, 'pwned');
    const run = runAction(workspace, { files: `pools/$(touch ${marker})\npools`, 'only-changed': 'true', config: `x"; touch ${marker}; "` });
    expect(existsSync(marker)).toBe(false);
    expect(run.stdout).toMatch(/^::error title=batchlint::/m);
    expect(run.status).toBe(2);
  });

  it('reads the Azure facts of the context input and annotates what the environment rules find', () => {
    const workspace = pullRequestWorkspace();
    const subnetRule = 'fixtures/rules/subnet-ip-capacity';
    writeFileSync(join(workspace.folder, 'env.yaml'), readFileSync(join(PROJECT_ROOT, subnetRule, 'batchlint.context.yaml')));
    writeFileSync(join(workspace.folder, 'pools/new.json'), readFileSync(join(PROJECT_ROOT, subnetRule, 'invalid/too-many-nodes.json')));
    execFileSync('git', ['commit', '-qam', 'a pool in a small subnet'], { cwd: workspace.folder });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace.folder, encoding: 'utf8' }).trim();
    const withContext = runAction({ ...workspace, head }, { files: 'pools', 'only-changed': 'true', context: 'env.yaml' });
    expect(withContext.stdout).toMatch(/^::error file=pools\/new\.json,line=11,col=17,.*title=subnet-ip-capacity::/m);
    const without = runAction({ ...workspace, head }, { files: 'pools', 'only-changed': 'true' });
    expect(without.stdout).not.toContain('subnet-ip-capacity');
    expect(without.summary).toContain('did not run');
  });

  it('asks for the Batch account when live is on and nothing names it, before any request', () => {
    const run = runAction(pullRequestWorkspace(), { files: 'pools', live: 'true' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error title=batchlint::live mode needs the Batch account/m);
  });

  it('reports a bad input as an error annotation with exit 2, not a stack trace', () => {
    const run = runAction(pullRequestWorkspace(), { 'fail-on': 'sometimes' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('::error title=batchlint::fail-on must be error, warning or never, not "sometimes"\n');
  });
});
