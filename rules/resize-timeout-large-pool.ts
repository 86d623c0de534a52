import type { PoolRule } from '../src/model/rule.ts';
import { durationMinutes, minutesToDuration } from '../src/pool/duration.ts';
import { imageSource } from '../src/pool/image-source.ts';
import { fixedTargetNodes } from '../src/pool/node-demand.ts';

/** Node counts above which Batch's guidance is a 30-minute resize timeout. */
const LARGE_POOL = { marketplace: 1000, custom: 300 };
const RECOMMENDED_MINUTES = 30;
/** Compute Gallery guidance for fixed-size pools: at least 15 minutes per 1,000 nodes. */
const CUSTOM_MINUTES_PER_THOUSAND_NODES = 15;

export const resizeTimeoutLargePoolRule: PoolRule = {
  meta: {
    id: 'resize-timeout-large-pool',
    description: 'A large fixed-size pool keeps a resize timeout too short to allocate all its nodes, and stops short with a resize error.',
    defaultSeverity: 'warning',
    fixable: true,
    facts: [],
    messages: {
      tooShort:
        'This pool asks for {{nodes}} nodes from {{imageKind}} and {{setting}}: allocation may not finish in time and the pool ' +
        'stops short with a resize error. Set {{name}} to at least {{needed}}.',
    },
    docs: {
      fixableNote: 'sets `resizeTimeout` to the recommended duration (inserting it when absent)',
    },
  },
  check(pool, { report, known }) {
    const nodes = known(fixedTargetNodes(pool.spec), 'the target node count');
    if (nodes === undefined) return; // resizeTimeout does not apply to autoscale pools
    const source = known(imageSource(pool.spec), 'the image reference');
    if (source === undefined || nodes <= LARGE_POOL[source]) return;

    const timeout = known(pool.spec.resizeTimeout, 'the resize timeout');
    if (timeout !== undefined && typeof timeout !== 'string') return;
    const minutes = durationMinutes(timeout ?? pool.defaults.resizeTimeout);
    if (minutes === undefined) return; // pool-schema reports a malformed duration
    const needed = source === 'custom' ? Math.max(RECOMMENDED_MINUTES, CUSTOM_MINUTES_PER_THOUSAND_NODES * Math.ceil(nodes / 1000)) : RECOMMENDED_MINUTES;
    if (minutes >= needed) return;

    const name = pool.displayName(['resizeTimeout']);
    const setting = timeout === undefined ? `${name} is not set, so it is the default ${pool.defaults.resizeTimeout}` : `${name} is ${timeout}`;
    const imageKind = source === 'custom' ? 'a custom image' : 'a marketplace image';
    report({
      path: ['resizeTimeout'],
      messageId: 'tooShort',
      data: { nodes, imageKind, setting, name, needed: minutesToDuration(needed) },
      fix: { description: `set ${name} to ${minutesToDuration(needed)}`, path: ['resizeTimeout'], value: minutesToDuration(needed) },
    });
  },
};
