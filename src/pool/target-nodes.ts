import type { PoolSpec } from '../sources/pool-definition.ts';
import { isUnknown, unknownValue, type UnknownValue } from '../sources/unknown.ts';

/** Dedicated plus Spot/low-priority target nodes of a fixed-size pool; undefined for an autoscale pool. */
export function fixedTargetNodes(spec: PoolSpec): number | UnknownValue | undefined {
  if (isUnknown(spec.enableAutoScale)) return spec.enableAutoScale;
  if (spec.enableAutoScale === true) return undefined;
  const dedicated = spec.targetDedicatedNodes;
  const spot = spec.targetLowPriorityNodes;
  if (isUnknown(dedicated)) return dedicated;
  if (isUnknown(spot)) return spot;
  if ((dedicated !== undefined && typeof dedicated !== 'number') || (spot !== undefined && typeof spot !== 'number')) {
    return unknownValue('the target node count is not a number');
  }
  return (dedicated ?? 0) + (spot ?? 0);
}
