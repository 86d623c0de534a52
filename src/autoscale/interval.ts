/** A closed interval of doubles; either end may be infinite. Every operation over-approximates: it never loses a value. */
export interface Interval {
  lo: number;
  hi: number;
}

export const interval = (lo: number, hi: number): Interval => ({ lo: Number.isNaN(lo) ? -Infinity : lo, hi: Number.isNaN(hi) ? Infinity : hi });
export const point = (value: number): Interval => interval(value, value);
export const ANY: Interval = interval(-Infinity, Infinity);
export const NON_NEGATIVE: Interval = interval(0, Infinity);
export const BOOLEAN: Interval = interval(0, 1);

export function add(a: Interval, b: Interval): Interval {
  return interval(a.lo + b.lo, a.hi + b.hi);
}

export function subtract(a: Interval, b: Interval): Interval {
  return interval(a.lo - b.hi, a.hi - b.lo);
}

export function negate(a: Interval): Interval {
  return interval(-a.hi, -a.lo);
}

export function multiply(a: Interval, b: Interval): Interval {
  const products = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return interval(Math.min(...products), Math.max(...products));
}

/** Division by an interval holding 0 can give anything (or fail): the result is unknown. */
export function divide(a: Interval, b: Interval): Interval {
  if (contains(b, 0)) return ANY;
  return multiply(a, interval(1 / b.hi, 1 / b.lo));
}

export function join(a: Interval, b: Interval): Interval {
  return interval(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
}

export function hull(intervals: readonly Interval[]): Interval {
  return intervals.reduce(join, interval(Infinity, -Infinity));
}

/** The image of a non-decreasing function. */
export function monotone(a: Interval, apply: (value: number) => number): Interval {
  return interval(apply(a.lo), apply(a.hi));
}

export function contains(a: Interval, value: number): boolean {
  return a.lo <= value && value <= a.hi;
}

export function isPoint(a: Interval): boolean {
  return a.lo === a.hi;
}

/** 0 × ∞ is 0 here: a factor that is exactly 0 zeroes any finite value the other end stands for. */
function times(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}
