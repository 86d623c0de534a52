import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { startTaskWaitsForSuccess } from '../src/pool/start-task.ts';
import { isKnown, isUnknown } from '../src/model/unknown.ts';

export const startTaskRetriesRule: PoolRule = {
  meta: {
    id: 'start-task-retries',
    description: 'A start task that is waited for but never retried turns one transient failure into a node stuck in starttaskfailed, still billed.',
    defaultSeverity: 'warning',
    fixable: false,
    facts: [],
    docs: {
      fixableNote: 'retrying is safe only if the start task can run twice',
    },
  },
  check(pool, { report, notChecked }) {
    const waits = startTaskWaitsForSuccess(pool);
    if (isUnknown(waits)) return notChecked(notStatic('whether the start task is waited for', waits));
    if (!waits?.value || !isKnown(pool.spec.startTask)) return;
    const retries = pool.spec.startTask.maxTaskRetryCount;
    if (isUnknown(retries)) return notChecked(notStatic("the start task's retry count", retries));
    if (retries !== undefined && retries !== 0) return;
    const name = pool.displayName(['startTask', 'maxTaskRetryCount']);
    const current = retries === undefined ? `${name} is not set (default ${pool.defaults.startTaskMaxRetryCount})` : `${name} is 0`;
    report({
      path: ['startTask', 'maxTaskRetryCount'],
      message:
        `${current}, so one transient failure (a download that times out, a package mirror that is briefly down) leaves the node ` +
        `in starttaskfailed, unusable but still billed. Set ${name} to a small number such as 2 or 3, and keep the start task ` +
        `safe to run again.`,
    });
  },
};
