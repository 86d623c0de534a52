import { validate } from './generated/pool-validator.js';
import { crossFieldProblems } from './cross-field-checks.ts';
import { explainError } from './explain-error.ts';
import type { SchemaProblem } from './schema-problem.ts';

export type { SchemaProblem };

/** The pool body against the Batch data-plane API: one readable problem per place, schema first, then cross-field rules. */
export function validatePoolSchema(value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!validate(value)) {
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      const problem = explainError(error, value);
      const key = problem && `${problem.part}:${problem.path.join('/')}:${problem.message}`;
      if (!problem || seen.has(key!)) continue;
      seen.add(key!);
      problems.push(problem);
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) problems.push(...crossFieldProblems(value as Record<string, unknown>));
  return problems;
}
