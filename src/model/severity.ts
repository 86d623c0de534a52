import type { Severity } from './rule.ts';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The lesser of a configured severity and a ceiling: how a rule's milder case follows the user's setting down. */
export function atMost(configured: Severity, ceiling: Severity): Severity {
  return RANK[configured] <= RANK[ceiling] ? configured : ceiling;
}
