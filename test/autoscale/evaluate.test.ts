import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/autoscale/index.ts';
import { evaluateFormula, type EvaluationInputs, type EvaluationResult } from '../../src/autoscale/evaluate.ts';

/** The 10/2019 English article (D19 in /work/shared/research/autoscale-language.md). */
const D19 = 'MicrosoftDocs/azure-docs@004ec532ffd5dbb44ccfc5fa4777731fe874e52c:articles/batch/batch-automatic-scaling.md';

function evaluate(source: string, inputs: EvaluationInputs = {}): EvaluationResult {
  const { formula } = parseFormula(source);
  if (!formula) throw new Error(`does not parse: ${source}`);
  return evaluateFormula(formula, inputs);
}

function results(source: string, inputs: EvaluationInputs = {}): string {
  const result = evaluate(source, inputs);
  if (!result.ok) throw new Error(result.error.message);
  return result.results;
}

/** The pairs of a results string, without the low-priority target the 2016 service did not print yet. */
const withoutLowPriority = (text: string) =>
  text
    .split(';')
    .filter((pair) => !pair.startsWith('$TargetLowPriorityNodes='))
    .join(';');

const samples = (count: number, value: number) => ({ values: Array.from({ length: count }, () => value) });

describe("evaluateFormula: the docs' worked examples", () => {
  const workingHours = `
        $curTime = time();
        $workHours = $curTime.hour >= 8 && $curTime.hour < 18;
        $isWeekday = $curTime.weekday >= 1 && $curTime.weekday <= 5;
        $isWorkingWeekdayHour = $workHours && $isWeekday;
        $TargetDedicatedNodes = $isWorkingWeekdayHour ? 20:10;
    `;

  it(`${D19} ("Evaluate an autoscale formula"): the results at 2016-10-13T19:18:47.805Z`, () => {
    const text = results(workingHours, { now: new Date('2016-10-13T19:18:47.805Z') });
    expect(withoutLowPriority(text)).toBe(
      '$TargetDedicatedNodes=10;$NodeDeallocationOption=requeue;$curTime=2016-10-13T19:18:47.805Z;$isWeekday=1;$isWorkingWeekdayHour=0;$workHours=0',
    );
  });

  it(`${D19} ("Get information about autoscale runs"): the results at 2016-10-14T18:36:43.282Z`, () => {
    const text = results(workingHours, { now: new Date('2016-10-14T18:36:43.282Z') });
    expect(withoutLowPriority(text)).toBe(
      '$TargetDedicatedNodes=10;$NodeDeallocationOption=requeue;$curTime=2016-10-14T18:36:43.282Z;$isWeekday=1;$isWorkingWeekdayHour=0;$workHours=0',
    );
  });

  it(`${D19} (Example 1): 20 nodes in working hours on a weekday`, () => {
    expect(results(workingHours, { now: new Date('2016-10-13T10:00:00Z') })).toContain('$TargetDedicatedNodes=20;');
  });

  it('Azure SDK tests (azure-sdk-for-js and azure-sdk-for-python batch pool tests, "evaluate pool autoscale"): a bare target', () => {
    expect(results('$TargetDedicatedNodes=3')).toBe('$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue');
  });

  it('Azure PowerShell Test-AzBatchAutoScale help, Example 1: a pool without CPU history gets 5 nodes', () => {
    const formula =
      'totalNodes=($CPUPercent.GetSamplePercent(TimeInterval_Minute*0,TimeInterval_Minute*10)<0.7?5:(min($CPUPercent.GetSample(TimeInterval_Minute*0, TimeInterval_Minute*10))>0.8?($CurrentDedicated*1.1):$CurrentDedicated));$TargetDedicated=min(100,totalNodes);';
    // Printed there as `$TargetDedicated=5;$NodeDeallocationOption=requeue;totalNodes=5` by the 2016 service, which
    // named the target by its legacy alias.
    expect(results(formula, { variables: { $CPUPercent: { values: [] }, $CurrentDedicated: 3 } })).toBe(
      '$TargetDedicatedNodes=5;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;totalNodes=5',
    );
  });

  it(`${D19} ("Samples, sample percentage"): 10 minutes hold 20 samples; with the last minute missing 18 remain, 95% fails and 80% succeeds`, () => {
    const cpu = { values: [...Array.from({ length: 18 }, () => 50), null, null] };
    expect(results('$TargetDedicatedNodes = len($CPUPercent.GetSample(TimeInterval_Minute * 10));', { variables: { $CPUPercent: samples(20, 50) } })).toContain(
      '$TargetDedicatedNodes=20;',
    );
    expect(results('$TargetDedicatedNodes = len($CPUPercent.GetSample(TimeInterval_Minute * 10, 80));', { variables: { $CPUPercent: cpu } })).toContain(
      '$TargetDedicatedNodes=18;',
    );
    const failed = evaluate('$TargetDedicatedNodes = 1;\n$x = $CPUPercent.GetSample(TimeInterval_Minute * 10, 95);', { variables: { $CPUPercent: cpu } });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.message).toContain('only 90% (18)');
    expect(failed.error).toMatchObject({ offset: 32, length: '$CPUPercent.GetSample(TimeInterval_Minute * 10, 95)'.length });
    expect(failed.results).toContain('$TargetDedicatedNodes=1;');
  });

  it(`${D19} ("GetSample() and sample ranges"): a window from 1 to 6 minutes back prints as a vector`, () => {
    const text = results('$runningTasksSample = $RunningTasks.GetSample(1 * TimeInterval_Minute, 6 * TimeInterval_Minute); $TargetDedicatedNodes = 1;', {
      variables: { $RunningTasks: samples(40, 1) },
    });
    expect(text).toContain('$runningTasksSample=[1,1,1,1,1,1,1,1,1,1]');
  });

  it(`${D19} ("Functions"): avg(v, 7) is avg(1,2,3,7) for v = [1,2,3]`, () => {
    expect(results('v = [1,2,3]; a = avg(v, 7); b = avg(1,2,3,7); $TargetDedicatedNodes = a == b;')).toContain('$TargetDedicatedNodes=1;');
  });

  it(`${D19} (.NET snippet): 5 nodes on Mondays, 1 on other days`, () => {
    const formula = '$TargetDedicatedNodes = (time().weekday == 1 ? 5:1);';
    expect(results(formula, { now: new Date('2019-10-21T12:00:00Z') })).toContain('$TargetDedicatedNodes=5;');
    expect(results(formula, { now: new Date('2019-10-22T12:00:00Z') })).toContain('$TargetDedicatedNodes=1;');
  });

  it(`${D19} (Example 2): pending tasks, capped at 20`, () => {
    const formula = `$samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 15);
$tasks = $samples < 70 ? max(0,$PendingTasks.GetSample(1)) : max( $PendingTasks.GetSample(1), avg($PendingTasks.GetSample(TimeInterval_Minute * 15)));
$targetVMs = $tasks > 0? $tasks:max(0, $TargetDedicatedNodes/2);
$TargetDedicatedNodes = max(0, min($targetVMs, 20));
$NodeDeallocationOption = taskcompletion;`;
    expect(results(formula, { variables: { $PendingTasks: samples(30, 7) } })).toContain(
      '$TargetDedicatedNodes=7;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;',
    );
    expect(results(formula, { variables: { $PendingTasks: samples(30, 500) } })).toContain('$TargetDedicatedNodes=20;');
    expect(results(formula, { variables: { $PendingTasks: samples(30, 0) }, targetDedicatedNodes: 6 })).toContain('$TargetDedicatedNodes=3;');
  });
});

