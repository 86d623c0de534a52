import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { liveFacts } from '../../src/live/live-facts.ts';
import { LIVE_DEFAULTS } from '../../src/live/live-options.ts';
import { loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { liveOptionsFor } from '../helpers/live-run.ts';

const SUBSCRIPTION = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b';
const SUBNETS = [
  `${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render/subnets/render`,
  `${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render/subnets/sim`,
  `${SUBSCRIPTION}/resourceGroups/etl-net-rg/providers/Microsoft.Network/virtualNetworks/vnet-etl/subnets/etl`,
];
const IMAGE = `${SUBSCRIPTION}/resourceGroups/img-rg/providers/Microsoft.Compute/galleries/studio/images/etl-base`;

/** 100 pools in 10 files, over the environment's 3 subnets, in two sizes, half of them on one gallery image. */
function writeHundredPools(): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-live-'));
  for (let file = 0; file < 10; file++) {
    const pools = Array.from({ length: 10 }, (_, index) => {
      const n = file * 10 + index;
      const image = n % 2 === 0 ? { virtualMachineImageId: `${IMAGE}/versions/1.4.0` } : { publisher: 'canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
      return {
        id: `pool-${n}`,
        vmSize: n % 2 === 0 ? 'Standard_D2ds_v5' : 'Standard_F2s_v2',
        virtualMachineConfiguration: { imageReference: image, nodeAgentSKUId: 'batch.node.ubuntu 24.04' },
        targetDedicatedNodes: 1,
        networkConfiguration: { subnetId: SUBNETS[n % SUBNETS.length] },
      };
    });
    writeFileSync(join(folder, `pools-${file}.json`), JSON.stringify({ pools }, null, 2));
  }
  return folder;
}

describe('batchlint lint --live with 100 pools over 3 subnets', () => {
  let fake: FakeAzure;
  let report: LintReport;

  beforeAll(async () => {
    const scenario = await loadScenario('paged.yaml');
    fake = await startFakeAzure(scenario.routes, { ...scenario.options, latencyMs: 50 });
    const folder = writeHundredPools();
    const options = liveOptionsFor(fake, scenario.accountId, { concurrency: LIVE_DEFAULTS.concurrency });
    report = await lint({ patterns: [folder], cwd: folder, facts: liveFacts(options) });
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
    expect(new Set(firstPages)).toEqual(new Set([
      resource(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/renderfarm`),
      resource(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/renderfarm/pools`),
      ...SUBNETS.map(resource),
      resource(`${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render`),
      resource(`${SUBSCRIPTION}/resourceGroups/etl-net-rg/providers/Microsoft.Network/virtualNetworks/vnet-etl`),
      resource(`${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/networkSecurityGroups/batch-nsg`),
      resource(`${SUBSCRIPTION}/resourceGroups/etl-net-rg/providers/Microsoft.Network/networkSecurityGroups/etl-nsg`),
      resource(`${SUBSCRIPTION}/providers/Microsoft.Authorization/locks`),
      resource(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Authorization/locks`),
      ...SUBNETS.map((subnet) => resource(`${subnet}/providers/Microsoft.Authorization/locks`)),
      resource(`${SUBSCRIPTION}/providers/Microsoft.Compute/skus`),
      resource(IMAGE),
    ]));
  });

  it('has many requests in flight at once, never more than the bound', () => {
    expect(fake.maxInFlight).toBeGreaterThan(1);
    expect(fake.maxInFlight).toBeLessThanOrEqual(LIVE_DEFAULTS.concurrency);
  });
});
