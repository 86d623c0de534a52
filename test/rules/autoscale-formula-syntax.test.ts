import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('autoscale-formula-syntax', {
  // The second statement of a JSON string with a \n escape: the ';' where an expression should be.
  'missing-expression.json': [{ line: 13, column: 114, endLine: 13, endColumn: 115, messageId: 'syntax', message: ["expected an expression after '='"] }],
  'modulo.yaml': [{ line: 9, column: 31, endLine: 9, endColumn: 32, messageId: 'syntax', message: ["'%' is not an operator of the autoscale language"] }],
});

// The ';' that should have been ')', inside the formula as each format writes it (a Terraform heredoc's second line).
describeSameDefect('autoscale-formula-syntax', {
  'Batch JSON': { line: 14, column: 131 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 124 },
  'Bicep-built JSON': { line: 18, column: 124 },
  Bicep: { line: 3, column: 123 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 134 },
  Terraform: { line: 19, column: 45 },
});
