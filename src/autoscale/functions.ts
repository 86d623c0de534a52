import { EvaluationFault, StopEvaluation } from './evaluation-error.ts';
import { double, doubleVec, timestamp, type Value } from './values.ts';

export interface FunctionContext {
  now: Date;
  random: () => number;
}

type FunctionSemantics = (args: Value[], context: FunctionContext) => Value;

/** The semantics of each function of the language ("Functions" in the docs), by name. */
export const FUNCTION_SEMANTICS: ReadonlyMap<string, FunctionSemantics> = new Map<string, FunctionSemantics>([
  ['avg', listToDouble((values) => values.reduce((a, b) => a + b, 0) / values.length)],
  ['len', (args) => double(flatten(args).length)],
  ['lg', elementwise(Math.log2)],
  ['ln', elementwise(Math.log)],
  ['log', elementwise(Math.log10)],
  ['max', listToDouble((values) => Math.max(...values))],
  ['min', listToDouble((values) => Math.min(...values))],
  ['norm', (args) => double(Math.sqrt(flatten(args).reduce((total, value) => total + value * value, 0)))],
  ['percentile', ([vector, percent]) => double(percentile(asVector(vector), asDouble(percent)))],
  ['rand', (_args, context) => double(context.random())],
  ['range', listToDouble((values) => Math.max(...values) - Math.min(...values))],
  ['std', listToDouble(sampleStandardDeviation)],
  [
    'stop',
    () => {
      throw new StopEvaluation();
    },
  ],
  ['sum', (args) => double(flatten(args).reduce((a, b) => a + b, 0))],
  ['time', ([text], context) => timestamp(text === undefined ? context.now.getTime() : parseTime(text))],
  ['val', ([vector, index]) => double(elementAt(asVector(vector), asDouble(index)))],
  ['ceil', elementwise(Math.ceil)],
  ['floor', elementwise(Math.floor)],
  ['round', elementwise(Math.round)],
]);

/** A doubleVecList made one vector ("The doubleVecList value is converted to a single doubleVec"). */
export function flatten(args: Value[]): number[] {
  return args.flatMap((arg) => (arg.kind === 'doubleVec' ? arg.values : [asDouble(arg)]));
}

export function asDouble(value: Value | undefined): number {
  if (value?.kind === 'double') return value.value;
  // A one-sample vector (`$PendingTasks.GetSample(1)`) stands for its sample where a double is wanted.
  if (value?.kind === 'doubleVec' && value.values.length === 1) return value.values[0]!;
  throw new EvaluationFault(`expected a double, got ${describe(value)}`);
}

export function asVector(value: Value | undefined): number[] {
  if (value?.kind === 'doubleVec') return value.values;
  if (value?.kind === 'double') return [value.value];
  throw new EvaluationFault(`expected a doubleVec, got ${describe(value)}`);
}

export function describe(value: Value | undefined): string {
  if (!value) return 'nothing';
  return value.kind === 'doubleVec' ? `a doubleVec of ${value.values.length} values` : `a ${value.kind}`;
}

function listToDouble(compute: (values: number[]) => number): FunctionSemantics {
  return (args) => {
    const values = flatten(args);
    if (values.length === 0) throw new EvaluationFault('the list of values is empty');
    return double(compute(values));
  };
}

function elementwise(apply: (value: number) => number): FunctionSemantics {
  return ([arg]) => (arg?.kind === 'doubleVec' ? doubleVec(arg.values.map(apply)) : double(apply(asDouble(arg))));
}

/** Nearest rank: the docs say only "the percentile element of the vector". */
function percentile(values: number[], percent: number): number {
  if (values.length === 0) throw new EvaluationFault('percentile of an empty vector');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, percent)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

function sampleStandardDeviation(values: number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((total, value) => total + (value - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

function elementAt(values: number[], index: number): number {
  const value = values[index];
  if (!Number.isInteger(index) || value === undefined) throw new EvaluationFault(`index ${index} is outside the vector of ${values.length} values`);
  return value;
}

/** W3C-DTF or RFC 1123, as the docs list for `time(string)`. */
function parseTime(text: Value): number {
  if (text.kind !== 'string') throw new EvaluationFault(`time() takes a string, got ${describe(text)}`);
  const epochMs = Date.parse(text.value);
  if (Number.isNaN(epochMs)) throw new EvaluationFault(`"${text.value}" is not a W3C-DTF or RFC 1123 date`);
  return epochMs;
}
