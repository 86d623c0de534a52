import { UnknownValue } from './unknown.ts';

/** An ARM/Batch template expression: "[parameters('x')]"; "[[" escapes a literal bracket. */
const TEMPLATE_EXPRESSION = /^\[(?!\[)[\s\S]*\]$/;

/**
 * A pool body as the Batch API reads it: JSON null is the same as an absent property (exports from
 * `az batch pool show` are full of them). In a template file, expression strings become UnknownValues,
 * which rules report as not checked instead of reading them literally.
 */
export function canonicalValue(value: unknown, inTemplate: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalValue(item, inTemplate));
  if (typeof value === 'string') {
    return inTemplate && TEMPLATE_EXPRESSION.test(value) ? new UnknownValue(`"${value}" is a template expression that batchlint does not evaluate`) : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== null) result[key] = canonicalValue(member, inTemplate);
  }
  return result;
}
