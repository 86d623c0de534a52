import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('parse-error', {
  'trailing-comma.json': [{ line: 5, column: 1, severity: 'error', message: ['invalid JSON', 'the file was not linted'] }],
  'unclosed-quote.yaml': [{ line: 5, column: 23, severity: 'error', message: ['invalid YAML', 'closing'] }],
});
