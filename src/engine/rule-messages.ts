import type { Report, RuleMeta } from '../model/rule.ts';

/** The text of a report: the rule's message for its id, with `{{name}}` filled from its data. */
export function messageOf(meta: RuleMeta, report: Report): string {
  const template = meta.messages?.[report.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message "${report.messageId}"`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = report.data?.[name];
    if (value === undefined) throw new Error(`message "${report.messageId}" of rule ${meta.id} needs a value for {{${name}}}`);
    return String(value);
  });
}
