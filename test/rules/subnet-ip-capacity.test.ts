import { describe, expect, it } from 'vitest';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('subnet-ip-capacity', {
  'too-many-nodes.json': [{ line: 11, column: 17, severity: 'error', message: ['50 node(s) (30 dedicated + 20 Spot/low-priority)', 'only 39 free', '59 usable', '20 in use', 'larger subnet'] }],
  'little-headroom.yaml': [{ line: 8, column: 13, severity: 'warning', message: ['only 3 address(es) stay free', 'under 10% headroom'] }],
});

describe('subnet-ip-capacity when the node count cannot be known', () => {
  it('lists an autoscale pool as not checked, with the reason', async () => {
    const report = await lintFixtures(['fixtures/rules/subnet-ip-capacity/valid/autoscale.yaml'], ['subnet-ip-capacity']);
    expect(report.notChecked).toEqual([expect.objectContaining({ poolId: 'elastic', reason: expect.stringMatching(/not compared with the node count: the pool autoscales/) })]);
  });
});
