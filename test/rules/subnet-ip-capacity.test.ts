import { describe, expect, it } from 'vitest';
import { subnetIpCapacityRule } from '../../rules/subnet-ip-capacity.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('subnet-ip-capacity', {
  // The formula's cap of 500, compared as a fixed target would be: a warning on the formula.
  'autoscale-cap-too-large.yaml': [
    { line: 8, column: 19, severity: 'warning', messageId: 'formulaShort', message: ['The autoscale formula can ask for up to 500 node(s)', 'only 39 free', 'cap the formula'] },
  ],
  'too-many-nodes.json': [
    { line: 11, column: 17, severity: 'error', message: ['50 node(s) (30 dedicated + 20 Spot/low-priority)', 'only 39 free', '59 usable', '20 in use', 'larger subnet'] },
  ],
  'little-headroom.yaml': [{ line: 8, column: 13, severity: 'warning', message: ['only 3 address(es) stay free', 'under 10% headroom'] }],
  'existing-pool-grows.yaml': [
    {
      line: 10,
      column: 13,
      severity: 'error',
      message: [
        '245 node(s) (200 dedicated + 45 Spot/low-priority)',
        'only 241 free',
        "160 in use, 150 of them this pool's own (existing pool steady (150 dedicated + 0 Spot node(s) of Standard_D2s_v3))",
        'Allocation stops at 241 node(s)',
      ],
    },
  ],
});

describe('subnet-ip-capacity on a pool that may already exist', () => {
  it('lists a pool whose id is not known as not checked when it fits only as one of the existing pools', async () => {
    const report = await lintFixtures(['fixtures/rules/subnet-ip-capacity/valid/pool-id-unknown.json'], ['subnet-ip-capacity']);
    expect(report.notChecked.map((entry) => entry.reason)).toEqual([
      "the pool's 150 node(s) would not fit the 91 free address(es) of subnet busy, unless it is one of the existing pools steady (150 dedicated + 0 Spot node(s) of Standard_D2s_v3), whose nodes hold addresses there already: the pool's id is not known, so it was not matched",
    ]);
  });

  it('does not count off the nodes of an existing pool that are in another subnet', async () => {
    const subnets = 'subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets';
    const environment: Environment = {
      account: { pools: { steady: { vmSize: 'Standard_D2s_v3', currentDedicatedNodes: 150, currentLowPriorityNodes: 0, subnetId: `/${subnets}/elsewhere` } } },
      subnets: { [`/${subnets}/busy`]: { addressPrefixes: ['10.0.3.0/24'], ipConfigurationsInUse: 160 } },
    };
    const report = await lint({
      patterns: ['fixtures/rules/subnet-ip-capacity/valid/existing-pool-unchanged.yaml'],
      cwd: PROJECT_ROOT,
      facts: createFacts({ environment, source: 'context' }),
      rules: [subnetIpCapacityRule],
    });
    expect(report.results.flatMap((result) => result.findings.map((finding) => finding.message))).toEqual([
      expect.stringContaining("but subnet busy has only 91 free (10.0.3.0/24: 251 usable after Azure's 5 reserved per prefix, 160 in use)"),
    ]);
  });
});

describe('subnet-ip-capacity when the node count cannot be known', () => {
  it('lists an autoscale pool whose formula has no cap as not checked, with the reason', async () => {
    const report = await lintFixtures(['fixtures/rules/subnet-ip-capacity/valid/autoscale-cap-fits.yaml'], ['subnet-ip-capacity']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({
        poolId: 'uncapped',
        reason: expect.stringMatching(/not compared with the node count: the autoscale formula puts no upper bound on \$TargetDedicatedNodes: it grows with \$PendingTasks/),
      }),
    ]);
  });
});

// Terraform declares the subnet beside the pool; the others name one of the context file.
describeSameDefect('subnet-ip-capacity', {
  'Batch JSON': { line: 15, column: 17 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 53, column: 23 },
  Bicep: { line: 27, column: 17 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 18 },
  Terraform: { line: 35, column: 17 },
});
