import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('vm-size-unknown', {
  'typo.json': [{ line: 3, column: 13, severity: 'error', message: ['"Standard_D4ds_v7x" is not a VM size', 'Did you mean', 'Standard_D4ds_v', 'catalog (data of 2026-08-01)'] }],
  'missing-prefix-and-made-up.yaml': [
    { line: 2, column: 11, message: ['"D2s_v3"', 'Did you mean "Standard_D2s_v3"'] },
    { line: 5, column: 11, message: ['"Huge_Machine_9000"', 'may be a size Azure has retired', 'az batch location list-skus'] },
  ],
});

describeSameDefect('vm-size-unknown', {
  'Batch JSON': { line: 3, column: 13 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 6, column: 26 },
  'Bicep-built JSON': { line: 31, column: 19 },
  Bicep: { line: 11, column: 13 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 16 },
  Terraform: { line: 10, column: 25 },
});
