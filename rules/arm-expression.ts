import type { EngineRule } from '../src/model/rule.ts';

/**
 * Reported by the ARM and Batch template adapters for a template expression that does not parse, in a
 * pool resource or in a parameter default or variable the pool uses; the pool is linted with that value unknown.
 */
export const armExpressionRule: EngineRule = {
  meta: {
    id: 'arm-expression',
    description: 'A template expression ("[...]") in a pool, or in a parameter or variable it uses, does not parse, so the deployment fails.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    docs: {},
  },
};
