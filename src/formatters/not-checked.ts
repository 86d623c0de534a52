import type { NotChecked } from '../engine/finding.ts';
import { redact } from './redact.ts';

const MAX_PLACES_SHOWN = 3;

/** One line per rule and reason, naming the pools it affected: the same unread fact must not fill a screen. */
export function notCheckedLines(entries: readonly NotChecked[]): string[] {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    const key = `${entry.ruleId}: ${entry.reason}`;
    const place = `${entry.filePath}${entry.poolId ? ` [pool ${entry.poolId}]` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), place]);
  }
  return [...groups].map(([reason, where]) => {
    const shown = where.slice(0, MAX_PLACES_SHOWN).join(', ') + (where.length > MAX_PLACES_SHOWN ? `, and ${where.length - MAX_PLACES_SHOWN} more` : '');
    return `${redact(reason)} — ${shown}`;
  });
}
