import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';

function tempFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const CLEAN_POOL = readFileSync(new URL('../../fixtures/examples/clean-pool.json', import.meta.url), 'utf8');

describe('batchlint lint', () => {
  it('reports the example pools at file:line:col and exits 1', () => {
    const run = runCli(['lint', 'fixtures/examples']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fixtures/examples/render-pool.json');
    expect(run.stdout).toMatch(/ 4:13 +error +STANDARD_A1_V2 can boot only Generation 1 images.*vm-size-hypervisor-generation/);
    expect(run.stdout).not.toContain('clean-pool.json');
    expect(run.stderr).toBe('');
  });

  it('exits 0 on a clean pool', () => {
    const run = runCli(['lint', 'fixtures/examples/clean-pool.json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no problems');
  });

  it('reports a malformed file as parse-error with line and column and still lints the others', () => {
    const folder = tempFolder({ 'broken.json': '{\n  "id": "a",\n  "vmSize": "Standard_D2s_v3"\n  "targetDedicatedNodes": 1\n}\n', 'good.json': CLEAN_POOL });
    const run = runCli(['lint', '.', '--format', 'json'], { cwd: folder });
    expect(run.status).toBe(1);
    const report = parseJsonReport(run.stdout);
    expect(report.results.map((result: { filePath: string }) => result.filePath)).toEqual(['broken.json', 'good.json']);
    expect(report.results[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', severity: 'error', line: 4, column: 3, message: expect.stringContaining('a comma is expected') }),
    ]);
    expect(report.summary).toMatchObject({ files: 2, pools: 1, errors: 1 });
  });

  it('reports a file it cannot read, names it, and still lints the others', () => {
    // Even root cannot read /proc/self/mem sequentially (EIO): a portable way to get an unreadable file on Linux.
    const run = runCli(['lint', '/proc/self/mem', 'fixtures/examples/clean-pool.json', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = parseJsonReport(run.stdout);
    expect(report.results[0]).toMatchObject({
      filePath: '/proc/self/mem',
      findings: [{ ruleId: 'parse-error', line: 1, column: 1, message: expect.stringContaining('cannot read the file') }],
    });
    expect(report.summary).toMatchObject({ files: 2, pools: 1, errors: 1 });
    expect(run.stderr).toBe('');
  });

  it('prints the versioned JSON contract', () => {
    const run = runCli(['lint', 'fixtures/examples/render-pool.json', '--format', 'json']);
    const report = parseJsonReport(run.stdout);
    expect(report.version).toBe(2);
    const finding = report.results[0]!.findings.find((f: { ruleId: string }) => f.ruleId === 'vm-size-hypervisor-generation');
    expect(finding).toEqual({
      ruleId: 'vm-size-hypervisor-generation',
      severity: 'error',
      message: expect.stringContaining('Generation 2'),
      messageId: 'cannotBoot',
      filePath: 'fixtures/examples/render-pool.json',
      line: 4,
      column: 13,
      endLine: 4,
      endColumn: 29,
      poolId: 'render-linux',
      propertyPath: 'vmSize',
      docsUrl: expect.stringMatching(/docs\/rules\/vm-size-hypervisor-generation\.md$/),
    });
    expect(report.summary).toEqual(expect.objectContaining({ files: 1, pools: 1, errors: expect.any(Number), warnings: expect.any(Number) }));
    expect(Array.isArray(report.notChecked)).toBe(true);
  });

  it('lints stdin given as "-"', () => {
    const run = runCli(['lint', '-', '--stdin-filename', 'piped.json', '--format', 'json'], { input: CLEAN_POOL.replace('Standard_D4ds_v5', 'Standard_D4ds_v99') });
    const report = parseJsonReport(run.stdout);
    expect(report.results[0]!.filePath).toBe('piped.json');
    expect(report.results[0]!.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('vm-size-unknown');
  });

  it('fails the run with exit 2 and a clear message when a pattern matches nothing', () => {
    const run = runCli(['lint', 'no/such/*.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('batchlint: no files match "no/such/*.json"\n');
  });

  it('fails the run with exit 2 on an invalid config, naming the file and the problem, without a stack trace', () => {
    const folder = tempFolder({ 'pool.json': CLEAN_POOL, 'batchlint.config.json': '{ "rules": { "start-task-shel": "error", "vm-size-unknown": "loud" } }' });
    const run = runCli(['lint', 'pool.json'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('batchlint.config.json is not a valid batchlint config');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --cache without --live, which is all it is for, with exit 2', () => {
    const run = runCli(['lint', 'pool.json', '--cache', '.cache'], { cwd: tempFolder({ 'pool.json': CLEAN_POOL }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('batchlint: --cache and --cache-ttl keep what --live reads from Azure: add --live, or leave them out\n');
  });

  it('fails --live with exit 2 when nothing names the Batch account, before loading the Azure SDKs or opening a connection', () => {
    const folder = tempFolder({ 'pool.json': CLEAN_POOL });
    const [networkLog, importLog] = [join(folder, 'network.log'), join(folder, 'imports.log')];
    const hooks = ['record-network.mjs', 'record-imports.mjs'].flatMap((name) => ['--import', new URL(`../helpers/${name}`, import.meta.url).pathname]);
    const run = runCli(['lint', 'pool.json', '--live'], { cwd: folder, nodeArgs: hooks, env: { BATCHLINT_NETWORK_LOG: networkLog, BATCHLINT_IMPORT_LOG: importLog } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^batchlint: live mode needs the Batch account: give --account <resource id>/);
    expect(existsSync(networkLog)).toBe(false);
    expect(
      readFileSync(importLog, 'utf8')
        .split('\n')
        .filter((url) => /live-facts|@azure/.test(url)),
    ).toEqual([]);
  });

  it('applies config severities and overrides for the pool they name, and only that pool (how plain JSON is suppressed)', () => {
    const renderPool = JSON.parse(readFileSync(new URL('../../fixtures/examples/render-pool.json', import.meta.url), 'utf8'));
    const folder = tempFolder({
      'pools.json': JSON.stringify([renderPool, { ...renderPool, id: 'render-other' }], null, 2),
      'batchlint.config.json': JSON.stringify({
        rules: { 'start-task-wait-for-success': 'error' },
        overrides: [{ files: ['*.json'], pools: ['render-linux'], rules: { 'vm-size-hypervisor-generation': 'off' } }],
      }),
    });
    const findings = parseJsonReport(runCli(['lint', '.', '--format', 'json'], { cwd: folder }).stdout).results[0]!.findings;
    expect(findings.filter((f) => f.ruleId === 'start-task-wait-for-success').map((f) => f.severity)).toEqual(['error', 'error']);
    expect(findings.filter((f) => f.ruleId === 'vm-size-hypervisor-generation').map((f) => f.poolId)).toEqual(['render-other']);
  });

  it('exits 1 when warnings pass --max-warnings, 0 when they do not', () => {
    const folder = tempFolder({ 'pool.json': CLEAN_POOL.replace('"waitForSuccess": true', '"waitForSuccess": false') });
    expect(runCli(['lint', '.', '--max-warnings', '0'], { cwd: folder }).status).toBe(1);
    expect(runCli(['lint', '.', '--max-warnings', '5'], { cwd: folder }).status).toBe(0);
  });

  it('says in --debug how many files were not pools', () => {
    const folder = tempFolder({ 'pool.json': CLEAN_POOL, 'package.json': '{"name":"x"}', 'notes.yaml': 'a: 1\n' });
    const run = runCli(['lint', '.', '--debug'], { cwd: folder });
    expect(run.stderr).toContain('2 file(s) held no pool definition and were skipped');
  });

  it("skips another tool's JSON with comments (tsconfig.json), and still reports comments in a pool's .json", () => {
    const tsconfig = '{\n  // compiled by tsc\n  "compilerOptions": { "strict": true, },\n}\n';
    const commentedPool = CLEAN_POOL.replace('{', '{\n  // the render pool');
    const folder = tempFolder({ 'tsconfig.json': tsconfig, 'pool.json': commentedPool });
    const run = runCli(['lint', '.', '--format', 'json', '--debug'], { cwd: folder });
    expect(run.stderr).toContain('skipped tsconfig.json: not a pool definition');
    const results = parseJsonReport(run.stdout).results;
    expect(results.map((result: { filePath: string }) => result.filePath)).toEqual(['pool.json']);
    expect(results[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', line: 2, message: expect.stringContaining('comments are not allowed in JSON (only an ARM template may have them)') }),
    ]);
  });

  it('--fix rewrites only what the fixes touch', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-fix-'));
    cpSync(new URL('../../fixtures/examples/render-pool.json', import.meta.url), join(folder, 'pool.json'));
    const before = readFileSync(join(folder, 'pool.json'), 'utf8');
    const run = runCli(['lint', 'pool.json', '--fix'], { cwd: folder });
    const after = readFileSync(join(folder, 'pool.json'), 'utf8');
    expect(run.stdout).toContain('fixed 1 file(s)');
    const expected = before
      .replace('"apt-get update && apt-get install -y blender"', `"/bin/bash -c 'apt-get update && apt-get install -y blender'"`)
      .replace(/\n  }\n}\n$/, '\n  },\n  "resizeTimeout": "PT30M"\n}\n');
    expect(after).toBe(expected);
  });
});

describe('batchlint rules and init', () => {
  it('lists every rule with its severity and docs', () => {
    const run = runCli(['rules']);
    for (const id of ['vm-size-hypervisor-generation', 'resize-timeout-large-pool', 'start-task-shell', 'pool-schema', 'parse-error']) {
      expect(run.stdout).toContain(id);
    }
    expect(run.stdout).toMatch(/docs\/rules\/start-task-shell\.md/);
  });

  it('reports a finding on a value from a parameters file under that file, in every format', () => {
    const args = ['lint', 'fixtures/formats/arm/parameters/azuredeploy.json'];
    const parameters = 'fixtures/formats/arm/parameters/azuredeploy.parameters.json';
    expect(runCli(args).stdout).toMatch(new RegExp(`^${parameters.replace(/\./g, '\\.')}\n +6:16 +error .*vm-size-unknown$`, 'm'));
    const report = parseJsonReport(runCli([...args, '--format', 'json']).stdout);
    expect(
      report.results.map((result: { filePath: string; findings: { line: number; ruleId: string; filePath: string }[] }) => [
        result.filePath,
        result.findings.map((finding) => `${finding.filePath} ${finding.line} ${finding.ruleId}`),
      ]),
    ).toEqual([
      ['fixtures/formats/arm/parameters/azuredeploy.json', ['fixtures/formats/arm/parameters/azuredeploy.json 11 resize-timeout-large-pool']],
      [parameters, [`${parameters} 6 vm-size-unknown`]],
    ]);
    expect(runCli([...args, '--format', 'markdown']).stdout).toMatch(new RegExp(`### \`${parameters.replace(/\./g, '\\.')}\`\n\n.*\n.*\n\\| 6:16 \\|`));
  });

  it('judges retirements as of --as-of, or BATCHLINT_AS_OF, and refuses a date that is not one', () => {
    const agentRetirement = (args: string[], env: Record<string, string> = {}) =>
      parseJsonReport(runCli(['lint', 'fixtures/examples/render-pool.json', '--format', 'json', ...args], { env }).stdout).results[0]!.findings.filter(
        (finding) => finding.ruleId === 'image-end-of-life',
      );
    expect(agentRetirement(['--as-of', '2026-12-01'])).toEqual([]);
    expect(agentRetirement(['--as-of', '2027-03-01'])).toEqual([expect.objectContaining({ severity: 'warning', line: 12, message: expect.stringContaining('in 121 day(s)') })]);
    expect(agentRetirement([], { BATCHLINT_AS_OF: '2027-07-01' })).toEqual([expect.objectContaining({ severity: 'error', line: 12 })]);
    expect(agentRetirement(['--as-of', '2026-12-01'], { BATCHLINT_AS_OF: '2027-07-01' })).toEqual([]);
    const wrong = runCli(['lint', 'fixtures/examples', '--as-of', '2027-02-30']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('batchlint: the run\'s date must be a calendar date written YYYY-MM-DD (from --as-of or BATCHLINT_AS_OF), not "2027-02-30"\n');
  });

  it('writes a starter config that is itself valid, and never overwrites one', () => {
    const folder = tempFolder({ 'pool.json': CLEAN_POOL });
    expect(runCli(['init'], { cwd: folder }).status).toBe(0);
    expect(runCli(['lint', 'pool.json'], { cwd: folder }).status).toBe(0);
    const again = runCli(['init'], { cwd: folder });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});
