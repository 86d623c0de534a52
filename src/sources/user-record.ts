/**
 * An object for keys a file's author wrote. It has no prototype, so a key such as "__proto__" is only ever
 * data: assigned on an ordinary object it would replace the prototype, and its members would read as the
 * object's own.
 */
export function userRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** An object literal or a userRecord, as opposed to an array or an instance of a class. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