describe('evaluateFormula: functions', () => {
  const value = (expression: string, inputs: EvaluationInputs = {}) => {
    const result = evaluate(`x = ${expression}; $TargetDedicatedNodes = 0;`, inputs);
    if (!result.ok) throw new Error(result.error.message);
    return result.values.get('x');
  };
  const number = (expression: string) => {
    const result = value(expression);
    return result?.kind === 'double' ? result.value : undefined;
  };

  it.each([
    ['avg(1, [2, 3], 6)', 3],
    ['len([1, 2], 3)', 3],
    ['lg(8)', 3],
    ['ln(1)', 0],
    ['log(1000)', 3],
    ['max(1, [9, 2])', 9],
    ['min([4, 2], 3)', 2],
    ['norm(3, 4)', 5],
    ['percentile([5, 1, 4, 2, 3], 50)', 3],
    ['range([2, 9, 4])', 7],
    ['std(2, 4, 4, 4, 5, 5, 7, 9)', Math.sqrt(32 / 7)],
    ['sum([1, 2], 3)', 6],
    ['val([7, 8, 9], 1)', 8],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['round(2.5)', 3],
    ['2 + 3 * 4', 14],
    ['1 < 2 && 2 < 1', 0],
    ['!0 || 0', 1],
    ['0 ? 1 : 2', 2],
    ['(time("2016-10-13T19:00:00Z") - time("Thu, 13 Oct 2016 18:00:00 GMT")) / TimeInterval_Minute', 60],
    ['(TimeInterval_Hour * 2 + TimeInterval_Minute) / TimeInterval_Second', 7260],
    ['time("2016-10-13T19:18:47Z").month * 100 + time("2016-10-13T19:18:47Z").day', 1013],
  ])('%s = %d', (expression, expected) => {
    expect(number(expression)).toBeCloseTo(expected, 10);
  });

  it('vector arithmetic, element by element, and logarithms of a vector', () => {
    expect(value('[1, 2] * 2 + [10, 20]')).toEqual({ kind: 'doubleVec', values: [12, 24] });
    expect(value('log([10, 100])')).toEqual({ kind: 'doubleVec', values: [1, 2] });
  });

  it('rand() draws from the given generator', () => {
    expect(number('rand()')).toBeGreaterThanOrEqual(0);
    expect(value('rand()', { random: () => 0.25 })).toEqual({ kind: 'double', value: 0.25 });
  });

  it('the sample methods: Count, GetSamplePeriod, HistoryBeginTime, GetSamplePercent, GetSample(count) newest last', () => {
    const inputs = { now: new Date('2020-01-01T00:10:00Z'), variables: { $PendingTasks: { values: [1, null, 3, 4] } } };
    expect(value('$PendingTasks.Count()', inputs)).toEqual({ kind: 'double', value: 3 });
    expect(value('$PendingTasks.GetSamplePeriod() / TimeInterval_Second', inputs)).toEqual({ kind: 'double', value: 30 });
    expect(value('$PendingTasks.HistoryBeginTime()', inputs)).toEqual({ kind: 'timestamp', epochMs: Date.parse('2020-01-01T00:08:30Z') });
    expect(value('$PendingTasks.GetSamplePercent(TimeInterval_Minute * 2)', inputs)).toEqual({ kind: 'double', value: 75 });
    expect(value('$PendingTasks.GetSample(2)', inputs)).toEqual({ kind: 'doubleVec', values: [3, 4] });
    expect(value('$PendingTasks', inputs)).toEqual({ kind: 'double', value: 4 });
  });

  it('stop() ends the evaluation with the values set so far', () => {
    expect(results('$TargetDedicatedNodes = 2; stop(); $TargetDedicatedNodes = 9;')).toContain('$TargetDedicatedNodes=2;');
  });

  it('$NodeDeallocationOption takes its values; the full target name wins over its alias; $n and n are one variable', () => {
    expect(results('$TargetDedicatedNodes = 4; $TargetDedicated = 7; $NodeDeallocationOption = retaineddata; $n = 1; n = n + 1;')).toBe(
      '$TargetDedicatedNodes=4;$TargetLowPriorityNodes=0;$NodeDeallocationOption=retaineddata;$n=2',
    );
    expect(results('$TargetLowPriority = 3;')).toContain('$TargetLowPriorityNodes=3;');
  });

  it('fails where the service cannot evaluate, at the place', () => {
    const unset = evaluate('$TargetDedicatedNodes = later; later = 1;');
    expect(unset).toMatchObject({ ok: false, error: { offset: 24, length: 5, message: 'later is read before it is set' } });
    const missing = evaluate('$TargetDedicatedNodes = avg($PendingTasks.GetSample(10));');
    expect(missing).toMatchObject({ ok: false, error: { offset: 28, message: 'no samples of $PendingTasks were given' } });
    expect(evaluate('$TargetDedicatedNodes = val([1], 3);')).toMatchObject({ ok: false, error: { offset: 24, length: 11 } });
  });
});
