import { describe, expect, it } from 'vitest';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';

const REJECTED = 'the template is rejected when deployed';

describeRuleFixtures('arm-expression', {
  'pool-resource.json': [
    { line: 6, column: 51, severity: 'error', message: ['"[add(2, 3]" does not parse at character 10: ")" is expected', REJECTED], noFix: true },
    { line: 9, column: 90, message: ['"[toLower(\'22_04-LTS-GEN2)]" does not parse at character 26: a string is not closed'] },
    { line: 26, column: 24, message: ["\"[concat(parameters('prefix'), '-pool']\" does not parse at character 38", 'nothing that depends on this value was checked'] },
  ],
  'batch-template.json': [{ line: 9, column: 13, message: ['at character 13: strings in expressions take single quotes, not double'] }],
  'nested-deployment.json': [{ line: 16, column: 30, message: ['"[parameters(\'vmSize\']" does not parse at character 21: ")" is expected'] }],
});

describe('a pool with an expression that does not parse', () => {
  it('is still linted, with that value unknown to the rules that need it', async () => {
    const report = await lintFixtures(['fixtures/rules/arm-expression/invalid/pool-resource.json']);
    expect(report.summary.pools).toBe(1);
    expect(report.notChecked.map(({ ruleId, reason }) => ({ ruleId, reason }))).toContainEqual({
      ruleId: 'resize-timeout-large-pool',
      reason: 'the target node count is not known statically ("[add(2, 3]" is not a valid template expression: ")" is expected)',
    });
  });
});
