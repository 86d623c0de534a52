import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePools } from '../../scripts/generate-pools.mjs';
import { AUTO_MIN_FILES } from '../../src/cli/parallel-lint.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import { allRules } from '../../rules/index.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { azureCliEnvironment } from '../helpers/fake-az-cli.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { runCliAsync, type CliRun } from '../helpers/run-cli.ts';
import { parseBaseline, parseJsonReport, parseSarifLog, type JsonReport } from '../helpers/cli-output.ts';

// Every `npx batchlint …` line of the README is run here through the built bundle, word for word, in a
// folder laid out as the README assumes (pools/, pool.json); live mode against the fake Azure.

const README_ACCOUNT = '/subscriptions/S/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';

/** The README's shell lines that run batchlint, without their trailing comments. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => /\bnpx batchlint\b/.test(line))
    .map((line) => line.replace(/\s+#\s.*$/, '').trim());
}

interface ShellLine {
  args: string[];
  input?: string;
  stdoutFile?: string;
}

/** What the shell would hand batchlint for one README line: its arguments, a piped file, a redirection. */
function parseLine(line: string, cwd: string): ShellLine {
  const words = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]!);
  const parsed: ShellLine = { args: [] };
  if (words[0] === 'cat') {
    parsed.input = readFileSync(join(cwd, words[1]!), 'utf8');
    words.splice(0, 3);
  }
  if (words[0] === 'npm') words.splice(0, words.indexOf('&&') + 1);
  expect(words.slice(0, 2)).toEqual(['npx', 'batchlint']);
  const redirect = words.indexOf('>');
  if (redirect >= 0) {
    parsed.stdoutFile = words[redirect + 1]!;
    words.splice(redirect, 2);
  }
  parsed.args = words.slice(2);
  return parsed;
}

