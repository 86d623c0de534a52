import type { PoolDefinition } from '../model/pool-definition.ts';
import { validatePoolSchema } from '../schema/validate-pool.ts';

/** Why a rule that met a value of the wrong type did not check the pool. */
export const WRONG_TYPES = 'the pool has a value of a type the Batch API does not accept (pool-schema reports where), so this check could not run';

/**
 * Whether the pool breaks the Batch API's schema. Rules read the pool as the API defines it; one that trips
 * over a value of another type (an object where a name belongs) stops there, and is not taken for a bug in
 * batchlint when the schema says the file is at fault.
 */
export function breaksSchema(pool: PoolDefinition): boolean {
  return validatePoolSchema(pool.spec, { autoPool: pool.autoPool === true }).some((problem) => problem.severity === 'error');
}
