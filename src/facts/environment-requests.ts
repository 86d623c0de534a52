import { isKnown } from '../sources/unknown.ts';
import type { PoolDefinition } from '../sources/pool-definition.ts';
import { poolSubnetId } from '../pool/network.ts';
import { normalizeResourceId } from './resource-id.ts';

/** The distinct Azure resources the pools of a run need facts about, gathered before anything is fetched. */
export interface EnvironmentRequests {
  subnetIds: string[];
  /** Gallery and managed image ids the pools boot from. */
  imageIds: string[];
  vmSizes: string[];
}

export function environmentRequests(pools: readonly PoolDefinition[]): EnvironmentRequests {
  const subnets = new Map<string, string>();
  const images = new Map<string, string>();
  const sizes = new Map<string, string>();
  for (const { spec } of pools) {
    const subnetId = poolSubnetId(spec);
    if (typeof subnetId === 'string') subnets.set(normalizeResourceId(subnetId), subnetId);
    const image = isKnown(spec.virtualMachineConfiguration) ? spec.virtualMachineConfiguration.imageReference : undefined;
    const imageId = isKnown(image) ? image.virtualMachineImageId : undefined;
    if (typeof imageId === 'string') images.set(normalizeResourceId(imageId), imageId);
    if (typeof spec.vmSize === 'string') sizes.set(spec.vmSize.toLowerCase(), spec.vmSize);
  }
  return { subnetIds: [...subnets.values()], imageIds: [...images.values()], vmSizes: [...sizes.values()] };
}
