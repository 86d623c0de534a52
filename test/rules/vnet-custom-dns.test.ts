import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('vnet-custom-dns', {
  'custom-dns.yaml': [{ line: 8, column: 13, severity: 'warning', message: ['10.1.0.4, 10.1.0.5', '168.63.129.16', 'unusable'] }],
});
