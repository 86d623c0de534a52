import type { PoolRule } from '../src/model/rule.ts';
import { startTaskWaitsForSuccess } from '../src/pool/start-task.ts';
import { isKnown } from '../src/model/unknown.ts';

export const startTaskRetriesRule: PoolRule = {
  meta: {
    id: 'start-task-retries',
    description: 'A start task that is waited for but never retried turns one transient failure into a node stuck in starttaskfailed, still billed.',
    defaultSeverity: 'warning',
    fixable: false,
    facts: [],
    messages: {
      noRetries:
        '{{setting}}, so one transient failure (a download that times out, a package mirror that is briefly down) leaves the node ' +
        'in starttaskfailed, unusable but still billed. Set {{name}} to a small number such as 2 or 3, and keep the start task ' +
        'safe to run again.',
    },
    docs: {
      fixableNote: 'retrying is safe only if the start task can run twice',
    },
  },
  check(pool, { report, known }) {
    const waits = known(startTaskWaitsForSuccess(pool), 'whether the start task is waited for');
    if (!waits?.value || !isKnown(pool.spec.startTask)) return;
    const retries = known(pool.spec.startTask.maxTaskRetryCount, "the start task's retry count");
    if (retries !== undefined && retries !== 0) return;
    const name = pool.displayName(['startTask', 'maxTaskRetryCount']);
    const setting = retries === undefined ? `${name} is not set (default ${pool.defaults.startTaskMaxRetryCount})` : `${name} is 0`;
    report({ path: ['startTask', 'maxTaskRetryCount'], messageId: 'noRetries', data: { setting, name } });
  },
};
