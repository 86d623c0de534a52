import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('vnet-custom-dns', {
  'custom-dns.yaml': [{ line: 8, column: 13, severity: 'warning', message: ['10.1.0.4, 10.1.0.5', '168.63.129.16', 'unusable'] }],
});

describeSameDefect('vnet-custom-dns', {
  'Batch JSON': { line: 15, column: 17 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 45, column: 23 },
  Bicep: { line: 25, column: 17 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 18 },
  Terraform: { line: 20, column: 17 },
});
