import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { liveFacts } from '../../src/live/live-facts.ts';
import { LIVE_DEFAULTS } from '../../src/live/live-options.ts';
import { loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { SCENARIO_IMAGE, SCENARIO_SUBNETS, writeHundredPools } from '../helpers/hundred-pools.ts';
import { liveOptionsFor } from '../helpers/live-run.ts';
import { allRules } from '../../rules/index.ts';

const SUBSCRIPTION = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b';

describe('batchlint lint --live with 100 pools over 3 subnets', () => {
  let fake: FakeAzure;
  let report: LintReport;

  beforeAll(async () => {
    const scenario = await loadScenario('paged.yaml');
    fake = await startFakeAzure(scenario.routes, { ...scenario.options, latencyMs: 50 });
    const folder = writeHundredPools();
    const options = liveOptionsFor(fake, scenario.accountId, { concurrency: LIVE_DEFAULTS.concurrency });
    report = await lint({ rules: allRules, patterns: [folder], cwd: folder, facts: liveFacts(options) });
  });
  afterAll(() => fake.close());

  it('lints every pool', () => {
    expect(report.summary.pools).toBe(100);
    expect(report.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === 'vnet-custom-dns')).toHaveLength(33);
  });

  it('reads each distinct resource once: one request per resource and page, none per pool', () => {
    const firstPages = fake.requests.filter((request) => !request.query.has('$skiptoken')).map((request) => request.path.toLowerCase());
    expect(firstPages.length).toBe(new Set(firstPages).size);
    const resource = (path: string) => path.toLowerCase();
    expect(new Set(firstPages)).toEqual(
      new Set([
        resource(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/renderfarm`),
        resource(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/renderfarm/pools`),
        ...SCENARIO_SUBNETS.map(resource),
        resource(`${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render`),
        resource(`${SUBSCRIPTION}/resourceGroups/etl-net-rg/providers/Microsoft.Network/virtualNetworks/vnet-etl`),
        resource(`${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/networkSecurityGroups/batch-nsg`),
        resource(`${SUBSCRIPTION}/resourceGroups/etl-net-rg/providers/Microsoft.Network/networkSecurityGroups/etl-nsg`),
        resource(`${SUBSCRIPTION}/providers/Microsoft.Authorization/locks`),
        resource(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Authorization/locks`),
        ...SCENARIO_SUBNETS.map((subnet) => resource(`${subnet}/providers/Microsoft.Authorization/locks`)),
        resource(`${SUBSCRIPTION}/providers/Microsoft.Compute/skus`),
        resource(`${SUBSCRIPTION}/providers/Microsoft.Batch`),
        resource(SCENARIO_IMAGE),
        '/supportedimages',
        resource(`${SCENARIO_IMAGE}/versions/1.4.0`),
      ]),
    );
  });

  it('has many requests in flight at once, never more than the bound', () => {
    expect(fake.maxInFlight).toBeGreaterThan(1);
    expect(fake.maxInFlight).toBeLessThanOrEqual(LIVE_DEFAULTS.concurrency);
  });
});
