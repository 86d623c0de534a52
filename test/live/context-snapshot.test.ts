import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contextSnapshot } from '../../src/cli/context-snapshot.ts';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { contextFacts } from '../../src/facts/context-locator.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import type { Environment } from '../../src/model/environment.ts';
import { environmentOptions, environmentRoutes, loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor, STATIC_TOKEN } from '../helpers/live-run.ts';
import { allRules } from '../../rules/index.ts';

const POOLS = 'fixtures/azure/pools';

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

async function snapshotOf(scenarioName: string): Promise<{ snapshot: string; live: LintReport }> {
  const scenario = await loadScenario(scenarioName);
  fake = await startFakeAzure(scenario.routes, scenario.options);
  const options = liveOptionsFor(fake, scenario.accountId);
  return { snapshot: await contextSnapshot([POOLS], PROJECT_ROOT, options), live: await lintLive([POOLS], options) };
}

const findings = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.map(({ ruleId, poolId, line, column, message }) => ({ ruleId, poolId, line, column, message })));

describe('batchlint context snapshot', () => {
  it('writes what live mode read as a context file that makes the rules find the same', async () => {
    const { snapshot, live } = await snapshotOf('paged.yaml');
    const file = join(mkdtempSync(join(tmpdir(), 'batchlint-snapshot-')), 'batchlint.context.yaml');
    writeFileSync(file, snapshot);
    const fromSnapshot = await lint({ rules: allRules, patterns: [POOLS], cwd: PROJECT_ROOT, facts: await contextFacts(file, PROJECT_ROOT) });
    expect(findings(live).length).toBeGreaterThan(0);
    expect(findings(fromSnapshot)).toEqual(findings(live));
    expect(snapshot).toMatch(/^# batchlint context: read from Azure for 3 pool\(s\)/);
    expect(snapshot).not.toContain(STATIC_TOKEN);
  });

  it('names at the top what it could not read, and why', async () => {
    const { snapshot } = await snapshotOf('forbidden-network.yaml');
    expect(snapshot).toMatch(/^# not read: subnet:\S+\/subnets\/render: 403 AuthorizationFailed: the identity lacks Microsoft\.Network\/virtualNetworks\/subnets\/read/m);
  });

  it("writes each pinned gallery image version's replica count in the account's region, 0 for none", async () => {
    const folder = 'fixtures/rules/gallery-image-replicas';
    const environment = await loadContextFile(join(PROJECT_ROOT, folder, 'batchlint.context.yaml'), PROJECT_ROOT);
    const accountId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
    fake = await startFakeAzure(environmentRoutes(environment, accountId), environmentOptions(environment));
    const snapshot = await contextSnapshot([`${folder}/invalid`, `${folder}/valid`], PROJECT_ROOT, liveOptionsFor(fake, accountId));
    const replicas = Object.fromEntries(
      Object.entries((parse(snapshot) as Environment).images ?? {}).map(([id, image]) => [id.split('/').slice(-3).join('/'), image.replicaCount]),
    );
    expect(replicas).toEqual({
      'studio/images/render': undefined,
      'render/versions/1.0.0': 0,
      'render/versions/2.0.0': 1,
      'render/versions/3.0.0': 4,
    });
    expect(Object.keys(replicas)).toContain('studio/images/render');
  });

  it('writes the disk controllers of images and sizes that live mode read', async () => {
    const folder = 'fixtures/rules/nvme-disk-controller';
    const environment = await loadContextFile(join(PROJECT_ROOT, folder, 'batchlint.context.yaml'), PROJECT_ROOT);
    const accountId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
    fake = await startFakeAzure(environmentRoutes(environment, accountId), environmentOptions(environment));
    const written = parse(await contextSnapshot([folder], PROJECT_ROOT, liveOptionsFor(fake, accountId))) as Environment;
    const images = Object.fromEntries(
      Object.entries(written.images ?? {}).map(([id, image]) => [
        id
          .replace(/\/versions\/[^/]+$/, '')
          .split('/')
          .pop(),
        image.diskControllerTypes,
      ]),
    );
    expect(images).toEqual({
      'render-scsi': ['SCSI'],
      'render-nvme': ['SCSI', 'NVMe'],
      'render-managed': undefined,
      'contoso:render-node:2025': ['SCSI'],
      'canonical:ubuntu-24_04-lts:server': ['SCSI', 'NVMe'],
    });
    expect(written.vmSizes?.Standard_E4s_v6?.diskControllerTypes).toEqual(['NVMe']);
  });

  it("writes each subnet's delegations, none as []", async () => {
    const folder = 'fixtures/rules/subnet-delegation';
    const environment = await loadContextFile(join(PROJECT_ROOT, folder, 'batchlint.context.yaml'), PROJECT_ROOT);
    const accountId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
    fake = await startFakeAzure(environmentRoutes(environment, accountId), environmentOptions(environment));
    const snapshot = await contextSnapshot([folder], PROJECT_ROOT, liveOptionsFor(fake, accountId));
    const delegations = Object.fromEntries(
      Object.entries((parse(snapshot) as Environment).subnets ?? {}).map(([id, subnet]) => [id.split('/').slice(-3).join('/'), subnet.delegations]),
    );
    expect(delegations).toEqual({
      'apps/subnets/aci': ['Microsoft.ContainerInstance/containerGroups'],
      'apps/subnets/web': ['Microsoft.Web/serverFarms', 'Microsoft.Netapp/volumes'],
      'vnet/subnets/batch': [],
      'vnet/subnets/batch-delegated': ['Microsoft.Batch/batchAccounts'],
    });
  });

  it("writes the Microsoft.Batch provider's registration state, and no roles it did not read", async () => {
    const folder = 'fixtures/rules/batch-access/invalid/user-subscription-reader-only';
    const environment = await loadContextFile(join(PROJECT_ROOT, folder, 'batchlint.context.yaml'), PROJECT_ROOT);
    const accountId = '/subscriptions/7c1d9e02-5b3a-4c8f-9e61-0a2b3c4d5e6f/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/render';
    fake = await startFakeAzure(environmentRoutes(environment, accountId), environmentOptions(environment));
    const snapshot = parse(await contextSnapshot([`${folder}/pool.yaml`], PROJECT_ROOT, liveOptionsFor(fake, accountId))) as Environment;
    expect(snapshot.subscription).toEqual({ providers: { 'Microsoft.Batch': 'Unregistered' } });
  });
});
