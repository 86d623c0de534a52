import { analyzeFormula } from '../src/autoscale/index.ts';
import { sampleCalls } from '../src/autoscale/sample-calls.ts';
import type { PoolRule } from '../src/model/rule.ts';
import { durationMinutes } from '../src/pool/duration.ts';

/** The service's limits on a formula and its evaluation interval. */
const MAX_FORMULA_BYTES = 8 * 1024;
const MAX_STATEMENTS = 100;
const EVALUATION_INTERVAL_MINUTES = { min: 5, max: 168 * 60 };
/** Metrics reach the formula about a minute after they are sampled. */
const METRICS_DELAY_SECONDS = 60;
const TARGETS = ['targetDedicatedNodes', 'targetLowPriorityNodes'];

export const autoscaleSettingsRule: PoolRule = {
  meta: {
    id: 'autoscale-settings',
    description:
      'Autoscale settings the service refuses (fixed targets beside a formula, a formula without enableAutoScale, an evaluation interval or formula out of bounds), or samples read in a way the docs warn against.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    messages: {
      fixedTarget: '{{name}} is set while {{autoScale}} is true: the Batch service refuses a pool with both, as the formula sets the target. Remove {{name}}.',
      noFormula: '{{autoScale}} is true but there is no {{formula}}: the Batch service refuses the pool. Add a formula, or set fixed targets instead of autoscale.',
      formulaWithoutAutoScale: '{{formula}} is set but {{autoScale}} is not true, so the Batch service refuses the pool. Set {{autoScale}} to true, or remove the formula.',
      resizeTimeoutIgnored: '{{name}} has no effect on a pool that autoscales: it applies only to manual resizes. Remove it, or it will mislead the next reader.',
      intervalOutOfRange: '{{name}} is {{interval}}: the Batch service accepts 5 minutes (PT5M) to 168 hours (PT168H) and refuses the pool otherwise.',
      formulaTooLong: 'The autoscale formula is {{bytes}} bytes long: the Batch service accepts at most 8 KB ({{limit}} bytes). Shorten it, for example by removing comments.',
      tooManyStatements: 'The autoscale formula has {{count}} statements: the Batch service accepts at most {{limit}}.',
      countOnly:
        '{{call}} takes the last samples however old they are, and the formula reads {{variable}} no other way: the docs advise against relying on them alone. Read a time window with a sample percent as well, such as {{variable}}.GetSample(TimeInterval_Minute * 5, 70).',
      noSamplePercent:
        '{{call}} gives no sample percent and the formula never checks {{variable}}.GetSamplePercent: with few samples in the window (a new pool, delayed metrics) the target rests on too little data. Add a percent, such as 70, as the last argument.',
      shortLookBack:
        '{{call}} looks back {{seconds}} seconds, but metrics reach the formula about a minute after they are sampled, so the window is mostly empty. Look back more than a minute.',
    },
    docs: {
      severityNote: 'warnings: the sampling advice — `GetSample` without a sample percent, a look-back under a minute — and a `resizeTimeout` that has no effect',
    },
  },
  check(pool, { report, known }) {
    const enabled = known(pool.spec.enableAutoScale, 'whether the pool autoscales');
    const formula = known(pool.spec.autoScaleFormula, 'the autoscale formula');
    const names = { autoScale: pool.displayName(['enableAutoScale']), formula: pool.displayName(['autoScaleFormula']) };
    // A template's null is a property left out.
    const hasFormula = formula !== undefined && formula !== null;
    if (enabled !== true) {
      if (hasFormula) report({ path: ['autoScaleFormula'], messageId: 'formulaWithoutAutoScale', data: names });
      return;
    }
    for (const key of TARGETS) {
      if (pool.spec[key as 'targetDedicatedNodes'] !== undefined) report({ path: [key], messageId: 'fixedTarget', data: { ...names, name: pool.displayName([key]) } });
    }
    if (!hasFormula) report({ path: ['enableAutoScale'], messageId: 'noFormula', data: names });
    if (pool.spec.resizeTimeout !== undefined) {
      report({ path: ['resizeTimeout'], severity: 'warning', messageId: 'resizeTimeoutIgnored', data: { name: pool.displayName(['resizeTimeout']) } });
    }
    const interval = known(pool.spec.autoScaleEvaluationInterval, 'the autoscale evaluation interval');
    const minutes = typeof interval === 'string' ? durationMinutes(interval) : undefined;
    if (minutes !== undefined && (minutes < EVALUATION_INTERVAL_MINUTES.min || minutes > EVALUATION_INTERVAL_MINUTES.max)) {
      report({
        path: ['autoScaleEvaluationInterval'],
        messageId: 'intervalOutOfRange',
        data: { name: pool.displayName(['autoScaleEvaluationInterval']), interval: String(interval) },
      });
    }
    if (typeof formula === 'string') checkFormula(formula, report);
  },
};

function checkFormula(formula: string, report: Parameters<PoolRule['check']>[1]['report']): void {
  const path = ['autoScaleFormula'];
  const bytes = Buffer.byteLength(formula, 'utf8');
  if (bytes > MAX_FORMULA_BYTES) report({ path, messageId: 'formulaTooLong', data: { bytes, limit: MAX_FORMULA_BYTES } });
  const parsed = analyzeFormula(formula).formula;
  if (!parsed) return; // autoscale-formula-syntax reports it
  if (parsed.statements.length > MAX_STATEMENTS) report({ path, messageId: 'tooManyStatements', data: { count: parsed.statements.length, limit: MAX_STATEMENTS } });
  for (const sample of sampleCalls(parsed)) {
    const within = { offset: sample.call.offset, length: sample.call.length };
    const data = { call: formula.slice(within.offset, within.offset + within.length), variable: sample.variable };
    if (sample.form === 'count' && !sample.alsoWindowed) report({ path, within, severity: 'warning', messageId: 'countOnly', data });
    else if (sample.form === 'window' && !sample.guarded) report({ path, within, severity: 'warning', messageId: 'noSamplePercent', data });
    if (sample.lookBackSeconds !== undefined && sample.lookBackSeconds < METRICS_DELAY_SECONDS) {
      report({ path, within, severity: 'warning', messageId: 'shortLookBack', data: { ...data, seconds: sample.lookBackSeconds } });
    }
  }
}
