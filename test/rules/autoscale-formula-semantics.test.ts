import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('autoscale-formula-semantics', {
  'each-check.yaml': [
    { line: 9, column: 30, endLine: 9, endColumn: 30, severity: 'warning', messageId: 'missing-semicolon', message: ["missing ';' between statements"] },
    { line: 18, column: 29, endLine: 18, endColumn: 32, severity: 'warning', messageId: 'undocumented-syntax', message: ["exponent notation ('1e3')"] },
    { line: 26, column: 33, endLine: 26, endColumn: 45, severity: 'error', messageId: 'unknown-service-variable', message: ["'$PendingTask'", "'$PendingTasks'"] },
    { line: 34, column: 55, endLine: 34, endColumn: 75, messageId: 'unknown-constant', message: ["'TimeInterval_Minutes'", "'TimeInterval_Minute'"] },
    { line: 42, column: 29, endLine: 42, endColumn: 36, messageId: 'unknown-function', message: ["unknown function 'average'"] },
    { line: 50, column: 47, endLine: 50, endColumn: 57, messageId: 'unknown-method', message: ["unknown method 'GetSamples'"] },
    { line: 58, column: 36, endLine: 58, endColumn: 41, messageId: 'unknown-member', message: ["no member 'hours'"] },
    { line: 67, column: 36, endLine: 67, endColumn: 45, messageId: 'method-target', message: ["'GetSample' is a method of the service's sample variables"] },
    { line: 75, column: 29, endLine: 75, endColumn: 90, messageId: 'arity', message: ["'percentile' takes 2 arguments, not 1"] },
    { line: 83, column: 5, endLine: 83, endColumn: 27, messageId: 'read-only-assigned', message: ["'$CurrentDedicatedNodes' is read-only"] },
    { line: 92, column: 5, endLine: 92, endColumn: 24, messageId: 'constant-assigned', message: ["'TimeInterval_Minute' is a constant"] },
    { line: 101, column: 5, severity: 'warning', messageId: 'no-target', message: ['no statement sets $TargetDedicatedNodes'] },
    { line: 109, column: 33, endLine: 109, endColumn: 36, messageId: 'read-before-set', message: ["'cap' is read before it is set (a later statement is the first to set it)"] },
    { line: 118, column: 18, endLine: 118, endColumn: 26, messageId: 'unknown-variable', message: ["'$curTime' is not set by any earlier statement"] },
    { line: 127, column: 31, endLine: 127, endColumn: 44, messageId: 'deallocation-option', message: ["'taskcompleted' is not a $NodeDeallocationOption value"] },
    { line: 136, column: 5, endLine: 136, endColumn: 28, severity: 'warning', messageId: 'case-mismatch', message: ["'$targetLowPriorityNodes'"] },
    { line: 144, column: 49, endLine: 144, endColumn: 50, messageId: 'type', message: ["'+' does not combine a timeinterval and a double"] },
  ],
});

// 'minimum' in the second statement, inside the formula as each format writes it.
describeSameDefect('autoscale-formula-semantics', {
  'Batch JSON': { line: 14, column: 117 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 110 },
  'Bicep-built JSON': { line: 18, column: 110 },
  Bicep: { line: 3, column: 109 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 120 },
  Terraform: { line: 19, column: 31 },
});
