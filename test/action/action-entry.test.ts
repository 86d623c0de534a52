import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allRules } from '../../rules/index.ts';
import { escapeData } from '../../src/formatters/github.ts';
import { SIGN_IN_HELP } from '../../src/live/sign-in.ts';
import { azureCliEnvironment } from '../helpers/fake-az-cli.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { parseSarifLog } from '../helpers/cli-output.ts';

const ACTION = join(PROJECT_ROOT, 'dist/action/main.js');
const RECORD_NETWORK = join(PROJECT_ROOT, 'test/helpers/record-network.mjs');
const RECORD_IMPORTS = join(PROJECT_ROOT, 'test/helpers/record-imports.mjs');
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

interface RunOptions {
  eventName?: string;
  /** Extra node flags (test hooks preloaded with --import). */
  nodeArgs?: string[];
  env?: Record<string, string>;
}

/**
 * Runs the bundled entry as the runner does: node24, INPUT_* variables, event payload, summary and output files.
 * The runner upper-cases an input's name and keeps its dashes (INPUT_FAIL-ON), which a shell could not export.
 */
function runAction(workspace: Workspace, inputs: Record<string, string>, { eventName = 'pull_request', nodeArgs = [], env: extraEnv = {} }: RunOptions = {}) {
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
    BATCHLINT_AS_OF: process.env.BATCHLINT_AS_OF ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace.folder,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [...nodeArgs, ACTION], { cwd: workspace.folder, env, encoding: 'utf8' });
  return { ...run, summary: readFileSync(summary, 'utf8'), outputs: parseOutputs(readFileSync(outputs, 'utf8')) };
}

/** The workspace after one more commit on the pull request's branch. */
function commit(workspace: Workspace, files: Record<string, string>): Workspace {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace.folder, path)), { recursive: true });
    writeFileSync(join(workspace.folder, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace.folder, encoding: 'utf8' }).trim();
  git('add', ...Object.keys(files));
  git('commit', '-qm', 'change pools');
  return { ...workspace, head: git('rev-parse', 'HEAD') };
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** What the tests read of action.yml and of the README's workflow. */
interface ActionFile {
  runs: { using: string; main: string };
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: { batchlint: { steps: { uses?: string; with?: Record<string, unknown> }[] } };
}

