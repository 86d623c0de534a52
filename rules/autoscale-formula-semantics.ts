import { analyzeFormula, type DiagnosticCode } from '../src/autoscale/index.ts';
import type { PoolRule } from '../src/model/rule.ts';

/** Every check of the formula's names, arity and types; a syntax error is autoscale-formula-syntax's. */
const CODES: readonly Exclude<DiagnosticCode, 'syntax'>[] = [
  'missing-semicolon',
  'undocumented-syntax',
  'unknown-service-variable',
  'unknown-constant',
  'unknown-function',
  'unknown-method',
  'unknown-member',
  'method-target',
  'arity',
  'read-only-assigned',
  'constant-assigned',
  'no-target',
  'read-before-set',
  'unknown-variable',
  'deallocation-option',
  'case-mismatch',
  'type',
];

export const autoscaleFormulaSemanticsRule: PoolRule = {
  meta: {
    id: 'autoscale-formula-semantics',
    description:
      'The autoscale formula parses but uses a name, method, argument count or type the language does not have, reads a variable before setting it, or never sets a target.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    // The checker words each problem (with the names involved); the id says which check it is.
    messages: Object.fromEntries(CODES.map((code) => [code, 'Autoscale formula: {{problem}}.'])),
    docs: {
      severityNote: 'what the service may still accept — a missing `;` at a line break, a name that differs only in case, forms the docs do not describe — is a warning',
    },
  },
  check(pool, { report, known }) {
    const formula = known(pool.spec.autoScaleFormula, 'the autoscale formula');
    if (typeof formula !== 'string') return;
    const analysis = analyzeFormula(formula);
    if (!analysis.formula) return; // autoscale-formula-syntax reports it
    for (const diagnostic of analysis.diagnostics) {
      report({
        path: ['autoScaleFormula'],
        within: { offset: diagnostic.offset, length: diagnostic.length },
        ...(diagnostic.severity === 'warning' && { severity: 'warning' }),
        messageId: diagnostic.code,
        data: { problem: diagnostic.message },
      });
    }
  },
};
