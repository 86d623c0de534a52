import { ANY, hull, type Interval } from './interval.ts';

/** Why a value may grow without limit: what it grows with, said for the user. */
export type Growth = string;

/**
 * What the interval analysis knows of a value: a double within an interval, a vector whose elements lie
 * within one (and whose length lies between two counts), or something that is not a number (a time, a string,
 * a deallocation option). `growth` says why the interval is open, when it is.
 */
export type AbstractValue =
  { kind: 'double'; range: Interval; growth?: Growth } | { kind: 'doubleVec'; elements: Interval; minLength: number; maxLength: number; growth?: Growth } | { kind: 'other' };

export const abstractDouble = (range: Interval, growth?: Growth): AbstractValue => (growth === undefined ? { kind: 'double', range } : { kind: 'double', range, growth });
export const OTHER: AbstractValue = { kind: 'other' };

/** The interval a value stands for where a double is read (a one-sample vector reads as its sample). */
export function rangeOf(value: AbstractValue): Interval {
  if (value.kind === 'double') return value.range;
  if (value.kind === 'doubleVec') return value.elements;
  return ANY;
}

export function growthOf(...values: AbstractValue[]): Growth | undefined {
  for (const value of values) if (value.kind !== 'other' && value.growth !== undefined) return value.growth;
  return undefined;
}

/** What the two branches of a condition may give. */
export function joinValues(a: AbstractValue, b: AbstractValue): AbstractValue {
  if (a.kind === 'other' && b.kind === 'other') return OTHER;
  if (a.kind === 'doubleVec' && b.kind === 'doubleVec') {
    return withGrowth(
      {
        kind: 'doubleVec',
        elements: hull([a.elements, b.elements]),
        minLength: Math.min(a.minLength, b.minLength),
        maxLength: Math.max(a.maxLength, b.maxLength),
      },
      growthOf(a, b),
    );
  }
  return abstractDouble(hull([rangeOf(a), rangeOf(b)]), growthOf(a, b) ?? (a.kind === 'other' || b.kind === 'other' ? 'one branch is not a number' : undefined));
}

export function withGrowth(value: AbstractValue, growth: Growth | undefined): AbstractValue {
  if (value.kind === 'other' || growth === undefined) return value;
  return { ...value, growth };
}
