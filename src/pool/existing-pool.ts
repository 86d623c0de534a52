import type { AccountFacts, ExistingPool } from '../model/environment.ts';
import type { PoolSpec } from '../model/pool-definition.ts';

/**
 * The existing pool a definition deploys over: none (a new pool, or the account's pools are not known), the one
 * of the same id (Batch pool ids are case-insensitive), or, when the definition's id is not known, any of the
 * account's pools that hold nodes.
 */
export type ExistingMatch = { kind: 'new' } | { kind: 'same'; id: string; pool: ExistingPool } | { kind: 'unmatched'; candidates: [string, ExistingPool][] };

/**
 * How much of a resource (cores of a quota, addresses of a subnet) already in use is the pool's own: at least
 * `min`, at most `max` (Infinity when a candidate's share is not known).
 */
export interface Held {
  min: number;
  max: number;
}

export function existingPoolOf(spec: PoolSpec, account: AccountFacts | undefined): ExistingMatch {
  const pools = account?.pools;
  if (!pools) return { kind: 'new' };
  if (typeof spec.id === 'string') {
    const lower = spec.id.toLowerCase();
    const found = Object.entries(pools).find(([id]) => id.toLowerCase() === lower);
    return found ? { kind: 'same', id: found[0], pool: found[1] } : { kind: 'new' };
  }
  const candidates = Object.entries(pools).filter(([, pool]) => nodesOf(pool) > 0);
  return candidates.length > 0 ? { kind: 'unmatched', candidates } : { kind: 'new' };
}

export function nodesOf(pool: ExistingPool): number {
  return pool.currentDedicatedNodes + pool.currentLowPriorityNodes;
}

/** What the matched pool holds of a resource, given each existing pool's share of it (undefined: not known). */
export function heldBy(match: ExistingMatch, share: (pool: ExistingPool) => number | undefined): Held {
  if (match.kind === 'new') return { min: 0, max: 0 };
  if (match.kind === 'same') {
    const held = share(match.pool);
    return held === undefined ? { min: 0, max: Infinity } : { min: held, max: held };
  }
  const shares = match.candidates.map(([, pool]) => share(pool));
  return { min: 0, max: shares.some((held) => held === undefined) ? Infinity : Math.max(0, ...(shares as number[])) };
}

/** The existing pool or pools the linted one may be, for messages: "pool gpu-a (16 dedicated + 0 Spot node(s) of Standard_D4s_v3)". */
export function describeExisting(match: Exclude<ExistingMatch, { kind: 'new' }>): string {
  const one = ([id, pool]: [string, ExistingPool]) => `${id} (${pool.currentDedicatedNodes} dedicated + ${pool.currentLowPriorityNodes} Spot node(s) of ${pool.vmSize})`;
  return match.kind === 'same' ? `existing pool ${one([match.id, match.pool])}` : `one of the existing pools ${match.candidates.map(one).join(', ')}`;
}
