import { describe, expect, it } from 'vitest';
import { targetBounds, type Bound, type BoundsContext } from '../../src/autoscale/bounds.ts';
import { evaluateFormula, type EvaluationInputs, type SampleSeries } from '../../src/autoscale/evaluate.ts';
import { parseFormula, type Formula } from '../../src/autoscale/index.ts';
import { SERVICE_VARIABLES } from '../../src/autoscale/signatures.ts';
import realFormulas from '../../fixtures/autoscale/real-formulas.json' with { type: 'json' };

/** The 10/2019 English article (D19 in /work/shared/research/autoscale-language.md). */
const D19 = 'MicrosoftDocs/azure-docs@004ec532ffd5dbb44ccfc5fa4777731fe874e52c:articles/batch/batch-automatic-scaling.md';

function parse(source: string): Formula {
  const { formula } = parseFormula(source);
  if (!formula) throw new Error(`does not parse: ${source}`);
  return formula;
}

const bounds = (source: string, context?: BoundsContext) => targetBounds(parse(source), context);
const dedicatedMax = (source: string, context?: BoundsContext) => bounds(source, context).dedicated;

describe("targetBounds: the docs' formulas", () => {
  it(`${D19} (Pending tasks): never more than 25`, () => {
    const formula = `startingNumberOfVMs = 1;
maxNumberofVMs = 25;
pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(180 * TimeInterval_Second);
pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(180 * TimeInterval_Second));
$TargetDedicatedNodes=min(maxNumberofVMs, pendingTaskSamples);`;
    expect(dedicatedMax(formula)).toEqual({ max: 25 });
  });

  it(`${D19} (Preempted nodes): 25 dedicated, 25 low-priority`, () => {
    const formula = `maxNumberofVMs = 25;
$TargetDedicatedNodes = min(maxNumberofVMs, $PreemptedNodeCount.GetSample(180 * TimeInterval_Second));
$TargetLowPriorityNodes = min(maxNumberofVMs , maxNumberofVMs - $TargetDedicatedNodes);`;
    expect(bounds(formula)).toEqual({ dedicated: { max: 25 }, lowPriority: { max: 25 } });
  });

  it(`${D19} (Write an autoscale formula): min(400, $totalDedicatedNodes) has max 400`, () => {
    const formula = `$totalDedicatedNodes =
    (min($CPUPercent.GetSample(TimeInterval_Minute * 10)) > 0.7) ?
    ($CurrentDedicatedNodes * 1.1) : $CurrentDedicatedNodes;
$totalDedicatedNodes =
    (avg($CPUPercent.GetSample(TimeInterval_Minute * 60)) < 0.2) ?
    ($CurrentDedicatedNodes * 0.9) : $totalDedicatedNodes;
$TargetDedicatedNodes = min(400, $totalDedicatedNodes)`;
    expect(dedicatedMax(formula)).toEqual({ max: 400 });
  });

  it(`${D19} (Example 3): grows by a quarter of the active tasks, capped at 3`, () => {
    const formula = `$samples = $ActiveTasks.GetSamplePercent(TimeInterval_Minute * 15);
$tasks = $samples < 70 ? max(0,$ActiveTasks.GetSample(1)) : max( $ActiveTasks.GetSample(1),avg($ActiveTasks.GetSample(TimeInterval_Minute * 15)));
$cores = $TargetDedicatedNodes * 4;
$extraVMs = (($tasks - $cores) + 3) / 4;
$targetVMs = ($TargetDedicatedNodes + $extraVMs);
$TargetDedicatedNodes = max(0,min($targetVMs,3));`;
    expect(dedicatedMax(formula)).toEqual({ max: 3 });
  });

  it(`${D19} (Example 1): the larger branch of a condition on the time`, () => {
    expect(dedicatedMax('$TargetDedicatedNodes = time().weekday == 1 ? 5 : 1;')).toEqual({ max: 5 });
  });
});

/** Caps written as conditions rather than min(): their analysis narrows the variable in each branch. */
const CONDITIONAL_CAPS = [
  '$TargetDedicatedNodes = $PendingTasks < 20 ? $PendingTasks : 20;',
  'n = $PendingTasks.GetSample(1); $TargetDedicatedNodes = n > 30 ? 30 : n;',
  'n = $ActiveTasks.GetSample(1) / 4; $TargetDedicatedNodes = 12 <= n ? 12 : n; $TargetLowPriorityNodes = n >= 12 ? n - 12 : 0;',
];

describe('targetBounds: caps written as conditions', () => {
  it.each([
    [CONDITIONAL_CAPS[0], { max: 20 }],
    [CONDITIONAL_CAPS[1], { max: 30 }],
    [CONDITIONAL_CAPS[2], { max: 12 }],
  ])('%s', (source, expected) => {
    expect(dedicatedMax(source!)).toEqual(expected);
  });

  it('a condition bounds only the branch it guards', () => {
    expect(bounds(CONDITIONAL_CAPS[2]!).lowPriority).toMatchObject({ unbounded: true, reason: 'it grows with $ActiveTasks' });
    expect(dedicatedMax('$TargetDedicatedNodes = $PendingTasks < 20 ? 20 : $PendingTasks;')).toMatchObject({ unbounded: true });
  });
});

