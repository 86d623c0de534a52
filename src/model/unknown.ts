/**
 * A value an adapter could not know statically (an ARM expression it cannot evaluate, a Terraform
 * reference to another resource). Rules must never guess past one: they report it as not checked.
 */
export class UnknownValue {
  constructor(readonly reason: string) {}
}

export function unknownValue(reason: string): UnknownValue {
  return new UnknownValue(reason);
}

export function isUnknown(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}

/** The shape of T where any property may be absent and any value may be unknown. */
export type Unknowable<T> = T extends string | number | boolean
  ? T | UnknownValue
  : T extends readonly (infer E)[]
    ? Unknowable<E>[] | UnknownValue
    : T extends object
      ? { [K in keyof T]?: Unknowable<T[K]> } | UnknownValue
      : T | UnknownValue;

/** Narrows away both absence and unknown-ness. */
export function isKnown<T>(value: T | UnknownValue | undefined): value is T {
  return value !== undefined && !(value instanceof UnknownValue);
}
