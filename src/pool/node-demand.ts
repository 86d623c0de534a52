import { targetBounds } from '../autoscale/bounds.ts';
import { analyzeFormula } from '../autoscale/index.ts';
import type { PoolSpec } from '../model/pool-definition.ts';
import { isUnknown, unknownValue, type UnknownValue } from '../model/unknown.ts';

/** The nodes a pool asks for, dedicated and Spot/low-priority apart (they count against different quotas). */
export interface NodeDemand {
  dedicated: number;
  spot: number;
  /** Set for an autoscale pool: the most its formula can ask for, whatever the metrics, rather than fixed targets. */
  fromFormula?: true;
}

/** The pool's node demand: its fixed targets, or the upper bound of its autoscale formula's targets when it has one. */
export function nodeDemand(spec: PoolSpec): NodeDemand | UnknownValue {
  if (isUnknown(spec.enableAutoScale)) return spec.enableAutoScale;
  if (spec.enableAutoScale === true) return formulaDemand(spec.autoScaleFormula);
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

/**
 * The most nodes the formula can set, over every value the metrics can take. A new pool's targets start at 0,
 * so a target the formula never sets stays 0. A bound that is not a whole number is rounded up.
 */
function formulaDemand(formula: string | UnknownValue | undefined): NodeDemand | UnknownValue {
  if (isUnknown(formula)) return formula;
  const parsed = typeof formula === 'string' ? analyzeFormula(formula).formula : undefined;
  if (!parsed) return unknownValue('the pool autoscales, and its formula is missing or does not parse');
  const bounds = targetBounds(parsed, { targetDedicatedNodes: 0, targetLowPriorityNodes: 0 });
  if ('unbounded' in bounds.dedicated) return unknownValue(`the autoscale formula puts no upper bound on $TargetDedicatedNodes: ${bounds.dedicated.reason}`);
  if ('unbounded' in bounds.lowPriority) return unknownValue(`the autoscale formula puts no upper bound on $TargetLowPriorityNodes: ${bounds.lowPriority.reason}`);
  return { dedicated: Math.max(0, Math.ceil(bounds.dedicated.max)), spot: Math.max(0, Math.ceil(bounds.lowPriority.max)), fromFormula: true };
}

/** Dedicated plus Spot/low-priority target nodes of a fixed-size pool; undefined for an autoscale pool. */
export function fixedTargetNodes(spec: PoolSpec): number | UnknownValue | undefined {
  if (spec.enableAutoScale === true) return undefined;
  const demand = nodeDemand(spec);
  return isUnknown(demand) ? demand : demand.dedicated + demand.spot;
}
