export interface SchemaProblem {
  path: (string | number)[];
  /** An unknown property is reported on its key, everything else on the value (or the enclosing object). */
  part: 'key' | 'value';
  severity: 'error' | 'warning';
  message: string;
}

/** How a path reads in a message: startTask.userIdentity.autoUser, userAccounts[0].name. */
export function pathName(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('') || 'the pool';
}

/** A value as it reads in a message, cut short when long. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
