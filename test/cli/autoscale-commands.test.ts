import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport } from '../helpers/cli-output.ts';
import { runCli } from '../helpers/run-cli.ts';

function formulaFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'batchlint-autoscale-')), 'scale.formula');
  writeFileSync(path, text);
  return path;
}

describe('batchlint autoscale check', () => {
  it('reports each finding at its line and column in the formula file, in the JSON contract', () => {
    const path = formulaFile('// every five minutes\n$tasks = $PendingTasks.GetSample(1);\n$TargetDedicatedNodes = $tasks\n$NodeDeallocationOption = taskcompleted;\n');
    const run = runCli(['autoscale', 'check', path, '--format', 'json']);
    expect(run.status).toBe(1);
    const findings = parseJsonReport(run.stdout).results.flatMap((result) => result.findings);
    expect(findings.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column }))).toEqual([
      { ruleId: 'autoscale-settings', messageId: 'countOnly', line: 2, column: 10 },
      { ruleId: 'autoscale-formula-semantics', messageId: 'missing-semicolon', line: 3, column: 31 },
      { ruleId: 'autoscale-formula-semantics', messageId: 'deallocation-option', line: 4, column: 27 },
    ]);
  });

  it('reads a formula from stdin under the name given', () => {
    const run = runCli(['autoscale', 'check', '-', '--stdin-filename', 'pool-formula.txt'], {
      input: '$TargetDedicatedNodes = min(10, max($PendingTasks.GetSample(TimeInterval_Minute * 5, 70)));',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no problems');
  });
});

describe('batchlint autoscale eval', () => {
  const formula = '$tasks = max($PendingTasks.GetSample(TimeInterval_Minute * 2, 90));\n$TargetDedicatedNodes = min(20, $tasks);\n';

  it('reproduces the docs\' "Evaluate an autoscale formula" example (MicrosoftDocs/azure-docs@004ec532, articles/batch/batch-automatic-scaling.md)', () => {
    const workingHours = [
      '$curTime = time();',
      '$workHours = $curTime.hour >= 8 && $curTime.hour < 18;',
      '$isWeekday = $curTime.weekday >= 1 && $curTime.weekday <= 5;',
      '$isWorkingWeekdayHour = $workHours && $isWeekday;',
      '$TargetDedicatedNodes = $isWorkingWeekdayHour ? 20:10;',
    ].join('\n');
    const run = runCli(['autoscale', 'eval', formulaFile(workingHours), '--now', '2016-10-13T19:18:47.805Z']);
    expect(run.status).toBe(0);
    // The docs' output, with the low-priority target the 2016 service did not print yet.
    expect(run.stdout).toBe(
      '$TargetDedicatedNodes=10;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$curTime=2016-10-13T19:18:47.805Z;$isWeekday=1;$isWorkingWeekdayHour=0;$workHours=0\n',
    );
  });

  it("fails as the service does when a GetSample's sample percent is not met, and says where", () => {
    // Two minutes hold four samples; with two of them missing only 50% are recorded.
    const run = runCli(['autoscale', 'eval', formulaFile(formula), '--var', '$PendingTasks=[4, null, null, 30]']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue\n');
    expect(run.stderr).toMatch(/^batchlint: .*scale\.formula:1:14: the evaluation fails: GetSample asks for 90% of the samples in its window, but only 50%/);
  });

  it('refuses an input it cannot read with exit 2 and a message, not a stack trace', () => {
    const run = runCli(['autoscale', 'eval', formulaFile(formula), '--var', '$PendingTasks=[4, "x"]']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('batchlint: --var $PendingTasks: the samples must be a list of numbers or null, such as [3, 5, null, 8]\n');
  });

  it('refuses a formula that does not parse with exit 2, at its place', () => {
    const run = runCli(['autoscale', 'eval', formulaFile('$TargetDedicatedNodes = ;')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/scale\.formula:1:25: the formula does not parse: expected an expression after '='/);
  });
});
