// npm run bench (second part): live mode's wall time against the fake Azure of the tests, 100 pools over
// 3 subnets, every answer held back by a network-like latency and one answer much slower. Compares the run
// with the slowest single answer (what a fully concurrent run would cost) and with the sum of all answers
// (what one request at a time would cost). Run with --experimental-transform-types (it imports the sources).
import { parseArgs } from 'node:util';

const { lint } = await import('../src/engine/lint.ts');
const { allRules } = await import('../rules/index.ts');
const { liveFacts } = await import('../src/live/live-facts.ts');
const { loadScenario } = await import('../test/helpers/azure-scenario.ts');
const { startFakeAzure } = await import('../test/helpers/fake-azure.ts');
const { writeHundredPools } = await import('../test/helpers/hundred-pools.ts');
const { liveOptionsFor } = await import('../test/helpers/live-run.ts');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, latency: { type: 'string', default: '100' }, slowest: { type: 'string', default: '800' } } });
const [runs, latencyMs, slowestMs] = [values.runs, values.latency, values.slowest].map(Number);

const scenario = await loadScenario('paged.yaml');
const SLOW_PATH = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b/resourceGroups/etl-net-rg/providers/Microsoft.Network/networkSecurityGroups/etl-nsg';
const routes = scenario.routes.map((route) =>
  route.path.toLowerCase() === SLOW_PATH.toLowerCase() ? { ...route, answers: route.answers.map((answer) => ({ ...answer, delayMs: slowestMs })) } : route,
);
const folder = writeHundredPools();

async function measure(concurrency) {
  const samples = [];
  let requests = 0;
  for (let run = 0; run <= runs; run++) {
    const fake = await startFakeAzure(routes, { ...scenario.options, latencyMs });
    const start = process.hrtime.bigint();
    await lint({ rules: allRules, patterns: [folder], cwd: folder, facts: liveFacts(liveOptionsFor(fake, scenario.accountId, { concurrency })) });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    requests = fake.requests.length;
    await fake.close();
    if (run > 0) samples.push(elapsed); // the first run loads the SDK modules
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0], median: samples[Math.floor(samples.length / 2)], requests };
}

const bounded = await measure(8);
const serial = await measure(1);
const sumOfAnswers = (bounded.requests - 1) * latencyMs + slowestMs;
const ms = (sample) => `${sample.min.toFixed(0)} ms (median ${sample.median.toFixed(0)})`;
const rows = [
  ['live: requests for 100 pools over 3 subnets', String(bounded.requests)],
  ['live: every answer held back', `${latencyMs} ms; the slowest (an NSG, read after its subnet) ${slowestMs} ms`],
  ['live: slowest answer, after the subnet it depends on', `${slowestMs + latencyMs} ms`],
  ['live: sum of all answers', `${sumOfAnswers} ms`],
  ['live: batchlint lint --live, at most 8 in flight', `${ms(bounded)}: ${(bounded.min / (slowestMs + latencyMs)).toFixed(2)}× the slowest chain`],
  ['live: the same, one request at a time', ms(serial)],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
