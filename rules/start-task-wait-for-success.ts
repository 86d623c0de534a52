import type { PoolRule } from '../src/model/rule.ts';
import { startTaskWaitsForSuccess } from '../src/pool/start-task.ts';

export const startTaskWaitForSuccessRule: PoolRule = {
  meta: {
    id: 'start-task-wait-for-success',
    description: 'A start task that is not waited for lets tasks run on nodes whose set-up failed or has not finished.',
    defaultSeverity: 'warning',
    fixable: false,
    facts: [],
    messages: {
      notWaited:
        '{{setting}}: Batch schedules tasks on a node as soon as it starts, even while the start task is still running or after it ' +
        'failed, so tasks fail on half-prepared nodes. Set {{name}} to true so that a failed set-up leaves the node in ' +
        'starttaskfailed instead of running work on it.',
    },
    docs: {
      fixableNote: 'whether tasks may start before set-up finishes is your decision',
    },
  },
  check(pool, { report, known }) {
    const waits = known(startTaskWaitsForSuccess(pool), 'whether the start task is waited for');
    if (!waits || waits.value) return;
    const name = pool.displayName(['startTask', 'waitForSuccess']);
    const setting = waits.byDefault ? `${name} is not set, and in this format it defaults to false` : `${name} is false`;
    report({ path: ['startTask', 'waitForSuccess'], messageId: 'notWaited', data: { setting, name } });
  },
};
