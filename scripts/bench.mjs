// npm run bench [-- --files N --runs N --spectral]
// Measures, in one run on this machine: files/second over a folder of generated pools, against the
// floor of a bare Node script that only reads and JSON.parses the same files; a one-file run against a
// bare `node -e ""`; and, with --spectral, Spectral with a five-rule ruleset on the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writePools } from './generate-pools.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' }, spectral: { type: 'boolean', default: false } } });
const fileCount = Number(values.files);
const runs = Number(values.runs);
const benchDir = resolve('.bench');
const poolsDir = join(benchDir, 'pools');
const cli = resolve('dist/cli.js');
const node = process.execPath;

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
rmSync(poolsDir, { recursive: true, force: true });
writePools(poolsDir, fileCount);

const floorScript = join(benchDir, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync } from 'node:fs';\nconst dir = process.argv[2];\nlet n = 0;\nfor (const f of readdirSync(dir)) { JSON.parse(readFileSync(dir + '/' + f, 'utf8')); n++; }\nif (n === 0) process.exit(3);\n`,
);

/**
 * Wall time of a command in milliseconds over repeated runs, after one warm-up run: the fastest run (the
 * steadiest figure on a shared, noisy machine) and the median.
 */
function time(command, args, expectedStatuses = [0, 1]) {
  const samples = [];
  for (let run = 0; run <= runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (!expectedStatuses.includes(result.status)) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run > 0) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0], median: samples[Math.floor(samples.length / 2)] };
}

const ms = (sample) => `${sample.min.toFixed(0)} ms (median ${sample.median.toFixed(0)})`;
const ratio = (a, b) => `${(a.min / b.min).toFixed(2)}× (median ${(a.median / b.median).toFixed(2)}×)`;

const floor = time(node, [floorScript, poolsDir], [0]);
const lintAll = time(node, [cli, 'lint', poolsDir, '--format', 'json']);
const bareNode = time(node, ['-e', ''], [0]);
const oneFile = time(node, [cli, 'lint', join(poolsDir, 'pool-0001.json')]);

const rows = [
  ['files linted', String(fileCount)],
  ['bare read + JSON.parse of the files (floor)', ms(floor)],
  ['batchlint lint on the folder', `${ms(lintAll)}: ${ratio(lintAll, floor)} the floor; target ≤ 3×`],
  ['throughput', `${Math.round((fileCount / lintAll.min) * 1000)} files/s`],
  ['bare node -e ""', ms(bareNode)],
  ['batchlint lint on one file', `${ms(oneFile)}: ${ratio(oneFile, bareNode)} bare node; target ≤ 2×`],
];

if (values.spectral) {
  const spectral = spectralTime();
  rows.push(['Spectral, five-rule ruleset, same files', `${ms(spectral)}: batchlint is ${ratio(spectral, lintAll)} faster; target ≥ 10×`]);
}

const width = Math.max(...rows.map(([label]) => label.length));
console.log(`batchlint benchmark — Node ${process.version}, ${runs} runs each\n`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);

function spectralTime() {
  const spectralDir = join(benchDir, 'spectral');
  const bin = join(spectralDir, 'node_modules/.bin/spectral');
  if (!existsSync(bin)) {
    mkdirSync(spectralDir, { recursive: true });
    const install = spawnSync('npm', ['install', '--prefix', spectralDir, '--no-audit', '--no-fund', '@stoplight/spectral-cli'], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error('could not install @stoplight/spectral-cli');
  }
  const ruleset = join(spectralDir, '.spectral.yaml');
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
  return time(bin, ['lint', '--ruleset', ruleset, '--quiet', `${poolsDir}/*.json`], [0, 1]);
}
