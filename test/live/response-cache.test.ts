import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/engine/lint.ts';
import { loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { lintLive, liveOptionsFor, STATIC_TOKEN } from '../helpers/live-run.ts';

const POOLS = 'fixtures/azure/pools';

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

const findings = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.map(({ ruleId, poolId, line, column, message }) => ({ ruleId, poolId, line, column, message })));

/** Two runs of live mode on the scenario's fake Azure, sharing a cache folder; the requests each sent. */
async function twoRuns(scenarioName: string, ttlSeconds: number, betweenRuns: (dir: string) => void = () => {}) {
  const scenario = await loadScenario(scenarioName);
  fake = await startFakeAzure(scenario.routes, scenario.options);
  const dir = mkdtempSync(join(tmpdir(), 'batchlint-cache-'));
  const options = liveOptionsFor(fake, scenario.accountId, { cache: { dir, ttlSeconds } });
  const first = await lintLive([POOLS], options);
  const firstRequests = fake.requests.length;
  betweenRuns(dir);
  const second = await lintLive([POOLS], options);
  return { dir, first, second, firstRequests, secondRequests: fake.requests.slice(firstRequests) };
}

describe('live mode with --cache', () => {
  it('answers a second run from the cache: no request, the same findings', async () => {
    const { first, second, firstRequests, secondRequests } = await twoRuns('paged.yaml', 600);
    expect(firstRequests).toBeGreaterThan(10);
    expect(secondRequests).toEqual([]);
    expect(findings(second)).toEqual(findings(first));
    expect(second.notChecked).toEqual(first.notChecked);
  });

  it('asks again once the answers are older than the TTL', async () => {
    const { firstRequests, secondRequests } = await twoRuns('paged.yaml', 0);
    expect(secondRequests).toHaveLength(firstRequests);
  });

  it('keeps no failure: a resource that was refused is asked for again, and only it', async () => {
    const { first, secondRequests } = await twoRuns('forbidden-network.yaml', 600);
    const refused = first.notChecked.filter(({ reason }) => reason.includes('403')).length;
    expect(refused).toBeGreaterThan(0);
    expect(secondRequests.length).toBeGreaterThan(0);
    expect(secondRequests.every((request) => /\/virtualNetworks\//i.test(request.path))).toBe(true);
  });

  it('keeps answers only, never the token that fetched them', async () => {
    const { dir } = await twoRuns('paged.yaml', 600);
    const kept = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.some((text) => text.includes(STATIC_TOKEN))).toBe(false);
  });

  it('asks again for an answer whose file was torn, and mends it', async () => {
    let torn = '';
    const { second, secondRequests } = await twoRuns('paged.yaml', 600, (dir) => {
      torn = join(dir, readdirSync(dir)[0]!);
      writeFileSync(torn, '{"url": "https://127.0.0.1/half');
    });
    expect(secondRequests).toHaveLength(1);
    expect(second.summary.pools).toBeGreaterThan(0);
    expect(() => JSON.parse(readFileSync(torn, 'utf8')) as unknown).not.toThrow();
  });
});
