import type { PoolSpec } from '../sources/pool-definition.ts';
import { isKnown, isUnknown, type UnknownValue } from '../sources/unknown.ts';

/** The subnet the pool's nodes join; undefined for a pool outside a VNet. */
export function poolSubnetId(spec: PoolSpec): string | UnknownValue | undefined {
  const network = spec.networkConfiguration;
  if (isUnknown(network)) return network;
  if (!isKnown(network)) return undefined;
  const subnetId = network.subnetId;
  return isUnknown(subnetId) || typeof subnetId === 'string' ? subnetId : undefined;
}

/** Whether nodes fetch from Azure Storage: resource files, application packages or container images. */
export function pullsFromStorage(spec: PoolSpec): boolean {
  const startTask = isKnown(spec.startTask) ? spec.startTask : undefined;
  const resourceFiles = startTask && isKnown(startTask.resourceFiles) ? startTask.resourceFiles : [];
  const packages = isKnown(spec.applicationPackageReferences) ? spec.applicationPackageReferences : [];
  const vmConfiguration = isKnown(spec.virtualMachineConfiguration) ? spec.virtualMachineConfiguration : undefined;
  return resourceFiles.length > 0 || packages.length > 0 || isKnown(vmConfiguration?.containerConfiguration);
}
