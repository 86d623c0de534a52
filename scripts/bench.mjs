// npm run bench [-- --runs N --quick --spectral --no-live --out FILE]
// The rows of issue 15, measured in one run on this machine, each with its target beside it:
// - folders of generated pool files (1 → 10,000 files) against the floor of a bare Node script that only
//   reads and JSON.parses the same files, and the largest again with --concurrency auto; one file against
//   `node` plus reading and parsing that file;
// - one file of 1,000 → 10,000 pools with findings, in each format (10× the pools may cost at most 11×);
// - peak memory over 2,000 → 20,000 files (at most 1.5×);
// - with --spectral, Spectral with a five-rule ruleset on the same 1,000 files (npx, at run time).
// Times are wall-clock medians of --runs runs after a warm-up run; CPU time and peak RSS are the child's own
// (process.resourceUsage at exit). The machine is shared: compare ratios within one run. --quick runs the
// small sizes only. The figures are also written as JSON (--out, default .bench/bench-results.json). Then,
// unless --no-live, scripts/bench-live.mjs measures live mode against the fake Azure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writePools, writePoolsFile } from './generate-pools.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    spectral: { type: 'boolean', default: false },
    out: { type: 'string', default: '.bench/bench-results.json' },
    live: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const runs = Number(values.runs);
const benchDir = resolve('.bench');
const cli = resolve('dist/cli.js');
const node = process.execPath;
const usageFile = join(benchDir, 'usage.json');

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
mkdirSync(benchDir, { recursive: true });

// Loaded into every measured process: its CPU time and peak RSS, written as it exits.
const usageHook = join(benchDir, 'usage-hook.mjs');
writeFileSync(
  usageHook,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMiB: u.maxRSS / 1024 })); });\n`,
);

const floorScript = join(benchDir, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync, statSync } from 'node:fs';\nconst target = process.argv[2];\nconst files = statSync(target).isDirectory() ? readdirSync(target).map((name) => target + '/' + name) : [target];\nfor (const file of files) JSON.parse(readFileSync(file, 'utf8'));\nif (files.length === 0) process.exit(3);\n`,
);

