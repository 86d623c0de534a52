import { describe, expect, it } from 'vitest';
import { analyzeFormula } from '../../src/autoscale/index.ts';

/** The findings of a formula as `severity code @offset`, in the formula's order. */
const findings = (formula: string) => analyzeFormula(formula).diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} @${diagnostic.offset}`);
const messages = (formula: string) => analyzeFormula(formula).diagnostics.map((diagnostic) => diagnostic.message);

describe('checkFormula: what it accepts without a word', () => {
  it.each([
    ['functions seen working but not documented', 'n = ceil($PendingTasks / 4); m = floor(n / 2); $TargetDedicatedNodes = round(m);'],
    ['a doubleVec compared with a number, and used as a condition', '$TargetDedicatedNodes = $PendingTasks.GetSample(1) > 0 ? 1 : 0;'],
    ['a timestamp minus a time interval, and a ratio of time intervals', 't = time() - TimeInterval_Day; $TargetDedicatedNodes = (time() - t) / TimeInterval_Hour;'],
    ['a time interval on either side of *', '$TargetDedicatedNodes = avg($CPUPercent.GetSample(TimeInterval_Minute * 5, 5 * TimeInterval_Minute));'],
    [
      'every documented GetSample form',
      'a = $CPUPercent.GetSample(10); b = $CPUPercent.GetSample(TimeInterval_Minute * 10, 80); c = $CPUPercent.GetSample(time() - TimeInterval_Hour, TimeInterval_Minute, 50); $TargetDedicatedNodes = max(a, b, c);',
    ],
    ['the other methods', 'p = $CPUPercent.GetSamplePeriod(); c = $CPUPercent.Count(); t = $CPUPercent.HistoryBeginTime().hour; $TargetDedicatedNodes = c + t;'],
    ['task slots and the legacy and unconfirmed variables', '$TargetDedicated = $CurrentDedicated + $TaskSlotsPerNode + $UsableNodeCount;'],
    ['a low-priority target alone, by its legacy name', '$TargetLowPriority = 2;'],
    ['a deallocation option chosen by a condition', '$TargetDedicatedNodes = 1; $NodeDeallocationOption = $PendingTasks.GetSample(1) > 0 ? taskcompletion : requeue;'],
    ['a deallocation option kept in a user variable', 'option = retaineddata; $TargetDedicatedNodes = 1; $NodeDeallocationOption = option;'],
    ['a vector literal in a list', 'v = [1, 2, 3]; $TargetDedicatedNodes = avg(v, 7) + percentile(v, 50) + val(v, 0) + len(v) + norm(v) + range(v) + std(v) + sum(v);'],
    ['logarithms of numbers and vectors', '$TargetDedicatedNodes = lg(8) + ln(1) + log(10) + sum(log([10, 100]));'],
    ['the same user variable written with and without $ on different statements', '$n = 1; n = 2; $TargetDedicatedNodes = $n + n;'],
    ['methods on the read-write targets', '$TargetDedicatedNodes = max($TargetDedicatedNodes.GetSample(1));'],
    ['two deallocation options compared', '$TargetDedicatedNodes = $NodeDeallocationOption == requeue ? 1 : 2;'],
  ])('%s', (_name, formula) => {
    expect(findings(formula)).toEqual([]);
  });
});

describe('checkFormula: warnings, where the service may accept what is written', () => {
  it('warns when no statement sets a target, at the start of the formula', () => {
    expect(findings('x = 1;')).toEqual(['warning no-target @0']);
    expect(findings('')).toEqual(['warning no-target @0']);
  });

  it('warns about a name that differs from the docs only in letter case', () => {
    expect(findings('$TargetDedicatedNodes = max($pendingTasks.getSample(1)); $NodeDeallocationOption = TaskCompletion;')).toEqual([
      'warning case-mismatch @28',
      'warning case-mismatch @42',
      'warning case-mismatch @83',
    ]);
  });

  it('warns about a service target written in another case: it sets a user variable, so no target is set either', () => {
    expect(findings('$targetDedicatedNodes = 2;')).toEqual(['warning case-mismatch @0', 'warning no-target @0']);
  });

  it('warns about forms the docs do not show', () => {
    expect(messages('$TargetDedicatedNodes = max($PendingTasks.GetSample(10, 70));')).toEqual([expect.stringContaining('GetSample(count) takes only the count')]);
    expect(findings('$TargetDedicatedNodes = avg() + ceil(1, 2);')).toEqual(['warning arity @24', 'warning arity @32']);
    expect(findings('$TargetDedicatedNodes = 1; $NodeDeallocationOption = "requeue";')).toEqual(['warning deallocation-option @53']);
    expect(findings('$TargetDedicatedNodes = 1; $NodeDeallocationOption = 1;')).toEqual(['warning deallocation-option @53']);
  });
});

describe('checkFormula: errors', () => {
  it('reports a method no variable has once, whatever it is called on', () => {
    expect(findings('$s = $PendingTasks.GetSample(1); $TargetDedicatedNodes = min(5, $s.Sum());')).toEqual(['error unknown-method @67']);
  });

  it('reports every problem of a formula, each at its place', () => {
    expect(findings('$PendingTasks = 1; TimeInterval_Second = 2; $TargetDedicatedNodes = foo(1) + bar;')).toEqual([
      'error read-only-assigned @0',
      'error constant-assigned @19',
      'error unknown-function @68',
      'error unknown-variable @77',
    ]);
  });

  it('reports an unset $ variable given to $NodeDeallocationOption as unset, not as an unknown option', () => {
    expect(messages('$TargetDedicatedNodes = 1; $NodeDeallocationOption = $option;')).toEqual([
      "'$option' is not set by any earlier statement and is not a service variable or constant",
    ]);
  });

  it('reports an unset variable once, at its first read', () => {
    expect(findings('$TargetDedicatedNodes = x + x * 2;')).toEqual(['error unknown-variable @24']);
  });

  it('says which statement sets a variable that is read too early, including its own', () => {
    expect(messages('$TargetDedicatedNodes = n; n = 1;')).toEqual(["'n' is read before it is set (a later statement is the first to set it): the evaluation fails"]);
    expect(messages('t = t + 1; $TargetDedicatedNodes = t;')).toEqual(["'t' is read before it is set (this statement is the first to set it): the evaluation fails"]);
  });

  it('suggests the closest name', () => {
    expect(messages('$TargetDedicatedNodes = avg($CPUPercnt.GetSample(TimeInterval_Minute * 5)) > 70 ? 2 : 1; $NodeDeallocationOption = taskcompletio;')).toEqual([
      "unknown service variable '$CPUPercnt' (did you mean '$CPUPercent'?)",
      "'taskcompletio' is not a $NodeDeallocationOption value: use requeue, terminate, taskcompletion or retaineddata (did you mean 'taskcompletion'?)",
    ]);
  });

  it('rejects operations outside the documented type table', () => {
    expect(findings('a = time() + time(); b = "x" * 2; c = -"x"; d = TimeInterval_Hour < 5; e = TimeInterval_Hour && 1; $TargetDedicatedNodes = 1;')).toEqual([
      'error type @11',
      'error type @29',
      'error type @38',
      'error type @66',
      'error type @93',
    ]);
  });

  it('rejects arguments of the wrong type', () => {
    expect(findings('$TargetDedicatedNodes = val(time(), 1); t = time(5); m = max($CPUPercent.GetSamplePercent(5));')).toEqual([
      'error type @28',
      'error type @49',
      'error type @90',
    ]);
  });

  it('rejects methods where there is no sample variable', () => {
    expect(findings('$TargetDedicatedNodes = 1; $NodeDeallocationOption = requeue; x = $NodeDeallocationOption.Count(); y = time().GetSample(1);')).toEqual([
      'error method-target @66',
      'error method-target @110',
    ]);
  });
});
