import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('start-task-wait-for-success', {
  'explicit-false.json': [{ line: 7, column: 23, severity: 'warning', message: ['startTask.waitForSuccess is false', 'Set startTask.waitForSuccess to true'], noFix: true }],
  'pools-list.yaml': [{ line: 11, column: 23, message: ['waitForSuccess is false'] }],
});

// Terraform leaves wait_for_success out (the provider sends false): the finding is on the start_task block.
describeSameDefect('start-task-wait-for-success', {
  'Batch JSON': { line: 23, column: 23 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 53, column: 29 },
  Bicep: { line: 33, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 26 },
  Terraform: { line: 20, column: 3 },
});
