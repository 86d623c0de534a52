import type { ResourceFile } from '@azure/batch';
import type { PoolSpec } from '../model/pool-definition.ts';
import { isKnown, isUnknown, type Unknowable, type UnknownValue } from '../model/unknown.ts';

/** The subnet the pool's nodes join; undefined for a pool outside a VNet. */
export function poolSubnetId(spec: PoolSpec): string | UnknownValue | undefined {
  const network = spec.networkConfiguration;
  if (isUnknown(network)) return network;
  if (!isKnown(network)) return undefined;
  const subnetId = network.subnetId;
  return isUnknown(subnetId) || typeof subnetId === 'string' ? subnetId : undefined;
}

// Blob, Data Lake and static-website endpoints of Azure Storage accounts, public and sovereign clouds.
const STORAGE_URL = /^https?:\/\/[^/?#]+\.(?:blob|dfs|web)\.(?:core\.windows\.net|core\.usgovcloudapi\.net|core\.chinacloudapi\.cn|storage\.azure\.net)(?:[:/?#]|$)/i;

/**
 * Whether nodes download from an Azure Storage account: application packages (kept in the account's
 * auto-storage account) or start-task resource files from a container or a Storage URL. Container images
 * come from their registry, and an httpUrl elsewhere from its own host.
 */
export function pullsFromStorage(spec: PoolSpec): boolean {
  const startTask = isKnown(spec.startTask) ? spec.startTask : undefined;
  const resourceFiles = startTask && isKnown(startTask.resourceFiles) ? startTask.resourceFiles : [];
  const packages = isKnown(spec.applicationPackageReferences) ? spec.applicationPackageReferences : [];
  return packages.length > 0 || resourceFiles.some(isFromStorage);
}

function isFromStorage(file: Unknowable<ResourceFile>): boolean {
  if (!isKnown(file)) return false;
  if (file.autoStorageContainerName !== undefined || file.storageContainerUrl !== undefined) return true;
  return typeof file.httpUrl === 'string' && STORAGE_URL.test(file.httpUrl);
}
