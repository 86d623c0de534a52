import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('task-slots-per-node', {
  'two-vcpus-sixteen-slots.json': [
    {
      line: 14,
      column: 23,
      messageId: 'tooManySlots',
      message: ['taskSlotsPerNode is 16', 'Standard_D2ds_v5 has 2 vCPU(s)', 'at most 4 task slots per vCPU (8)', 'rejects the pool', 'at least 4 vCPUs'],
    },
  ],
  'over-the-flat-cap-on-a-small-size.yaml': [{ line: 8, column: 19, message: ['taskSlotsPerNode is 500', 'Standard_F2s_v2', '(8)', 'at least 64 vCPUs'] }],
});

describeSameDefect('task-slots-per-node', {
  'Batch JSON': { line: 19, column: 23 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 43, column: 29 },
  Bicep: { line: 25, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 26 },
  Terraform: { line: 11, column: 25 },
});
