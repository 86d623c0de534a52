import { describe, expect, it } from 'vitest';
import { subnetDelegationRule } from '../../rules/subnet-delegation.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('subnet-delegation', {
  'container-instances.yaml': [
    {
      line: 8,
      column: 13,
      severity: 'error',
      messageId: 'delegated',
      message: ['delegated to Microsoft.ContainerInstance/containerGroups.', 'AllocationFailed', 'Remove the delegation'],
    },
  ],
  'two-services.yaml': [{ line: 8, column: 13, severity: 'error', messageId: 'delegated', message: ['delegated to Microsoft.Web/serverFarms, Microsoft.Netapp/volumes.'] }],
});

describeSameDefect('subnet-delegation', {
  'Batch JSON': { line: 15, column: 17 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 45, column: 23 },
  Bicep: { line: 25, column: 17 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 18 },
  Terraform: { line: 20, column: 17 },
});

const VNET = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet';

/** The rule alone on the valid fixture (pools "not-delegated" and "batch-delegated" in subnets of `vnet`, "no-vnet" outside any VNet). */
async function check(subnets: Environment['subnets']) {
  const report = await lint({
    patterns: ['fixtures/rules/subnet-delegation/valid/not-delegated.yaml'],
    cwd: PROJECT_ROOT,
    facts: createFacts({ environment: { location: 'eastus', subnets }, source: 'context' }),
    rules: [subnetDelegationRule],
  });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ poolId }) => poolId)),
    notChecked: report.notChecked.map(({ poolId, reason }) => ({ poolId, reason })),
  };
}

describe('subnet-delegation without a verdict', () => {
  it('says a subnet whose delegations the context file leaves out was not checked, instead of passing it', async () => {
    const { findings, notChecked } = await check({ [`${VNET}/subnets/batch`]: { addressPrefixes: ['10.0.0.0/24'] }, [`${VNET}/subnets/batch-delegated`]: { delegations: [] } });
    expect(findings).toEqual([]);
    expect(notChecked).toEqual([{ poolId: 'not-delegated', reason: `the delegations of subnet ${VNET}/subnets/batch are not known` }]);
  });

  it("reports no error for a delegation to Batch itself, and says Batch's documentation leaves it open", async () => {
    const { findings, notChecked } = await check({
      [`${VNET}/subnets/batch`]: { delegations: [] },
      [`${VNET}/subnets/batch-delegated`]: { delegations: ['Microsoft.Batch/batchAccounts'] },
    });
    expect(findings).toEqual([]);
    expect(notChecked).toEqual([{ poolId: 'batch-delegated', reason: expect.stringContaining('delegated to Microsoft.Batch/batchAccounts') }]);
  });

  it('reports the other services of a subnet delegated to Batch and to another service', async () => {
    const { findings } = await check({
      [`${VNET}/subnets/batch`]: { delegations: [] },
      [`${VNET}/subnets/batch-delegated`]: { delegations: ['Microsoft.Batch/batchAccounts', 'Microsoft.Sql/managedInstances'] },
    });
    expect(findings).toEqual(['batch-delegated']);
  });
});
