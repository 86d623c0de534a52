import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('start-task-retries', {
  'retries-absent.json': [{ line: 5, column: 3, severity: 'warning', message: ['startTask.maxTaskRetryCount is not set (default 0)', 'starttaskfailed', 'such as 2 or 3'] }],
  'retries-zero-default-wait.yaml': [{ line: 6, column: 22, message: ['startTask.maxTaskRetryCount is 0'] }],
});
