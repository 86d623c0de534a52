import type { OsType } from '../catalog/types.ts';
import type { Facts } from '../model/facts.ts';
import type { PoolSpec } from '../model/pool-definition.ts';
import { isKnown, isUnknown, type UnknownValue } from '../model/unknown.ts';

const WINDOWS_PUBLISHERS = new Set(['microsoftwindowsserver', 'microsoftwindowsdesktop', 'microsoftvisualstudio', 'microsoftsqlserver']);

/**
 * Whether the pool's nodes run Windows or Linux, from what the definition says; undefined when it does not
 * tell, and when the node agent and the image disagree (the pool is then broken, and neither is trusted).
 */
export function poolOsType(spec: PoolSpec, facts: Facts): OsType | undefined {
  if (isKnown(spec.cloudServiceConfiguration)) return 'windows';
  const vmConfiguration = spec.virtualMachineConfiguration;
  if (!isKnown(vmConfiguration)) return undefined;
  if (isKnown(vmConfiguration.windowsConfiguration)) return 'windows';
  const agent = vmConfiguration.nodeAgentSKUId;
  const agentOs = typeof agent === 'string' ? nodeAgentOsType(agent) : undefined;
  const imageOs = imageOsType(vmConfiguration, facts);
  if (agentOs && imageOs && agentOs !== imageOs) return undefined;
  return agentOs ?? imageOs;
}

export function nodeAgentOsType(nodeAgentSkuId: string): OsType {
  return nodeAgentSkuId.toLowerCase().startsWith('batch.node.windows') ? 'windows' : 'linux';
}

type VmConfigurationSpec = Exclude<NonNullable<PoolSpec['virtualMachineConfiguration']>, UnknownValue>;

/** The OS of a marketplace image: Windows by its publisher, otherwise as Batch's supported-images list has it. */
function imageOsType({ imageReference: image }: VmConfigurationSpec, facts: Facts): OsType | undefined {
  if (!isKnown(image) || isUnknown(image.publisher) || isUnknown(image.offer) || isUnknown(image.sku)) return undefined;
  if (image.publisher && WINDOWS_PUBLISHERS.has(image.publisher.toLowerCase())) return 'windows';
  if (image.publisher && image.offer && image.sku) return facts.image({ publisher: image.publisher, offer: image.offer, sku: image.sku })?.osType;
  return undefined;
}
