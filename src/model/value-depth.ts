/**
 * Whether plain data nests objects and arrays deeper than `limit` (the value itself is level 1). Walked with
 * a stack of its own, not by recursion; a node reached again (a YAML alias shares its anchor's) is walked
 * again only when reached deeper than before.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  return firstDeeperThan(value, limit) !== undefined;
}

/**
 * The first object or array found deeper than `limit`, with the place of it or of its nearest ancestor that
 * `placeOf` knows; undefined when there is none.
 */
export function firstDeeperThan(value: unknown, limit: number, placeOf: (node: object) => number | undefined = () => undefined): { place: number | undefined } | undefined {
  const deepestSeen = new WeakMap<object, number>();
  const pending: [unknown, number, number | undefined][] = [[value, 1, undefined]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth, outerPlace] = next;
    if (typeof current !== 'object' || current === null) continue;
    const place = placeOf(current) ?? outerPlace;
    if (depth > limit) return { place };
    if ((deepestSeen.get(current) ?? 0) >= depth) continue;
    deepestSeen.set(current, depth);
    for (const member of Object.values(current)) pending.push([member, depth + 1, place]);
  }
  return undefined;
}
