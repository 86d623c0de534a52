import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('start-task-wait-for-success', {
  'explicit-false.json': [{ line: 7, column: 23, severity: 'warning', message: ['startTask.waitForSuccess is false', 'Set startTask.waitForSuccess to true'], noFix: true }],
  'pools-list.yaml': [{ line: 11, column: 23, message: ['waitForSuccess is false'] }],
});
