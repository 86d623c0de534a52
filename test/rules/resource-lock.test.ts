import { describe, expect, it } from 'vitest';
import { resourceLockRule } from '../../rules/resource-lock.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('resource-lock', {
  'read-only-network-group.yaml': [
    {
      line: 8,
      column: 13,
      severity: 'error',
      message: ['ReadOnly lock "freeze" on /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/frozen-net-rg', 'ScopeLocked', 'Remove the lock'],
    },
  ],
  'cannot-delete-network-group.yaml': [
    { line: 8, column: 13, severity: 'warning', message: ['CanNotDelete lock "keep-network"', "hangs at 'X → 0 nodes'", "ScopeLocked on Batch's load balancer"] },
  ],
  'read-only-vnet.yaml': [{ line: 8, column: 13, severity: 'error', message: ['ReadOnly lock "hub-freeze"', "the pool's nodes joining the subnet"] }],
});

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000001';
const ACCOUNT_ID = `${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct`;

/** The rule alone on the unlocked fixture (pool "free" in net-rg, pool "no-vnet" outside any VNet), against the environment given. */
async function check(environment: Environment) {
  const report = await lint({
    patterns: ['fixtures/rules/resource-lock/valid/unlocked.yaml'],
    cwd: PROJECT_ROOT,
    facts: createFacts({ environment, source: 'context' }),
    rules: [resourceLockRule],
  });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ poolId, line, severity, message }) => ({ poolId, line, severity, message }))),
    notChecked: report.notChecked.map(({ poolId, reason }) => ({ poolId, reason })),
  };
}

describe('resource-lock scopes', () => {
  it('matches lock scopes by whole path segments and without regard to case', async () => {
    const locks = [
      { scope: `${SUBSCRIPTION}/resourceGroups/net`, level: 'ReadOnly', name: 'prefix-only' },
      { scope: `${SUBSCRIPTION}/RESOURCEGROUPS/NET-RG/providers/microsoft.network/virtualnetworks/VNET/`, level: 'ReadOnly', name: 'vnet-freeze' },
    ] as const;
    const { findings } = await check({ account: { id: ACCOUNT_ID, poolAllocationMode: 'BatchService' }, locks: [...locks] });
    expect(findings).toEqual([{ poolId: 'free', line: 8, severity: 'error', message: expect.stringContaining('ReadOnly lock "vnet-freeze"') }]);
  });

  it('warns that a CanNotDelete lock over the Batch account makes deleting the pool fail at once, on every pool of the account', async () => {
    const { findings } = await check({
      account: { id: ACCOUNT_ID, poolAllocationMode: 'BatchService' },
      locks: [{ scope: `${SUBSCRIPTION}/resourceGroups/batch-rg`, level: 'CanNotDelete', name: 'keep-batch' }],
    });
    expect(findings.map(({ poolId, severity }) => [poolId, severity])).toEqual([
      ['free', 'warning'],
      ['no-vnet', 'warning'],
    ]);
    expect(findings[0]!.message).toMatch(
      /CanNotDelete lock "keep-batch".*the pool itself, which is a child of the Batch account: deleting the pool fails at once with ScopeLocked/,
    );
    expect(findings[0]!.message).not.toMatch(/X → 0/);
  });

  it("in UserSubscription mode, reports a ReadOnly lock on the account's subscription for the VMs Batch creates there", async () => {
    const { findings } = await check({
      account: { id: ACCOUNT_ID, poolAllocationMode: 'UserSubscription' },
      locks: [{ scope: SUBSCRIPTION, level: 'ReadOnly', name: 'freeze-all' }],
    });
    expect(findings.filter(({ poolId }) => poolId === 'no-vnet')).toEqual([
      { poolId: 'no-vnet', line: 10, severity: 'error', message: expect.stringContaining("the pool's virtual machines, which Batch creates in the account's subscription") },
    ]);
  });

  it('says the account scope was not checked when the account has no id, instead of passing it', async () => {
    const { findings, notChecked } = await check({ account: { poolAllocationMode: 'BatchService' }, locks: [] });
    expect(findings).toEqual([]);
    expect(notChecked).toContainEqual({ poolId: 'no-vnet', reason: expect.stringContaining("the Batch account's resource id (account.id) is not known") });
  });
});

describeSameDefect('resource-lock', {
  'Batch JSON': { line: 15, column: 17 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 45, column: 23 },
  Bicep: { line: 25, column: 17 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 18 },
  Terraform: { line: 20, column: 17 },
});
