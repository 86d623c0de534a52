import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/engine/lint.ts';
import { loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure, type FakeRoute } from '../helpers/fake-azure.ts';
import { lintLive, liveOptionsFor, STATIC_TOKEN } from '../helpers/live-run.ts';

const POOLS = 'fixtures/azure/pools';
const RENDER_VNET = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render';
/** What changes as pools scale, or can carry a secret: the account's pools and applications, subnets (their addresses in use), usages. */
const ALWAYS_ASKED = /\/pools$|\/applications|\/subnets\/[^/]+$|\/usages$/i;

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

const findings = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.map(({ ruleId, poolId, line, column, message }) => ({ ruleId, poolId, line, column, message })));
const keptFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json'));

/** Two runs of live mode on the scenario's fake Azure, sharing a cache folder; the requests each sent. */
async function twoRuns(scenarioName: string, ttlSeconds: number, betweenRuns: (dir: string) => void = () => {}, routes: (routes: FakeRoute[]) => FakeRoute[] = (given) => given) {
  const scenario = await loadScenario(scenarioName);
  fake = await startFakeAzure(routes(scenario.routes), scenario.options);
  const dir = join(mkdtempSync(join(tmpdir(), 'batchlint-cache-')), 'cache');
  const options = liveOptionsFor(fake, scenario.accountId, { cache: { dir, ttlSeconds } });
  const first = await lintLive([POOLS], options);
  const firstRequests = fake.requests.length;
  betweenRuns(dir);
  const second = await lintLive([POOLS], options);
  return { dir, first, second, firstRequests, secondRequests: fake.requests.slice(firstRequests) };
}

describe('live mode with --cache', () => {
  it('answers a second run from the cache but for what changes as pools scale, with the same findings', async () => {
    const { first, second, firstRequests, secondRequests } = await twoRuns('paged.yaml', 600);
    expect(firstRequests).toBeGreaterThan(10);
    expect(secondRequests.length).toBeGreaterThan(0);
    expect(secondRequests.length).toBeLessThan(firstRequests / 2);
    expect(secondRequests.filter((request) => !ALWAYS_ASKED.test(request.path))).toEqual([]);
    expect(findings(second)).toEqual(findings(first));
    expect(second.notChecked).toEqual(first.notChecked);
  });

  it("keeps nothing of the account's pools, applications or subnets, and keeps the folder out of git", async () => {
    const { dir } = await twoRuns('paged.yaml', 600);
    const urls = keptFiles(dir).map((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { url: string }).url);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => ALWAYS_ASKED.test(new URL(url).pathname))).toEqual([]);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('asks again once the answers are older than the TTL', async () => {
    const { firstRequests, secondRequests } = await twoRuns('paged.yaml', 0);
    expect(secondRequests).toHaveLength(firstRequests);
  });

  it('asks again for an answer dated in the future', async () => {
    const { firstRequests, secondRequests } = await twoRuns('paged.yaml', 600, (dir) => {
      for (const name of keptFiles(dir)) {
        const answer = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { storedAt: number };
        writeFileSync(join(dir, name), JSON.stringify({ ...answer, storedAt: Date.now() + 86_400_000 }));
      }
    });
    expect(secondRequests).toHaveLength(firstRequests);
  });

  it('keeps no failure: a resource that was refused is asked for again', async () => {
    const { first, secondRequests } = await twoRuns('forbidden-network.yaml', 600);
    expect(first.notChecked.some(({ reason }) => reason.includes('403'))).toBe(true);
    expect(secondRequests.some((request) => /\/virtualNetworks\/vnet-render\/subnets\/render\/providers\/Microsoft.Authorization\/locks$/i.test(request.path))).toBe(true);
  });

  it('keeps no malformed answer: the second run asks again and reads it', async () => {
    const { first, second, secondRequests } = await twoRuns(
      'paged.yaml',
      600,
      () => {},
      (routes) => routes.map((route) => (route.path === RENDER_VNET ? { ...route, answers: [{ rawBody: '{"id": "/subscriptions/' }, ...route.answers] } : route)),
    );
    expect(first.notChecked.some(({ reason }) => reason.includes('was not valid JSON'))).toBe(true);
    expect(secondRequests.map((request) => request.path)).toContain(RENDER_VNET);
    expect(second.notChecked.some(({ reason }) => reason.includes('was not valid JSON'))).toBe(false);
  });

  it('keeps answers only, never the token that fetched them', async () => {
    const { dir } = await twoRuns('paged.yaml', 600);
    const kept = keptFiles(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.some((text) => text.includes(STATIC_TOKEN))).toBe(false);
  });

  it('asks again for an answer whose file was torn, and mends it', async () => {
    let torn = '';
    const { second, secondRequests } = await twoRuns('paged.yaml', 600, (dir) => {
      torn = join(dir, keptFiles(dir)[0]!);
      writeFileSync(torn, '{"url": "https://127.0.0.1/half');
    });
    expect(secondRequests.filter((request) => !ALWAYS_ASKED.test(request.path))).toHaveLength(1);
    expect(second.summary.pools).toBeGreaterThan(0);
    expect(() => JSON.parse(readFileSync(torn, 'utf8')) as unknown).not.toThrow();
  });

  it.skipIf(process.platform === 'win32')('refuses a cache folder that others can write to, before any request', async () => {
    const scenario = await loadScenario('paged.yaml');
    fake = await startFakeAzure(scenario.routes, scenario.options);
    const dir = mkdtempSync(join(tmpdir(), 'batchlint-cache-'));
    chmodSync(dir, 0o777);
    await expect(lintLive([POOLS], liveOptionsFor(fake, scenario.accountId, { cache: { dir, ttlSeconds: 600 } }))).rejects.toThrow(
      `--cache ${dir} is writable by other users: give a folder only you can write to`,
    );
    expect(fake.requests).toEqual([]);
  });
});
