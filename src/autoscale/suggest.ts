import { distance } from 'fastest-levenshtein';

/** The candidate spelled like `name` but for letter case, if any (the docs spell every name one way). */
export function caseVariant(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const candidate of candidates) if (candidate !== name && candidate.toLowerCase() === lower) return candidate;
  return undefined;
}

/** The closest candidate within a couple of edits (case ignored), for a "did you mean" hint. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    // The edit distance is at least the difference in length; a long name is not measured against every candidate.
    if (Math.abs(candidate.length - name.length) > bestDistance) continue;
    const edits = distance(lower, candidate.toLowerCase());
    if (edits <= bestDistance && (best === undefined || edits < bestDistance)) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}
