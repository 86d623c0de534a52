import { analyzeFormula } from '../src/autoscale/index.ts';
import type { PoolRule } from '../src/model/rule.ts';

export const autoscaleFormulaSyntaxRule: PoolRule = {
  meta: {
    id: 'autoscale-formula-syntax',
    description: 'The autoscale formula does not parse: the Batch service refuses the pool (or the enable-autoscale call) at once.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    messages: {
      syntax: 'The autoscale formula does not parse: {{problem}}. The Batch service checks a formula when the pool is created and refuses one that does not parse.',
    },
    docs: {},
  },
  check(pool, { report, known, notChecked }) {
    const formula = known(pool.spec.autoScaleFormula, 'the autoscale formula');
    if (typeof formula !== 'string') return;
    const { diagnostics } = analyzeFormula(formula);
    const problem = diagnostics.find((diagnostic) => diagnostic.code === 'syntax');
    const readLimit = diagnostics.find((diagnostic) => diagnostic.code === 'read-limit');
    if (readLimit && !problem) return notChecked(readLimit.message);
    if (!problem) return;
    report({ path: ['autoScaleFormula'], within: { offset: problem.offset, length: problem.length }, messageId: 'syntax', data: { problem: problem.message } });
  },
};
