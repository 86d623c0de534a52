import type { PoolRule } from '../src/model/rule.ts';
import { apiVersionProblems } from '../src/schema/api-version-additions.ts';
import { validatePoolSchema } from '../src/schema/validate-pool.ts';
import { UnknownValue } from '../src/model/unknown.ts';
import type { Path } from '../src/model/location.ts';

/** The pool body against the Batch data-plane API's shape: types, enums, required fields, ranges, unknown properties. */
export const poolSchemaRule: PoolRule = {
  meta: {
    id: 'pool-schema',
    description: 'The pool must have the shape the Batch API accepts: types, allowed values, required properties, ranges; unknown properties are flagged.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    // The schema validator words each problem; the rule passes it on.
    messages: { problem: '{{problem}}' },
    docs: {
      severityNote: 'unknown properties: at most a warning',
    },
  },
  check(pool, context) {
    const versionProblems = pool.apiVersion === undefined ? [] : apiVersionProblems(pool.spec, pool.apiVersion);
    for (const problem of [...validatePoolSchema(pool.spec, { autoPool: pool.autoPool }), ...versionProblems]) {
      if (passesThroughUnknown(pool.spec, problem.path)) continue;
      context.report({
        path: problem.path,
        part: problem.part,
        messageId: 'problem',
        data: { problem: problem.message },
        severity: problem.severity,
      });
    }
  },
};

/** A value the adapter could not evaluate is not the user's mistake: nothing below it is checked. */
function passesThroughUnknown(root: unknown, path: Path): boolean {
  let current = root;
  for (const segment of path) {
    if (current instanceof UnknownValue) return true;
    if (typeof current !== 'object' || current === null) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current instanceof UnknownValue;
}
