import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('parse-error', {
  'trailing-comma.json': [{ line: 5, column: 1, severity: 'error', message: ['invalid JSON', 'the file was not linted'] }],
  'repeated-argument.tf': [
    { line: 7, column: 3, severity: 'error', message: ['invalid HCL: the argument "vm_size" is set twice in this block (first on line 5)', 'Terraform refuses'] },
  ],
  'repeated-key.yaml': [
    { line: 10, column: 3, severity: 'error', message: ['invalid YAML: the key "commandLine" is repeated in this mapping (first on line 8)', 'read this last one'] },
  ],
  'unclosed-quote.yaml': [{ line: 5, column: 23, severity: 'error', message: ['invalid YAML', 'closing'] }],
});
