import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('autoscale-unbounded', {
  'grows-with-tasks.yaml': [
    {
      line: 10,
      column: 5,
      endLine: 10,
      endColumn: 35,
      severity: 'warning',
      messageId: 'unbounded',
      message: ['no upper bound on $TargetDedicatedNodes', 'grows with $PendingTasks', 'min('],
    },
    {
      line: 19,
      column: 5,
      endLine: 19,
      endColumn: 59,
      severity: 'warning',
      messageId: 'unbounded',
      message: ['no upper bound on $TargetLowPriorityNodes', '$CurrentLowPriorityNodes'],
    },
  ],
});

// The uncapped assignment, the formula's second statement, as each format writes it.
describeSameDefect('autoscale-unbounded', {
  'Batch JSON': { line: 14, column: 93 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 86 },
  'Bicep-built JSON': { line: 18, column: 86 },
  Bicep: { line: 3, column: 85 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 96 },
  Terraform: { line: 19, column: 7 },
});
