import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { durationMinutes, minutesToDuration } from '../src/pool/duration.ts';
import { imageSource } from '../src/pool/image-source.ts';
import { fixedTargetNodes } from '../src/pool/node-demand.ts';
import { isUnknown } from '../src/model/unknown.ts';

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
    docs: {
      fixableNote: 'sets `resizeTimeout` to the recommended duration (inserting it when absent)',
    },
  },
  check(pool, { report, notChecked }) {
    const nodes = fixedTargetNodes(pool.spec);
    if (isUnknown(nodes)) return notChecked(notStatic('the target node count', nodes));
    if (nodes === undefined) return; // resizeTimeout does not apply to autoscale pools
    const source = imageSource(pool.spec);
    if (isUnknown(source)) return notChecked(notStatic('the image reference', source));
    if (source === undefined || nodes <= LARGE_POOL[source]) return;

    const timeout = pool.spec.resizeTimeout;
    if (isUnknown(timeout)) return notChecked(notStatic('the resize timeout', timeout));
    if (timeout !== undefined && typeof timeout !== 'string') return;
    const minutes = durationMinutes(timeout ?? pool.defaults.resizeTimeout);
    if (minutes === undefined) return; // pool-schema reports a malformed duration
    const needed = source === 'custom' ? Math.max(RECOMMENDED_MINUTES, CUSTOM_MINUTES_PER_THOUSAND_NODES * Math.ceil(nodes / 1000)) : RECOMMENDED_MINUTES;
    if (minutes >= needed) return;

    const name = pool.displayName(['resizeTimeout']);
    const current = timeout === undefined ? `${name} is not set, so it is the default ${pool.defaults.resizeTimeout}` : `${name} is ${timeout}`;
    const imageKind = source === 'custom' ? 'a custom image' : 'a marketplace image';
    report({
      path: ['resizeTimeout'],
      message:
        `This pool asks for ${nodes} nodes from ${imageKind} and ${current}: allocation may not finish in time and the pool ` +
        `stops short with a resize error. Set ${name} to at least ${minutesToDuration(needed)}.`,
      fix: { description: `set ${name} to ${minutesToDuration(needed)}`, path: ['resizeTimeout'], value: minutesToDuration(needed) },
    });
  },
};