/** A folder with the README's pools/ (copies of the named fixtures) and pool.json, and the files given by content. */
function workspace(pools: Record<string, string>, files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-readme-'));
  mkdirSync(join(folder, 'pools'));
  for (const [name, source] of Object.entries(pools)) cpSync(join(PROJECT_ROOT, source), join(folder, 'pools', name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  cpSync(join(PROJECT_ROOT, 'fixtures/examples/clean-pool.json'), join(folder, 'pool.json'));
  return folder;
}

const UNKNOWN_FUNCTION_FORMULA = '$tasks = max($PendingTasks.GetSample(TimeInterval_Minute * 5, 70));\n$TargetDedicatedNodes = minimum(10, $tasks);\n';
const QUEUE_FORMULA = '$tasks = max($PendingTasks.GetSample(TimeInterval_Minute * 2, 50));\n$TargetDedicatedNodes = min(20, $tasks);\n';

const EXAMPLE_POOLS = {
  'render-pool.json': 'fixtures/examples/render-pool.json',
  'windows-pool.yaml': 'fixtures/examples/windows-pool.yaml',
  'clean-pool.json': 'fixtures/examples/clean-pool.json',
};

async function run(line: string, cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const { args, input, stdoutFile } = parseLine(line, cwd);
  const result = await runCliAsync(args, { cwd, env, ...(input !== undefined && { input }) });
  if (stdoutFile) writeFileSync(join(cwd, stdoutFile), result.stdout);
  return result;
}

function findingsOf(report: JsonReport): string[] {
  return report.results.flatMap((result) => result.findings.map((finding) => `${result.filePath}:${finding.line}:${finding.column} ${finding.ruleId}`));
}

let fake: FakeAzure | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** The fake Azure serving the live scenarios' environment under the README's account id. */
async function fakeAzureForReadme(): Promise<FakeAzure> {
  const environment = await loadContextFile(join(PROJECT_ROOT, 'fixtures/azure/batchlint.context.yaml'), PROJECT_ROOT);
  return startFakeAzure(environmentRoutes(environment, README_ACCOUNT), environmentOptions(environment));
}

/** Live-mode lines get the fake Azure's endpoint; everything else of the line stays as written. */
function liveLine(line: string, endpoint: string): string {
  return line.replace(/ >/, ` --arm-endpoint ${endpoint} >`).replace(/(--account \S+)$/, `$1 --arm-endpoint ${endpoint}`);
}

const CASES: Record<string, (line: string) => Promise<void>> = {
  'npm ci && npx batchlint lint fixtures/examples': async () => {
    // As a user runs it: through npx and the package's bin, from the project's root.
    const result = spawnSync('npx', ['batchlint', 'lint', 'fixtures/examples'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('fixtures/examples/render-pool.json\n');
    expect(result.stdout).toMatch(/^ +4:13 +error .*vm-size-hypervisor-generation$/m);
    expect(result.stderr).not.toMatch(/EBADENGINE|Error/);
  },
  'npx batchlint lint pools/': async (line) => {
    const result = await run(line, workspace(EXAMPLE_POOLS));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('pools/render-pool.json');
    expect(result.stdout).toContain('pools/windows-pool.yaml');
    expect(result.stdout).toMatch(/✖ \d+ problem\(s\) \(\d+ error\(s\), \d+ warning\(s\)\) in 3 pool\(s\), 3 file\(s\)/);
  },
  "npx batchlint lint 'pools/**/*.json'": async (line) => {
    const result = await run(line, workspace(EXAMPLE_POOLS));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('pools/render-pool.json');
    expect(result.stdout).not.toContain('windows-pool.yaml');
    expect(result.stdout).toMatch(/in 2 pool\(s\), 2 file\(s\)/);
  },
  'cat pool.json | npx batchlint lint -': async (line) => {
    const result = await run(line, workspace({}));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 pool(s) in 1 file(s): no problems');
  },
  'npx batchlint lint pools/ --format json': async (line) => {
    const result = await run(line, workspace(EXAMPLE_POOLS));
    const report = parseJsonReport(result.stdout);
    expect(report.version).toBe(2);
    expect(findingsOf(report)).toContain('pools/render-pool.json:4:13 vm-size-hypervisor-generation');
    expect(result.status).toBe(1);
  },
  'npx batchlint lint pools/ --format sarif -o batchlint.sarif': async (line) => {
    const folder = workspace(EXAMPLE_POOLS);
    const result = await run(line, folder);
    expect(result.stdout).toBe('');
    const sarif = parseSarifLog(readFileSync(join(folder, 'batchlint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((entry: { ruleId: string }) => entry.ruleId)).toContain('start-task-shell');
  },
  'npx batchlint lint pools/ --format github': async (line) => {
    const result = await run(line, workspace(EXAMPLE_POOLS));
    expect(result.stdout).toMatch(/^::error file=pools\/render-pool\.json,line=4,col=13,endLine=\d+,endColumn=\d+,title=vm-size-hypervisor-generation::/m);
  },
  'npx batchlint lint pools/ --fix': async (line) => {
    const folder = workspace(EXAMPLE_POOLS);
    const before = readFileSync(join(folder, 'pools/render-pool.json'), 'utf8');
    const result = await run(line, folder);
    expect(result.stdout).toMatch(/fixed 2 file\(s\)/);
    expect(readFileSync(join(folder, 'pools/render-pool.json'), 'utf8')).not.toBe(before);
    const after = parseJsonReport((await runCliAsync(['lint', 'pools/', '--format', 'json'], { cwd: folder })).stdout);
    expect(findingsOf(after).filter((finding) => /resize-timeout-large-pool|start-task-shell/.test(finding))).toEqual([]);
  },
  'npx batchlint lint pools/ --quiet --max-warnings 0': async (line) => {
    const result = await run(line, workspace({ 'windows-pool.yaml': 'fixtures/examples/windows-pool.yaml' }));
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/^ +\d+:\d+ +warning/m);
    expect(result.stdout).toMatch(/too many warnings: [1-9]\d*, more than --max-warnings 0 \(not shown: --quiet/);
  },
  'npx batchlint lint . --concurrency auto': async (line) => {
    const folder = workspace(EXAMPLE_POOLS);
    writePools(join(folder, 'generated'), AUTO_MIN_FILES);
    const result = await run(`${line} --format json --debug`, folder);
    const single = await runCliAsync(['lint', '.', '--format', 'json'], { cwd: folder });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(single.stdout);
    // auto uses the CPUs: one alone leaves the run on the main thread.
    if (availableParallelism() > 1) expect(result.stderr).toMatch(/\d+ file\(s\) were linted on \d+ worker thread\(s\)/);
    else expect(result.stderr).not.toContain('worker thread');
  },
  'npx batchlint lint pools/ --as-of 2027-07-01': async (line) => {
    const folder = workspace(EXAMPLE_POOLS);
    const result = await run(line, folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ +12:23 +error +Batch's support for node agent batch\.node\.ubuntu 22\.04 ended .*image-end-of-life$/m);
    expect((await runCliAsync(['lint', 'pools/'], { cwd: folder })).stdout).not.toContain('batch.node.ubuntu 22.04 ended');
  },
  'npx batchlint autoscale check scale.formula': async (line) => {
    const result = await run(line, workspace({}, { 'scale.formula': UNKNOWN_FUNCTION_FORMULA }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^scale\.formula\n +2:25 +error +Autoscale formula: unknown function 'minimum'\. +autoscale-formula-semantics$/m);
  },
  "npx batchlint autoscale eval scale.formula --var '$PendingTasks=[4, 9, 12, 30]' --now 2026-12-01T10:00:00Z": async (line) => {
    const result = await run(line, workspace({}, { 'scale.formula': QUEUE_FORMULA }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The four samples of the last two minutes: the largest, 30, capped at 20.
    expect(result.stdout).toBe('$TargetDedicatedNodes=20;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$tasks=30\n');
  },
  'npx batchlint rules': async (line) => {
    const result = await run(line, workspace({}));
    expect(result.status).toBe(0);
    for (const { meta } of allRules) expect(result.stdout).toContain(meta.id);
  },
  'npx batchlint init': async (line) => initChangesNoFinding(line, 'batchlint.config.json'),
  'npx batchlint init --format yaml': async (line) => initChangesNoFinding(line, 'batchlint.config.yaml'),
  [`npx batchlint lint pools/ --live --account ${README_ACCOUNT}`]: async (line) => {
    fake = await fakeAzureForReadme();
    const folder = workspace({ 'three-subnets.yaml': 'fixtures/azure/pools/three-subnets.yaml' });
    const result = await run(liveLine(line, fake.endpoint), folder, azureCliEnvironment({ ca: fake.ca, signedIn: true }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/error +.*subnet-ip-capacity/);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(new Set(fake.requests.map((request) => request.authorization))).toEqual(new Set(['Bearer static-test-token']));
  },
  [`npx batchlint lint pools/ --live --cache .batchlint-cache --account ${README_ACCOUNT}`]: async (line) => {
    fake = await fakeAzureForReadme();
    const folder = workspace({ 'three-subnets.yaml': 'fixtures/azure/pools/three-subnets.yaml' });
    const env = azureCliEnvironment({ ca: fake.ca, signedIn: true });
    const first = await run(liveLine(line, fake.endpoint), folder, env);
    const asked = fake.requests.length;
    const second = await run(liveLine(line, fake.endpoint), folder, env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/error +.*subnet-ip-capacity/);
    expect(asked).toBeGreaterThan(0);
    expect(fake.requests.slice(asked).filter((request) => !/\/pools$|\/subnets\/[^/]+$/i.test(request.path))).toEqual([]);
    expect(second.stdout).toBe(first.stdout);
    expect(existsSync(join(folder, '.batchlint-cache'))).toBe(true);
  },
  [`npx batchlint context snapshot pools/ --account ${README_ACCOUNT} > batchlint.context.yaml`]: async (line) => {
    fake = await fakeAzureForReadme();
    const folder = workspace({ 'three-subnets.yaml': 'fixtures/azure/pools/three-subnets.yaml' });
    const env = azureCliEnvironment({ ca: fake.ca, signedIn: true });
    const snapshot = await run(liveLine(line, fake.endpoint), folder, env);
    expect(snapshot.stderr).toBe('');
    expect(snapshot.status).toBe(0);
    expect(readFileSync(join(folder, 'batchlint.context.yaml'), 'utf8')).toMatch(/^# batchlint context: read from Azure for 3 pool\(s\)[\s\S]*\nsubnets:\n/);
    // The file it wrote is found beside the pools' folder and gives the findings live mode gives.
    const fromSnapshot = parseJsonReport((await runCliAsync(['lint', 'pools/', '--format', 'json'], { cwd: folder })).stdout);
    const live = parseJsonReport(
      (await runCliAsync(['lint', 'pools/', '--format', 'json', '--live', '--account', README_ACCOUNT, '--arm-endpoint', fake.endpoint], { cwd: folder, env })).stdout,
    );
    expect(findingsOf(fromSnapshot)).toEqual(findingsOf(live));
    expect(findingsOf(live).some((finding) => finding.endsWith('subnet-ip-capacity'))).toBe(true);
  },
  'npx batchlint lint pools/ --write-baseline batchlint.baseline.json': async (line) => {
    const folder = workspace(EXAMPLE_POOLS);
    const found = findingsOf(parseJsonReport((await runCliAsync(['lint', 'pools/', '--format', 'json'], { cwd: folder })).stdout)).length;
    const result = await run(line, folder);
    expect(result.status).toBe(0);
    expect(found).toBeGreaterThan(0);
    expect(result.stdout).toContain(`recorded ${found} finding(s) in batchlint.baseline.json`);
    expect(parseBaseline(readFileSync(join(folder, 'batchlint.baseline.json'), 'utf8')).findings).toHaveLength(found);
  },
  'npx batchlint lint pools/ --baseline batchlint.baseline.json': async (line) => {
    const folder = workspace(EXAMPLE_POOLS);
    await runCliAsync(['lint', 'pools/', '--write-baseline', 'batchlint.baseline.json'], { cwd: folder });
    const result = await run(line, folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 pool(s) in 3 file(s)');
    expect(result.stdout).not.toMatch(/error|warning/);
  },
};

/** A starter config is valid and changes no finding of the examples. */
async function initChangesNoFinding(line: string, written: string): Promise<void> {
  const folder = workspace(EXAMPLE_POOLS);
  const lintJson = async () => parseJsonReport((await runCliAsync(['lint', 'pools/', '--format', 'json'], { cwd: folder })).stdout);
  const before = await lintJson();
  const result = await run(line, folder);
  expect(result.status).toBe(0);
  expect(readdirSync(folder)).toContain(written);
  const config = readFileSync(join(folder, written), 'utf8');
  expect(config).toContain('https://raw.githubusercontent.com/batchlint/batchlint/v');
  expect(await lintJson()).toEqual(before);
  expect(findingsOf(before).length).toBeGreaterThan(0);
  const again = await run(line, folder);
  expect(again.status).toBe(2);
  expect(again.stderr).toContain(`${written} already exists`);
}

describe('every batchlint command in the README, run from the built bundle', () => {
  it('has a case here for each of them', () => {
    expect(readmeCommands().sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [command, check] of Object.entries(CASES)) it(command, () => check(command), 60_000);
});
