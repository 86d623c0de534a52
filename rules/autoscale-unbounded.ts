import { targetBounds, type Bound } from '../src/autoscale/bounds.ts';
import { analyzeFormula } from '../src/autoscale/index.ts';
import type { PoolRule } from '../src/model/rule.ts';

export const autoscaleUnboundedRule: PoolRule = {
  meta: {
    id: 'autoscale-unbounded',
    description: 'The autoscale formula puts no upper bound on a target: one burst of pending tasks can ask for more nodes than the quota or the subnet holds.',
    defaultSeverity: 'warning',
    fixable: false,
    facts: [],
    messages: {
      unbounded:
        'The autoscale formula puts no upper bound on {{target}}: {{reason}}. One burst of work can ask for more nodes than the core quota or ' +
        'the subnet holds (allocation then stops with a resize error) and than you meant to pay for. Cap it with min(), such as {{target}} = min(50, …).',
    },
    docs: {},
  },
  check(pool, { report, known }) {
    if (known(pool.spec.enableAutoScale, 'whether the pool autoscales') !== true) return;
    const formula = known(pool.spec.autoScaleFormula, 'the autoscale formula');
    const analysis = typeof formula === 'string' ? analyzeFormula(formula) : undefined;
    const parsed = analysis?.formula;
    // No formula, or one the service refuses or cannot evaluate: the other autoscale rules report it, and no bound means anything.
    if (!parsed || analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return;
    // A new pool's targets start at 0: a target the formula never sets stays there.
    const bounds = targetBounds(parsed, { targetDedicatedNodes: 0, targetLowPriorityNodes: 0 });
    const reportUnbounded = (bound: Bound, target: string) => {
      if (!('unbounded' in bound)) return;
      report({ path: ['autoScaleFormula'], within: bound.span, messageId: 'unbounded', data: { target, reason: bound.reason } });
    };
    reportUnbounded(bounds.dedicated, '$TargetDedicatedNodes');
    reportUnbounded(bounds.lowPriority, '$TargetLowPriorityNodes');
  },
};