describe('targetBounds: what it cannot bound, and why', () => {
  it('a target that follows the pending tasks, at the assignment', () => {
    const source = 'x = 1;\n$TargetDedicatedNodes = $PendingTasks.GetSample(1);';
    expect(dedicatedMax(source)).toEqual({ unbounded: true, reason: 'it grows with $PendingTasks', span: { offset: 7, length: source.length - 8 } });
  });

  it('a target that follows the current size grows by 10% an evaluation; a known current size bounds it', () => {
    const source = '$TargetDedicatedNodes = $CurrentDedicatedNodes * 1.1;';
    expect(dedicatedMax(source)).toMatchObject({ unbounded: true, reason: 'it grows with $CurrentDedicatedNodes' });
    expect(dedicatedMax(source, { currentDedicatedNodes: 10 })).toEqual({ max: expect.closeTo(11) });
  });

  it('a sum over a window grows with the number of samples, even of percents', () => {
    expect(dedicatedMax('$TargetDedicatedNodes = sum($CPUPercent.GetSample(TimeInterval_Hour));')).toMatchObject({
      unbounded: true,
      reason: 'it grows with the number of samples',
    });
    expect(dedicatedMax('$TargetDedicatedNodes = avg($CPUPercent.GetSample(TimeInterval_Hour)) / 10;')).toEqual({ max: 10 });
  });

  it('a division by a value that can be 0', () => {
    expect(dedicatedMax('$TargetDedicatedNodes = min(10, 5 / $CPUPercent.GetSample(1)) + 100 / $CPUPercent;')).toMatchObject({
      unbounded: true,
      reason: 'it divides by a value that can be 0',
    });
  });

  it('a target never set keeps the pool value: bounded by the context, unknown without it', () => {
    expect(bounds('$TargetDedicatedNodes = 1;').lowPriority).toMatchObject({ unbounded: true, reason: expect.stringContaining('never sets $TargetLowPriorityNodes') });
    expect(bounds('$TargetDedicatedNodes = 1;', { targetLowPriorityNodes: 7 }).lowPriority).toEqual({ max: 7 });
  });

  it('stop() may leave the earlier value; the full name wins over the legacy alias; min() ignores a possibly empty window', () => {
    expect(dedicatedMax('$TargetDedicatedNodes = 50; $PendingTasks.GetSample(1) > 3 ? stop() : 0; $TargetDedicatedNodes = 2;')).toEqual({ max: 50 });
    expect(dedicatedMax('$TargetDedicated = 90; $TargetDedicatedNodes = 4;')).toEqual({ max: 4 });
    expect(dedicatedMax('$TargetDedicatedNodes = min($PendingTasks.GetSample(TimeInterval_Minute * 5));')).toMatchObject({ unbounded: true });
  });
});

interface RealFormula {
  source: string;
  formula: string;
}
const REAL = realFormulas as RealFormula[];

describe('targetBounds over the real formulas (fixtures/autoscale/real-formulas.json)', () => {
  it.each([
    ['Write an autoscale formula: the complete formula', { dedicated: { max: 400 } }],
    ['Example 2: Task-based adjustment', { dedicated: { max: 20 } }],
    ['Preempted nodes', { dedicated: { max: 25 }, lowPriority: { max: 25 } }],
  ])('%s', (section, expected) => {
    const entry = REAL.find((candidate) => candidate.source.includes(section));
    expect(entry, section).toBeDefined();
    expect(targetBounds(parse(entry!.formula))).toMatchObject(expected);
  });

  it('every real formula gets a bound or a reason', () => {
    for (const { formula } of REAL) {
      const { dedicated, lowPriority } = targetBounds(parse(formula));
      for (const bound of [dedicated, lowPriority]) expect('max' in bound ? Number.isFinite(bound.max) : bound.reason.length > 0).toBe(true);
    }
  });

  it('no evaluation on random samples exceeds the computed max (seeded)', () => {
    const random = mulberry32(13);
    let evaluated = 0;
    for (const source of [...REAL.map((entry) => entry.formula), ...CONDITIONAL_CAPS]) {
      const formula = parse(source);
      const metrics = metricNames(source);
      for (let run = 0; run < 40; run += 1) {
        const inputs = randomInputs(metrics, random);
        const result = evaluateFormula(formula, inputs);
        if (!result.ok) continue;
        evaluated += 1;
        const context = { targetDedicatedNodes: inputs.targetDedicatedNodes, targetLowPriorityNodes: inputs.targetLowPriorityNodes };
        for (const computed of [targetBounds(formula), targetBounds(formula, context)]) {
          expectWithin(result.values.get('$TargetDedicatedNodes'), computed.dedicated, source);
          expectWithin(result.values.get('$TargetLowPriorityNodes'), computed.lowPriority, source);
        }
      }
    }
    expect(evaluated).toBeGreaterThan(REAL.length * 20);
  });
});

function expectWithin(value: unknown, bound: Bound, source: string): void {
  if (!('max' in bound)) return;
  const target = (value as { value: number }).value;
  expect(target, source).toBeLessThanOrEqual(bound.max + 1e-9);
}

/** The read-only service variables a formula reads. */
function metricNames(source: string): string[] {
  const names = source.match(/\$[A-Za-z]+/g) ?? [];
  return [...new Set(names)].filter((name) => SERVICE_VARIABLES.get(name)?.access === 'read-only');
}

function randomInputs(metrics: string[], random: () => number): EvaluationInputs & { targetDedicatedNodes: number; targetLowPriorityNodes: number } {
  const variables: Record<string, SampleSeries | number> = {};
  for (const name of metrics) {
    const scale = name === '$CPUPercent' ? 100 : random() < 0.2 ? 1e6 : 200;
    const length = Math.floor(random() * 60);
    variables[name] = { values: Array.from({ length }, () => (random() < 0.1 ? null : Math.round(random() * scale * 10) / 10)) };
  }
  return {
    variables,
    now: new Date(Date.UTC(2016, 0, 1) + random() * 10 * 365 * 86_400_000),
    random,
    targetDedicatedNodes: Math.floor(random() * 50),
    targetLowPriorityNodes: Math.floor(random() * 50),
  };
}

/** A small seeded generator, so the random inputs are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
