import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contextSnapshot } from '../../src/cli/context-snapshot.ts';
import type { Environment } from '../../src/model/environment.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
const BUSY = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/busy';

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

/** The fake Azure serving a fixture folder's context file, and the live options that reach it. */
async function serving(folder: string) {
  const environment = await loadContextFile(join(PROJECT_ROOT, folder, 'batchlint.context.yaml'), PROJECT_ROOT);
  fake = await startFakeAzure(environmentRoutes(environment, ACCOUNT_ID), environmentOptions(environment));
  return liveOptionsFor(fake, ACCOUNT_ID);
}

const messagesOf = async (pattern: string, options: Awaited<ReturnType<typeof serving>>, ruleId: string) =>
  (await lintLive([pattern], options)).results.flatMap((result) => result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.message));

describe('live mode on a pool that already exists in the account', () => {
  it("reads the account's pools and counts an existing pool's cores once: unchanged it fits, grown past the quota it does not", async () => {
    const options = await serving('fixtures/rules/core-quota-headroom');
    expect(await messagesOf('fixtures/rules/core-quota-headroom/valid/existing-pool-unchanged.yaml', options, 'core-quota-headroom')).toEqual([]);
    expect(await messagesOf('fixtures/rules/core-quota-headroom/invalid/existing-pool-grows.yaml', options, 'core-quota-headroom')).toEqual([
      expect.stringContaining(
        "with 60 in use, 60 of them this pool's own (existing pool steady (15 dedicated + 0 Spot node(s) of Standard_D4s_v3)) and counted once, that is 104, over the Batch account's dedicated core quota of 100",
      ),
      expect.stringContaining("that is 104, over the Batch account's standardDSv3Family dedicated core quota of 100"),
    ]);
  });

  it("reads the subnet of an existing pool's nodes, and counts their addresses as the pool's own", async () => {
    const options = await serving('fixtures/rules/subnet-ip-capacity');
    expect(await messagesOf('fixtures/rules/subnet-ip-capacity/valid/existing-pool-unchanged.yaml', options, 'subnet-ip-capacity')).toEqual([]);
    expect(await messagesOf('fixtures/rules/subnet-ip-capacity/invalid/existing-pool-grows.yaml', options, 'subnet-ip-capacity')).toEqual([
      expect.stringContaining('but subnet busy has only 241 free'),
    ]);
  });

  it("writes the account's pools into the snapshot: id, VM size, current nodes and subnet", async () => {
    const options = await serving('fixtures/rules/subnet-ip-capacity');
    const snapshot = parse(await contextSnapshot(['fixtures/rules/subnet-ip-capacity/valid'], PROJECT_ROOT, options)) as Environment;
    expect(snapshot.account?.pools).toEqual({ steady: { vmSize: 'Standard_D2s_v3', currentDedicatedNodes: 150, currentLowPriorityNodes: 0, subnetId: BUSY } });
  });
});
