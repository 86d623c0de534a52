import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('start-task-retries', {
  'retries-absent.json': [{ line: 5, column: 3, severity: 'warning', message: ['startTask.maxTaskRetryCount is not set (default 0)', 'starttaskfailed', 'such as 2 or 3'] }],
  'retries-zero-default-wait.yaml': [{ line: 6, column: 22, message: ['startTask.maxTaskRetryCount is 0'] }],
});

describeSameDefect('start-task-retries', {
  'Batch JSON': { line: 17, column: 26 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 46, column: 32 },
  Bicep: { line: 28, column: 26 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 26 },
  Terraform: { line: 26, column: 26 },
});
