import type { NotChecked } from '../model/finding.ts';
import type { LintReport } from '../engine/lint.ts';
import { redact } from './redact.ts';

const MAX_PLACES_SHOWN = 3;

/** One line per rule and reason, naming the pools it affected: the same unread fact must not fill a screen. */
export function notCheckedLines(entries: readonly NotChecked[]): string[] {
  return groupedLines(entries.map((entry) => ({ reason: `${entry.ruleId}: ${entry.reason}`, place: `${entry.filePath}${entry.poolId ? ` [pool ${entry.poolId}]` : ''}` })));
}

/** One line per reason a file or folder was not linted, naming them. */
export function notLintedLines(entries: LintReport['notLinted']): string[] {
  return groupedLines(entries.map(({ path, reason }) => ({ reason, place: path })));
}

function groupedLines(entries: { reason: string; place: string }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { reason, place } of entries) {
    const places = groups.get(reason);
    if (places) places.push(place);
    else groups.set(reason, [place]);
  }
  return [...groups].map(([reason, where]) => {
    const shown = where.slice(0, MAX_PLACES_SHOWN).join(', ') + (where.length > MAX_PLACES_SHOWN ? `, and ${where.length - MAX_PLACES_SHOWN} more` : '');
    return redact(`${reason} — ${shown}`);
  });
}
