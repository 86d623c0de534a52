import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/engine/lint.ts';
import type { LiveOptions } from '../../src/live/live-options.ts';
import { environmentOptions, loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAnswer, type FakeAzure } from '../helpers/fake-azure.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';

const POOLS = 'fixtures/azure/pools';
const RENDER_SUBNET = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render/subnets/render';

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

const unhandled: unknown[] = [];
const collect = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', collect));
afterAll(() => {
  process.off('unhandledRejection', collect);
  expect(unhandled).toEqual([]);
});

const findings = (report: LintReport) => report.results.flatMap((result) => result.findings.map(({ ruleId, poolId, line, message }) => ({ ruleId, poolId, line, message })));
const environmentNotChecked = (report: LintReport) => report.notChecked.filter(({ reason }) => /could not be read|did not answer|404|not known/.test(reason));

/** The live scenarios' environment on a fake Azure with this storm over it; the report, and how long the run took. */
async function underStorm(storm: { firstTry?: FakeAnswer; subnetAnswer?: FakeAnswer; latencyMs?: number }, options: Partial<LiveOptions> = {}) {
  const scenario = await loadScenario('paged.yaml');
  const routes = scenario.routes.map((route) => (storm.subnetAnswer && route.path === RENDER_SUBNET ? { ...route, answers: [storm.subnetAnswer] } : route));
  fake = await startFakeAzure(routes, {
    ...environmentOptions(scenario.environment),
    ...(storm.firstTry && { firstTry: storm.firstTry }),
    ...(storm.latencyMs && { latencyMs: storm.latencyMs }),
  });
  const started = Date.now();
  const report = await lintLive([POOLS], liveOptionsFor(fake, scenario.accountId, options));
  return { report, seconds: (Date.now() - started) / 1000 };
}

let calm: LintReport;
beforeAll(async () => {
  calm = (await underStorm({})).report;
  await fake?.close();
});

describe('live mode in a storm', () => {
  it('rides out a 429 with Retry-After on the first try of every resource, and reads them all', async () => {
    const { report, seconds } = await underStorm(
      { firstTry: { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'TooManyRequests', message: 'throttled' } } } },
      { maxRetries: 2 },
    );
    expect(findings(report)).toEqual(findings(calm));
    expect(environmentNotChecked(report)).toEqual([]);
    expect(seconds).toBeLessThan(15);
  });

  it('rides out a 500 on the first try of every resource', async () => {
    const { report } = await underStorm({ firstTry: { status: 500, body: { error: { code: 'InternalServerError', message: 'oops' } } } }, { maxRetries: 2 });
    expect(findings(report)).toEqual(findings(calm));
    expect(environmentNotChecked(report)).toEqual([]);
  });

  it('rides out a connection reset on the first try of every resource', async () => {
    const { report } = await underStorm({ firstTry: { reset: true } }, { maxRetries: 2 });
    expect(findings(report)).toEqual(findings(calm));
    expect(environmentNotChecked(report)).toEqual([]);
  });

  it('with no retries left, lists every check that needed a throttled resource as not checked, and finishes', async () => {
    const { report } = await underStorm(
      { firstTry: { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'TooManyRequests', message: 'throttled' } } } },
      { maxRetries: 0 },
    );
    expect(report.summary.pools).toBe(calm.summary.pools);
    expect(environmentNotChecked(report).length).toBeGreaterThan(0);
    expect(environmentNotChecked(report).every(({ reason }) => reason.includes('429 throttled by Azure, still after retries'))).toBe(true);
  });

  it('takes a malformed answer for an unread resource, with the reason, and reads the rest', async () => {
    const { report } = await underStorm({ subnetAnswer: { rawBody: '{"id": "/subscriptions/6a1f9c3e' } });
    const reasons = report.notChecked.filter(({ reason }) => reason.includes('subnets/render')).map(({ reason }) => reason);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((reason) => reason.endsWith("could not be read: Azure's answer (200) was not valid JSON"))).toBe(true);
    expect(findings(report).filter(({ ruleId }) => ruleId === 'core-quota-headroom')).toEqual(findings(calm).filter(({ ruleId }) => ruleId === 'core-quota-headroom'));
  });

  it('says a subnet deleted since the pool was written does not exist', async () => {
    const { report } = await underStorm({ subnetAnswer: { status: 404, body: { error: { code: 'NotFound', message: 'gone' } } } });
    const reasons = report.notChecked.filter(({ reason }) => reason.includes('subnets/render')).map(({ reason }) => reason);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((reason) => reason.includes('404 NotFound: the resource does not exist, or the identity cannot see it'))).toBe(true);
  });

  it('finishes within its time limits when every answer is slower than them', async () => {
    const { report, seconds } = await underStorm({ latencyMs: 30_000 }, { timeoutMs: 300 });
    expect(seconds).toBeLessThan(10);
    expect(report.summary.pools).toBe(calm.summary.pools);
    expect(environmentNotChecked(report).length).toBeGreaterThan(0);
    expect(report.notChecked.some(({ reason }) => reason.includes('Azure did not answer in time'))).toBe(true);
  });
});
