/**
 * Which of many strings (none shorter than `minLength`) occur in a text, found in one pass over the text:
 * each position is looked up by the `minLength` characters that start there, then checked only against the
 * lengths of the strings that start with them. A file of N pools with N passwords costs O(N) per message,
 * where asking every string in turn cost O(N) per message and O(N²) per file.
 */
export function occurrenceFinder(needles: Iterable<string>, minLength: number): (text: string) => Set<string> {
  const byStart = new Map<string, Map<number, Set<string>>>();
  for (const needle of needles) {
    if (needle.length < minLength) throw new RangeError(`occurrenceFinder: "${needle}" is shorter than ${minLength} characters`);
    const start = needle.slice(0, minLength);
    let byLength = byStart.get(start);
    if (!byLength) byStart.set(start, (byLength = new Map<number, Set<string>>()));
    const same = byLength.get(needle.length);
    if (same) same.add(needle);
    else byLength.set(needle.length, new Set([needle]));
  }
  return (text) => {
    const found = new Set<string>();
    for (let position = 0; position + minLength <= text.length; position++) {
      const byLength = byStart.get(text.slice(position, position + minLength));
      if (!byLength) continue;
      for (const [length, same] of byLength) {
        const candidate = text.slice(position, position + length);
        if (candidate.length === length && same.has(candidate)) found.add(candidate);
      }
    }
    return found;
  };
}
