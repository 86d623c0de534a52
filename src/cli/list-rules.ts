import { docsUrl } from '../model/rule.ts';
import { allRules } from '../../rules/index.ts';

/** The `batchlint rules` table: id, default severity, fixable, what it catches, where its docs are. */
export function listRules(): string {
  const idWidth = Math.max(...allRules.map((rule) => rule.meta.id.length));
  const lines = allRules.map(
    ({ meta }) =>
      [meta.id.padEnd(idWidth), meta.defaultSeverity.padEnd(7), (meta.fixable ? 'fixable' : '').padEnd(7), meta.description].join('  ') +
      `\n${' '.repeat(idWidth + 20)}${docsUrl(meta.id)}`,
  );
  return `${lines.join('\n')}\n`;
}
