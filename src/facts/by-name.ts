/** A record entry by a key compared case-insensitively, as Azure compares family and size names. */
export function byName<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  if (!record) return undefined;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}
