import { describeRuleFixtures } from '../helpers/rule-cases.ts';

const REJECTED = 'the template is rejected when deployed';

describeRuleFixtures('arm-expression', {
  'pool-resource.json': [
    { line: 6, column: 51, severity: 'error', message: ['"[add(2, 3]" does not parse at character 10: ")" is expected', REJECTED], noFix: true },
    { line: 9, column: 90, message: ['"[toLower(\'22_04-LTS-GEN2)]" does not parse at character 26: a string is not closed'] },
    { line: 26, column: 24, message: ["\"[concat(parameters('prefix'), '-pool']\" does not parse at character 38", 'nothing that depends on this value was checked'] },
  ],
  'batch-template.json': [{ line: 9, column: 13, message: ['at character 13: strings in expressions take single quotes, not double'] }],
  'nested-deployment.json': [{ line: 16, column: 30, message: ["\"[parameters('vmSize']\" does not parse at character 21: \")\" is expected"] }],
});
