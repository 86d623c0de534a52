import { abstractDouble, growthOf, OTHER, rangeOf, withGrowth, type AbstractValue } from './abstract-values.ts';
import { ANY, BOOLEAN, hull, interval, monotone, type Interval } from './interval.ts';

type AbstractFunction = (args: AbstractValue[]) => AbstractValue;

/** What each function can give, from what its arguments can be: the interval semantics of FUNCTION_SEMANTICS. */
export const ABSTRACT_FUNCTIONS: ReadonlyMap<string, AbstractFunction> = new Map<string, AbstractFunction>([
  ['avg', withinElements],
  ['percentile', ([vector]) => withinElements(vector ? [vector] : [])],
  ['val', ([vector]) => withinElements(vector ? [vector] : [])],
  ['max', listMaximum],
  ['min', listMinimum],
  ['sum', listSum],
  [
    'len',
    (args) => abstractDouble(interval(totalLength(args, 'minLength'), totalLength(args, 'maxLength')), growthIfOpen(totalLength(args, 'maxLength'), 'the number of samples')),
  ],
  ['range', spread],
  ['std', spread],
  ['norm', norm],
  ['lg', logarithm(Math.log2)],
  ['ln', logarithm(Math.log)],
  ['log', logarithm(Math.log10)],
  ['ceil', elementwise((range) => monotone(range, Math.ceil))],
  ['floor', elementwise((range) => monotone(range, Math.floor))],
  ['round', elementwise((range) => monotone(range, Math.round))],
  ['rand', () => abstractDouble(BOOLEAN)],
  ['time', () => OTHER],
]);

function withinElements(args: AbstractValue[]): AbstractValue {
  return abstractDouble(hull(args.map(rangeOf)), growthOf(...args));
}

/** An argument that always brings at least one value (a double, or a vector known not to be empty). */
function alwaysPresent(value: AbstractValue): boolean {
  return value.kind !== 'doubleVec' || value.minLength > 0;
}

function listMaximum(args: AbstractValue[]): AbstractValue {
  return abstractDouble(hull(args.map(rangeOf)), growthOf(...args));
}

/** The smallest of the list is at most the smallest upper end among the values always present. */
function listMinimum(args: AbstractValue[]): AbstractValue {
  const ranges = args.map(rangeOf);
  const present = args.filter(alwaysPresent);
  if (present.length === 0) return abstractDouble(hull(ranges), growthOf(...args));
  const capped = present.reduce<AbstractValue>((best, value) => (rangeOf(value).hi < rangeOf(best).hi ? value : best), present[0]!);
  const hi = rangeOf(capped).hi;
  return abstractDouble(interval(Math.min(...ranges.map((range) => range.lo)), hi), growthOf(capped));
}

function listSum(args: AbstractValue[]): AbstractValue {
  let lo = 0;
  let hi = 0;
  for (const arg of args) {
    const range = rangeOf(arg);
    const [fewest, most] = arg.kind === 'doubleVec' ? [arg.minLength, arg.maxLength] : [1, 1];
    hi += range.hi > 0 ? scale(range.hi, most) : scale(range.hi, fewest);
    lo += range.lo < 0 ? scale(range.lo, most) : scale(range.lo, fewest);
  }
  return abstractDouble(interval(lo, hi), growthOf(...args) ?? growthIfOpen(hi, 'the number of samples'));
}

function spread(args: AbstractValue[]): AbstractValue {
  const range = hull(args.map(rangeOf));
  return abstractDouble(interval(0, Math.max(0, range.hi - range.lo)), growthOf(...args));
}

function norm(args: AbstractValue[]): AbstractValue {
  const range = hull(args.map(rangeOf));
  const largest = Math.max(Math.abs(range.lo), Math.abs(range.hi));
  const hi = Math.sqrt(scale(largest * largest, totalLength(args, 'maxLength')));
  return abstractDouble(interval(0, hi), growthOf(...args) ?? growthIfOpen(hi, 'the number of samples'));
}

function logarithm(apply: (value: number) => number): AbstractFunction {
  return elementwise((range) => (range.hi <= 0 ? ANY : interval(range.lo <= 0 ? -Infinity : apply(range.lo), apply(range.hi))));
}

function elementwise(apply: (range: Interval) => Interval): AbstractFunction {
  return ([arg]) => {
    if (!arg) return abstractDouble(ANY, 'a function without its argument');
    if (arg.kind === 'doubleVec') return withGrowth({ ...arg, elements: apply(arg.elements) }, arg.growth);
    return abstractDouble(apply(rangeOf(arg)), growthOf(arg));
  };
}

function totalLength(args: AbstractValue[], end: 'minLength' | 'maxLength'): number {
  return args.reduce((total, arg) => total + (arg.kind === 'doubleVec' ? arg[end] : 1), 0);
}

/** value × count, where a count of 0 gives 0 even for an unbounded value. */
function scale(value: number, count: number): number {
  return count === 0 || value === 0 ? 0 : value * count;
}

function growthIfOpen(hi: number, what: string): string | undefined {
  return hi === Infinity ? `it grows with ${what}` : undefined;
}
