import type { PoolSpec } from '../model/pool-definition.ts';
import { isUnknown, unknownValue, type UnknownValue } from '../model/unknown.ts';

/** The nodes a fixed-size pool asks for, dedicated and Spot/low-priority apart (they count against different quotas). */
export interface NodeDemand {
  dedicated: number;
  spot: number;
}

/** The pool's node demand; unknown for an autoscale pool, whose size the formula decides at run time. */
export function nodeDemand(spec: PoolSpec): NodeDemand | UnknownValue {
  if (isUnknown(spec.enableAutoScale)) return spec.enableAutoScale;
  if (spec.enableAutoScale === true) return unknownValue('the pool autoscales, so its node count is decided by the formula at run time');
  const dedicated = spec.targetDedicatedNodes;
  const spot = spec.targetLowPriorityNodes;
  if (isUnknown(dedicated)) return dedicated;
  if (isUnknown(spot)) return spot;
  if ((dedicated !== undefined && typeof dedicated !== 'number') || (spot !== undefined && typeof spot !== 'number')) {
    return unknownValue('the target node count is not a number');
  }
  // 1e309 reads as Infinity: pool-schema reports it; no rule should count with it.
  if (!Number.isFinite(dedicated ?? 0) || !Number.isFinite(spot ?? 0)) return unknownValue('the target node count is too large to be read');
  return { dedicated: dedicated ?? 0, spot: spot ?? 0 };
}

/** Dedicated plus Spot/low-priority target nodes of a fixed-size pool; undefined for an autoscale pool. */
export function fixedTargetNodes(spec: PoolSpec): number | UnknownValue | undefined {
  if (spec.enableAutoScale === true) return undefined;
  const demand = nodeDemand(spec);
  return isUnknown(demand) ? demand : demand.dedicated + demand.spot;
}
