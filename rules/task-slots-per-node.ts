import type { PoolRule } from '../src/model/rule.ts';

/** Batch allows at most this many task slots per vCPU of the pool's VM size… */
const SLOTS_PER_VCPU = 4;
/** …and never more than this many per node, whatever the size: pool-schema reports that cap. */
const MAX_SLOTS = 256;

export const taskSlotsPerNodeRule: PoolRule = {
  meta: {
    id: 'task-slots-per-node',
    description: 'More task slots per node than the VM size allows (4 per vCPU): Batch rejects the pool.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      tooManySlots:
        '{{name}} is {{slots}}, but {{size}} has {{vCPUs}} vCPU(s) and Batch allows at most 4 task slots per vCPU ({{limit}}), ' +
        'so it rejects the pool. Set {{name}} to at most {{limit}}, or choose a size with at least {{neededVCPUs}} vCPUs.',
    },
    docs: {
      fixableNote: 'how many tasks a node should run at once depends on the tasks',
      facts: "embedded catalog: the size's vCPUs",
    },
  },
  check(pool, { facts, report, known }) {
    const slots = known(pool.spec.taskSlotsPerNode, 'the number of task slots per node');
    // Absent means 1, which every size allows; a value that is not a number is pool-schema's to report.
    if (typeof slots !== 'number') return;
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    if (typeof vmSize !== 'string') return;
    // A size the catalog does not know is vm-size-unknown's finding.
    const size = facts.vmSize(vmSize);
    if (!size) return;
    const limit = size.vCPUs * SLOTS_PER_VCPU;
    if (limit >= MAX_SLOTS || slots <= limit) return;
    const name = pool.displayName(['taskSlotsPerNode']);
    report({
      path: ['taskSlotsPerNode'],
      messageId: 'tooManySlots',
      data: { name, slots, size: size.name, vCPUs: size.vCPUs, limit, neededVCPUs: Math.ceil(Math.min(slots, MAX_SLOTS) / SLOTS_PER_VCPU) },
    });
  },
};