/** Wall time, CPU time and peak RSS of a Node script over repeated runs after one warm-up run: medians. */
function measure(args, expectedStatuses = [0, 1]) {
  const samples = [];
  for (let run = 0; run <= runs; run++) {
    rmSync(usageFile, { force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(node, ['--import', usageHook, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (!expectedStatuses.includes(result.status)) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run > 0) samples.push({ wallMs, ...JSON.parse(readFileSync(usageFile, 'utf8')) });
  }
  const median = (key) => samples.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { wallMs: median('wallMs'), cpuMs: median('cpuMs'), maxRssMiB: median('maxRssMiB') };
}

const lintArgs = (target, format = 'json') => [cli, 'lint', target, '--format', format];
const seconds = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const times = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ratio, target) => (ratio <= target ? 'ok' : 'OVER');

const rows = [];
const results = {
  node: process.version,
  runs,
  date: new Date().toISOString(),
  folders: [],
  concurrency: undefined,
  oneFile: undefined,
  poolsInOneFile: [],
  memory: undefined,
  spectral: undefined,
};
const row = (work, figure, target = '') => {
  rows.push([work, figure, target]);
  console.log(`${work.padEnd(48)}  ${figure.padEnd(60)}  ${target}`);
};

console.log(`batchlint benchmark — Node ${process.version}, median of ${runs} runs (wall; CPU in brackets)\n`);

// Folders of generated files against the read + JSON.parse floor.
for (const count of values.quick ? [1, 100, 1000] : [1, 100, 1000, 10000]) {
  const folder = join(benchDir, `pools-${count}`);
  rmSync(folder, { recursive: true, force: true });
  writePools(folder, count);
  const floor = measure([floorScript, folder], [0]);
  const linted = measure(lintArgs(folder));
  const [ratio, cpuRatio] = [linted.wallMs / floor.wallMs, linted.cpuMs / floor.cpuMs];
  results.folders.push({ files: count, floor, batchlint: linted, ratio, cpuRatio });
  const target = count === 1000 ? `target ≤ 3× the floor: ${verdict(ratio, 3)} (CPU ${verdict(cpuRatio, 3)})` : '';
  row(
    `${count.toLocaleString('en')} generated pool file(s)`,
    `${seconds(linted.wallMs)} [${seconds(linted.cpuMs)}]; floor ${seconds(floor.wallMs)} [${seconds(floor.cpuMs)}]: ${times(linted.wallMs, floor.wallMs)} [${times(linted.cpuMs, floor.cpuMs)}]`,
    target,
  );
}

// The largest folder again on worker threads: what the second core gives (auto starts none below 2,000 files).
if (!values.quick) {
  const count = 10000;
  const single = results.folders.find((entry) => entry.files === count).batchlint;
  const threaded = measure([...lintArgs(join(benchDir, `pools-${count}`)), '--concurrency', 'auto']);
  results.concurrency = { files: count, single, threaded, speedup: single.wallMs / threaded.wallMs };
  row(
    `${count.toLocaleString('en')} files, --concurrency auto`,
    `${seconds(threaded.wallMs)} [${seconds(threaded.cpuMs)}] against ${seconds(single.wallMs)} on one thread: ${times(single.wallMs, threaded.wallMs)} as fast, ${threaded.maxRssMiB.toFixed(0)} MiB`,
    '',
  );
}

// One file against node plus reading and parsing that file.
{
  const file = join(benchDir, 'pools-1000', 'pool-0001.json');
  const floor = measure([floorScript, file], [0]);
  const bare = measure(['-e', ''], [0]);
  const linted = measure(lintArgs(file, 'stylish'));
  const [ratio, cpuRatio] = [linted.wallMs / floor.wallMs, linted.cpuMs / floor.cpuMs];
  results.oneFile = { bareNode: bare, floor, batchlint: linted, ratio, cpuRatio };
  row(
    'one file',
    `${seconds(linted.wallMs)} [${seconds(linted.cpuMs)}]; node + read + parse ${seconds(floor.wallMs)} [${seconds(floor.cpuMs)}]: ${times(linted.wallMs, floor.wallMs)} [${times(linted.cpuMs, floor.cpuMs)}] (bare node ${seconds(bare.wallMs)})`,
    `target ≤ 1.5×: ${verdict(ratio, 1.5)} (CPU ${verdict(cpuRatio, 1.5)})`,
  );
}

// One file of many pools, in each format: 10× the pools must cost at most 11×.
const POOL_SIZES = values.quick ? [100, 1000] : [1000, 10000];
// ARM allows at most 800 copies in a loop.
const COPY_SIZES = values.quick ? [8, 80] : [80, 800];
for (const format of ['json', 'yaml', 'arm', 'arm-copy', 'tf']) {
  const sizes = format === 'arm-copy' ? COPY_SIZES : POOL_SIZES;
  const [small, large] = sizes.map((count) => {
    const path = writePoolsFile(join(benchDir, `one-file-${format}-${count}`), format, count);
    // 10,000 pools in one JSON file pass the default 10 MB file size limit: without a higher one the row times a refusal.
    return { count, ...measure([...lintArgs(path), '--max-file-size', '1GB']) };
  });
  // Start-up is the same for both sizes; the target is about the work that grows, so it is taken out.
  const startUp = results.oneFile.batchlint.cpuMs;
  const ratio = (large.cpuMs - startUp) / Math.max(small.cpuMs - startUp, 1);
  results.poolsInOneFile.push({ format, small, large, growthWithoutStartUp: ratio });
  row(
    `one ${format} file of ${small.count.toLocaleString('en')} → ${large.count.toLocaleString('en')} pools`,
    `${seconds(small.wallMs)} → ${seconds(large.wallMs)} [${seconds(small.cpuMs)} → ${seconds(large.cpuMs)}]: CPU ${times(large.cpuMs, small.cpuMs)}, ${ratio.toFixed(2)}× without start-up`,
    `target ≤ 11×: ${verdict(ratio, 11)}`,
  );
}

// Peak memory over a tenfold folder.
{
  const [smallCount, largeCount] = values.quick ? [200, 2000] : [2000, 20000];
  const [small, large] = [smallCount, largeCount].map((count) => {
    const folder = join(benchDir, `pools-${count}`);
    if (!existsSync(folder)) writePools(folder, count);
    return { files: count, ...measure(lintArgs(folder)) };
  });
  const ratio = large.maxRssMiB / small.maxRssMiB;
  results.memory = { small, large, ratio };
  row(
    `peak RSS, ${smallCount.toLocaleString('en')} → ${largeCount.toLocaleString('en')} files (--format json)`,
    `${small.maxRssMiB.toFixed(0)} → ${large.maxRssMiB.toFixed(0)} MiB: ${times(large.maxRssMiB, small.maxRssMiB)}`,
    `target ≤ 1.5×: ${verdict(ratio, 1.5)}`,
  );
}

if (values.spectral) {
  const spectral = spectralTime(join(benchDir, 'pools-1000'));
  const linted = results.folders.find((entry) => entry.files === 1000).batchlint;
  results.spectral = { spectral, ratio: spectral.wallMs / linted.wallMs };
  row('Spectral, five-rule ruleset, 1,000 files', `${seconds(spectral.wallMs)}: batchlint is ${times(spectral.wallMs, linted.wallMs)} faster`, '');
}

mkdirSync(dirname(resolve(values.out)), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
console.log(`\nwritten to ${values.out}\n`);

if (values.live) {
  const live = spawnSync(node, ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', 'scripts/bench-live.mjs'], { stdio: 'inherit' });
  if (live.status !== 0) process.exitCode = live.status ?? 1;
}

/** Spectral from npm at run time (not a dependency), with a ruleset of five rules like batchlint's simplest. */
function spectralTime(folder) {
  const ruleset = join(benchDir, '.spectral.yaml');
  writeFileSync(
    ruleset,
    [
      'rules:',
      '  vm-size-present: { given: "$", then: { field: vmSize, function: truthy }, severity: error }',
      '  id-pattern: { given: "$.id", then: { function: pattern, functionOptions: { match: "^[A-Za-z0-9_-]{1,64}$" } }, severity: error }',
      '  wait-for-success: { given: "$.startTask", then: { field: waitForSuccess, function: truthy }, severity: warn }',
      '  image-present: { given: "$.virtualMachineConfiguration", then: { field: imageReference, function: truthy }, severity: error }',
      '  retries: { given: "$.startTask", then: { field: maxTaskRetryCount, function: truthy }, severity: warn }',
      '',
    ].join('\n'),
  );
  const npx = (args) => spawnSync('npx', ['--yes', '@stoplight/spectral-cli', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const samples = [];
  for (let run = 0; run <= runs; run++) {
    const start = process.hrtime.bigint();
    const result = npx(['lint', '--ruleset', ruleset, '--quiet', `${folder}/*.json`]);
    if (![0, 1].includes(result.status)) throw new Error(`spectral exited ${result.status}: ${result.stderr}`);
    if (run > 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { wallMs: samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] };
}
