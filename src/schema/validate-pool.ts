import { validate } from './generated/pool-validator.js';
import { crossFieldProblems } from './cross-field-checks.ts';
import { explainError } from './explain-error.ts';
import type { SchemaProblem } from './schema-problem.ts';

export type { SchemaProblem };

export interface PoolSchemaOptions {
  /** A job's auto pool: Batch's pool specification, the pool body without an `id` (Batch names the pool). */
  autoPool?: boolean;
}

/** The pool body against the Batch data-plane API: one readable problem per place, schema first, then cross-field rules. */
export function validatePoolSchema(value: unknown, options: PoolSchemaOptions = {}): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!validate(value)) {
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      if (options.autoPool && error.keyword === 'required' && error.instancePath === '' && error.params.missingProperty === 'id') continue;
      const problem = explainError(error, value);
      const key = problem && `${problem.part}:${problem.path.join('/')}:${problem.message}`;
      if (!problem || seen.has(key!)) continue;
      seen.add(key!);
      problems.push(problem);
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (options.autoPool && 'id' in value) problems.push(AUTO_POOL_ID);
    problems.push(...crossFieldProblems(value as Record<string, unknown>));
  }
  return problems;
}

const AUTO_POOL_ID: SchemaProblem = {
  path: ['id'],
  part: 'key',
  severity: 'warning',
  message: 'an auto pool has no "id": Batch names it from autoPoolSpecification.autoPoolIdPrefix, and the Batch API ignores or rejects the property',
};
