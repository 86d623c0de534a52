import type { EvaluationScope } from './evaluate.ts';
import { resolveValue } from './template-scope.ts';
import { setUserKey } from '../../model/user-record.ts';

/**
 * A pool body as the Batch API reads it: JSON null is the same as an absent property (exports from
 * `az batch pool show` are full of them). In a template file, expressions are evaluated in the
 * template's scope; what cannot be known becomes an UnknownValue that rules report as not checked.
 */
export function canonicalValue(value: unknown, template: EvaluationScope | undefined): unknown {
  const withoutNulls = dropNulls(value);
  return template ? resolveValue(withoutNulls, template) : withoutNulls;
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== null) setUserKey(result, key, dropNulls(member));
  }
  return result;
}
