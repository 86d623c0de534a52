import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('autoscale-settings', {
  'evaluation-interval.yaml': [{ line: 7, column: 30, messageId: 'intervalOutOfRange', message: ['autoScaleEvaluationInterval is PT1M', 'PT5M', 'PT168H'] }],
  'fixed-targets.yaml': [
    { line: 8, column: 25, messageId: 'fixedTarget', message: ['targetDedicatedNodes is set while enableAutoScale is true'] },
    { line: 9, column: 27, messageId: 'fixedTarget', message: ['targetLowPriorityNodes is set'] },
    { line: 10, column: 18, severity: 'warning', messageId: 'resizeTimeoutIgnored', message: ['resizeTimeout has no effect'] },
  ],
  'formula-too-long.json': [{ line: 13, column: 23, messageId: 'formulaTooLong', message: ['9261 bytes', 'at most 8 KB (8192 bytes)'] }],
  'formula-without-autoscale.yaml': [{ line: 6, column: 19, messageId: 'formulaWithoutAutoScale', message: ['enableAutoScale is not true'] }],
  'no-formula.json': [{ line: 12, column: 22, messageId: 'noFormula', message: ['there is no autoScaleFormula'] }],
  'sampling.yaml': [
    { line: 9, column: 11, endLine: 9, endColumn: 37, severity: 'warning', messageId: 'countOnly', message: ['$PendingTasks.GetSample(1) takes the last samples'] },
    {
      line: 10,
      column: 13,
      endLine: 10,
      endColumn: 61,
      severity: 'warning',
      messageId: 'noSamplePercent',
      message: ['$RunningTasks.GetSample(TimeInterval_Minute * 5) gives no sample percent'],
    },
    { line: 11, column: 13, endLine: 11, endColumn: 64, severity: 'warning', messageId: 'shortLookBack', message: ['looks back 30 seconds'] },
  ],
  'too-many-statements.yaml': [{ line: 7, column: 19, messageId: 'tooManyStatements', message: ['101 statements', 'at most 100'] }],
});

// An evaluation interval of two minutes, where each format writes it.
describeSameDefect('autoscale-settings', {
  'Batch JSON': { line: 15, column: 34 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 41, column: 35 },
  Bicep: { line: 23, column: 29 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 28 },
  Terraform: { line: 16, column: 27 },
});
