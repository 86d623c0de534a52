import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('core-quota-headroom', {
  'over-dedicated.json': [
    { line: 8, column: 27, message: ['64 cores (16 × Standard_D4s_v3, 4 vCPUs each)', '40 in use that is 104', "dedicated core quota of 100", 'at most 15 node(s)'] },
    { line: 8, column: 27, message: ['standardDSv3Family dedicated core quota of 100'] },
  ],
  'over-spot.yaml': [{ line: 7, column: 25, message: ['120 cores', 'Spot/low-priority core quota of 20', 'at most 0 node(s)'] }],
  'family-quota-zero.yaml': [
    { line: 14, column: 23, message: ['with 40 in use that is 160', 'dedicated core quota of 100'] },
    { line: 14, column: 23, message: ['with 0 in use that is 120', 'standardHBv3Family dedicated core quota of 0'] },
  ],
});
