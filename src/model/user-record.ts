/**
 * An object for keys a file's author wrote. It has no prototype, so a key such as "__proto__" is only ever
 * data: assigned on an ordinary object it would replace the prototype, and its members would read as the
 * object's own.
 */
export function userRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Sets a key a file's author wrote on an ordinary object, "__proto__" as an own property like any other. For
 * the canonical pool every rule reads: V8 keeps a prototype-free object in its slower dictionary mode.
 */
export function setUserKey(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** An object literal or a userRecord, as opposed to an array or an instance of a class. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
