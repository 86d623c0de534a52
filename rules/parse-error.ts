import { PARSE_ERROR, type EngineRule } from '../src/model/rule.ts';

/** Reported by the engine itself when a file is not valid JSON, JSONC, YAML or HCL; the other files are still linted. */
export const parseErrorRule: EngineRule = {
  meta: {
    id: PARSE_ERROR,
    description: 'The file is not valid JSON, JSONC, YAML or HCL, so none of its pools could be checked.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    docs: {},
  },
};
