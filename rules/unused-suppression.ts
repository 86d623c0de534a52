import { UNUSED_SUPPRESSION, type EngineRule } from '../src/model/rule.ts';

/** Reported by the engine for a batchlint-disable comment that silenced nothing, so suppressions do not rot. */
export const unusedSuppressionRule: EngineRule = {
  meta: {
    id: UNUSED_SUPPRESSION,
    description: 'A batchlint-disable comment silences nothing (the problem was fixed, or the rule id is wrong); remove it.',
    defaultSeverity: 'warning',
    fixable: false,
    facts: [],
    docs: {},
  },
};
