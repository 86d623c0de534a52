import type { OsType } from '../catalog/types.ts';
import type { Facts } from '../model/facts.ts';
import type { PoolSpec } from '../model/pool-definition.ts';
import { isKnown, isUnknown } from '../model/unknown.ts';

const WINDOWS_PUBLISHERS = new Set(['microsoftwindowsserver', 'microsoftwindowsdesktop', 'microsoftvisualstudio', 'microsoftsqlserver']);

/** Whether the pool's nodes run Windows or Linux, from what the definition says; undefined when it does not tell. */
export function poolOsType(spec: PoolSpec, facts: Facts): OsType | undefined {
  if (isKnown(spec.cloudServiceConfiguration)) return 'windows';
  const vmConfiguration = spec.virtualMachineConfiguration;
  if (!isKnown(vmConfiguration)) return undefined;
  if (isKnown(vmConfiguration.windowsConfiguration)) return 'windows';
  const agent = vmConfiguration.nodeAgentSKUId;
  if (typeof agent === 'string') return agent.toLowerCase().startsWith('batch.node.windows') ? 'windows' : 'linux';
  const image = vmConfiguration.imageReference;
  if (!isKnown(image) || isUnknown(image.publisher) || isUnknown(image.offer) || isUnknown(image.sku)) return undefined;
  if (image.publisher && WINDOWS_PUBLISHERS.has(image.publisher.toLowerCase())) return 'windows';
  if (image.publisher && image.offer && image.sku) return facts.image({ publisher: image.publisher, offer: image.offer, sku: image.sku })?.osType;
  return undefined;
}