describe('the GitHub Action, run as the runner runs it', () => {
  it('declares a node24 entry that exists, and the inputs and outputs it reads', () => {
    const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as ActionFile;
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/main.js' });
    expect(existsSync(ACTION)).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual(['account', 'config', 'context', 'fail-on', 'files', 'format', 'live', 'only-changed', 'sarif-file']);
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'sarif-file', 'warnings']);
  });

  it('has a README workflow that checks out, runs batchlint with inputs it declares, and uploads the SARIF', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const workflow = parse(/```yaml\n(name: batchlint\n[\s\S]*?)```/.exec(readme)![1]!) as Workflow;
    const steps = workflow.jobs.batchlint.steps;
    expect(steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/checkout', 'batchlint/batchlint', 'github/codeql-action/upload-sarif']);
    const declared = Object.keys((parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as ActionFile).inputs);
    expect(declared).toEqual(expect.arrayContaining(Object.keys(steps[1]!.with!)));
    expect(steps[2]!.with!.sarif_file).toBe(steps[1]!.with!['sarif-file']);
    expect(workflow.permissions).toMatchObject({ contents: 'read', 'security-events': 'write' });
  });

  it('annotates only the changed pool file, writes the summary and the outputs, and fails on errors', () => {
    const workspace = pullRequestWorkspace();
    const run = runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'error', 'sarif-file': 'batchlint.sarif' });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    const ruleIds = new Set(allRules.map((rule) => rule.meta.id));
    for (const line of annotations) {
      const [, file, title] = /^::(?:error|warning|notice) file=([^,]+),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=([^:]+)::/.exec(line) ?? [];
      expect(file, line).toBe('pools/new.json');
      expect(ruleIds.has(title!), line).toBe(true);
    }
    expect(annotations).toContainEqual(
      expect.stringMatching(/^::error file=pools\/new\.json,line=4,col=13,endLine=4,endColumn=29,title=vm-size-hypervisor-generation::STANDARD_A1_V2/),
    );

    expect(run.summary).toContain('### `pools/new.json`\n\n| Line | Severity | Rule | Pool | Message |');
    expect(run.summary).toMatch(/environment rules .* did not run: add a batchlint\.context\.yaml or use --live/);
    expect(run.summary).toContain('[vm-size-hypervisor-generation](https://github.com/batchlint/batchlint/blob/main/docs/rules/vm-size-hypervisor-generation.md)');
    expect(run.summary).not.toContain('old.json');

    expect(run.outputs).toEqual({ errors: '3', warnings: '2', 'sarif-file': 'batchlint.sarif' });
    expect(parseSarifLog(readFileSync(join(workspace.folder, 'batchlint.sarif'), 'utf8')).runs[0]!.results).toHaveLength(5);
  });

  it('lints every file outside a pull request, and passes with fail-on never', () => {
    const workspace = pullRequestWorkspace();
    const run = runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    const everything = runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' }, { eventName: 'push' });
    expect(everything.stdout).toContain('file=pools/old.json');
    expect(everything.stdout).toContain('file=pools/new.json');
  });

  it('warns and lints every file when git cannot tell the changed files (a shallow checkout)', () => {
    const shallow = { ...pullRequestWorkspace(), base: 'f'.repeat(40) };
    const run = runAction(shallow, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' });
    expect(run.stdout).toMatch(/^::warning::could not list the pull request's changed files \(.+\); linting all files\. Check out with fetch-depth: 0\.$/m);
    expect(run.stdout).toContain('file=pools/old.json');
    expect(run.status).toBe(0);
  });

  it('lints the pools a changed context file applies to, and the module of a changed .tf file, though they are unchanged', () => {
    const before = pullRequestWorkspace();
    const contextOnly = { ...commit(before, { 'pools/batchlint.context.yaml': 'location: eastus\n' }), base: before.head };
    const run = runAction(contextOnly, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' });
    expect(run.stdout).toContain('file=pools/old.json');
    expect(run.stdout).toContain('file=pools/new.json');

    const docsOnly = { ...commit(contextOnly, { 'docs/notes.md': 'more\n' }), base: contextOnly.head };
    expect(runAction(docsOnly, { files: 'pools', 'only-changed': 'true', 'fail-on': 'never' }).stdout).not.toContain('file=pools/');
  });

  it('fails on warnings when told to', () => {
    const workspace = commit(pullRequestWorkspace(), { 'pools/new.json': GOOD_POOL.replace('"waitForSuccess": true', '"waitForSuccess": false') });
    const onErrors = runAction(workspace, { files: 'pools', 'only-changed': 'true' });
    expect(onErrors.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(onErrors.status).toBe(0);
    expect(runAction(workspace, { files: 'pools', 'only-changed': 'true', 'fail-on': 'warning' }).status).toBe(1);
  });

  it('never hands an input to a shell', () => {
    const workspace = pullRequestWorkspace();
    const marker = join(workspace.folder, 'pwned');
    const run = runAction(workspace, { files: `pools/$(touch ${marker})\npools`, 'only-changed': 'true', config: `x"; touch ${marker}; "` });
    expect(existsSync(marker)).toBe(false);
    expect(run.stdout).toMatch(/^::error title=batchlint::/m);
    expect(run.status).toBe(2);
  });

  const SUBNET_RULE = join(PROJECT_ROOT, 'fixtures/rules/subnet-ip-capacity');
  const SMALL_SUBNET_CONTEXT = readFileSync(join(SUBNET_RULE, 'batchlint.context.yaml'), 'utf8');
  const POOL_IN_SMALL_SUBNET = readFileSync(join(SUBNET_RULE, 'invalid/too-many-nodes.json'), 'utf8');
  const SUBNET_FINDING = /^::error file=pools\/new\.json,line=11,col=17,endLine=11,endColumn=\d+,title=subnet-ip-capacity::.*only 39 free/m;

  it('reads the Azure facts of the context input and annotates what the environment rules find', () => {
    const workspace = commit(pullRequestWorkspace(), { 'pools/new.json': POOL_IN_SMALL_SUBNET, 'env/prod.yaml': SMALL_SUBNET_CONTEXT });
    const withContext = runAction(workspace, { files: 'pools', 'only-changed': 'true', context: 'env/prod.yaml' });
    expect(withContext.stdout).toMatch(SUBNET_FINDING);
    expect(withContext.summary).toContain('[subnet-ip-capacity](https://github.com/batchlint/batchlint/blob/main/docs/rules/subnet-ip-capacity.md)');
    expect(withContext.summary).not.toContain('did not run');
    // What the context file does not say is listed as not checked, with the reason.
    expect(withContext.summary).toContain('### Not checked');
    expect(withContext.summary).toContain("| `pools/new.json` | render | core-quota-headroom | the Batch account's pool allocation mode (account.poolAllocationMode) is not known");

    const without = runAction(workspace, { files: 'pools', 'only-changed': 'true' });
    expect(without.stdout).not.toContain('subnet-ip-capacity');
    expect(without.summary).toContain('did not run');
  });

  it('finds the nearest batchlint.context.yaml above each pool file when no context is given', () => {
    const workspace = commit(pullRequestWorkspace(), { 'pools/new.json': POOL_IN_SMALL_SUBNET, 'pools/batchlint.context.yaml': SMALL_SUBNET_CONTEXT });
    const run = runAction(workspace, { files: 'pools', 'only-changed': 'true' });
    expect(run.stdout).toMatch(SUBNET_FINDING);
    expect(run.summary).toContain("the Batch account's pool allocation mode (account.poolAllocationMode) is not known");
  });

  it('asks for the Batch account when live is on and nothing names it, before loading the Azure SDKs or opening a connection', () => {
    const runnerFiles = mkdtempSync(join(tmpdir(), 'batchlint-live-'));
    const networkLog = join(runnerFiles, 'network.log');
    const importLog = join(runnerFiles, 'imports.log');
    const run = runAction(
      pullRequestWorkspace(),
      { files: 'pools', live: 'true' },
      {
        nodeArgs: ['--import', RECORD_NETWORK, '--import', RECORD_IMPORTS],
        env: { BATCHLINT_NETWORK_LOG: networkLog, BATCHLINT_IMPORT_LOG: importLog },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      '::error title=batchlint::live mode needs the Batch account: give --account <resource id>, "account" in batchlint.config.json, or account.id in the context file\n',
    );
    expect(existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '').toBe('');
    const loaded = readFileSync(importLog, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => url.endsWith('/dist/action/main.js'))).toBe(true);
    expect(loaded.filter((url) => /live-facts|@azure/.test(url))).toEqual([]);
    expect(run.outputs).toEqual({});
  });

  it('fails with one error annotation when live is on and the runner is not signed in to Azure, sending nothing', () => {
    const networkLog = join(mkdtempSync(join(tmpdir(), 'batchlint-live-')), 'network.log');
    const signedOut = azureCliEnvironment({ ca: '', signedIn: false });
    const run = runAction(
      pullRequestWorkspace(),
      { files: 'pools', live: 'true', account: '/subscriptions/S/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct' },
      {
        nodeArgs: ['--import', RECORD_NETWORK],
        env: { BATCHLINT_NETWORK_LOG: networkLog, PATH: signedOut.PATH!, AZURE_TOKEN_CREDENTIALS: signedOut.AZURE_TOKEN_CREDENTIALS! },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(`::error title=batchlint::${escapeData(SIGN_IN_HELP)}\n`);
    expect(existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '').toBe('');
  });

  it('has a network recorder that does see a connection attempt', () => {
    const networkLog = join(mkdtempSync(join(tmpdir(), 'batchlint-network-')), 'network.log');
    const attempt = "await fetch('http://127.0.0.1:45678/').catch(() => {})";
    spawnSync(process.execPath, ['--import', RECORD_NETWORK, '--input-type=module', '-e', attempt], { env: { ...process.env, BATCHLINT_NETWORK_LOG: networkLog } });
    expect(readFileSync(networkLog, 'utf8')).toContain('"port":"45678","host":"127.0.0.1"');
  });

  it('reports a bad input as an error annotation with exit 2, not a stack trace', () => {
    const run = runAction(pullRequestWorkspace(), { 'fail-on': 'sometimes' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('::error title=batchlint::fail-on must be error, warning or never, not "sometimes"\n');
    const notBoolean = runAction(pullRequestWorkspace(), { live: 'yes' });
    expect(notBoolean.status).toBe(2);
    expect(notBoolean.stdout).toBe('::error title=batchlint::live must be true or false, not "yes"\n');
  });
});
