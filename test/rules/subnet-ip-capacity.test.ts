import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('subnet-ip-capacity', {
  'too-many-nodes.json': [{ line: 11, column: 17, severity: 'error', message: ['50 node(s) (30 dedicated + 20 Spot/low-priority)', 'only 39 free', '59 usable', '20 in use', 'larger subnet'] }],
  'little-headroom.yaml': [{ line: 8, column: 13, severity: 'warning', message: ['only 3 address(es) stay free', 'under 10% headroom'] }],
});
