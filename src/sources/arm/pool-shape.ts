import type { PoolSpec } from '../../model/pool-definition.ts';
import { isUnknown, type UnknownValue } from '../../model/unknown.ts';
import { userRecord } from '../../model/user-record.ts';

type Json = Record<string, unknown>;

/** The data-plane shape of an evaluated ARM pool resource. */
export function canonicalPool(resource: Json): PoolSpec {
  const id = poolId(resource.name);
  if (isUnknown(resource.properties)) return wholeBodyUnknown(id, resource.properties);
  const properties = isObject(resource.properties) ? resource.properties : {};
  const { scaleSettings, deploymentConfiguration, applicationPackages, interNodeCommunication, ...rest } = properties;
  const spec: Json = Object.assign(userRecord(), renameDeep(rest), { id });
  if (isObject(deploymentConfiguration)) Object.assign(spec, renameDeep(deploymentConfiguration));
  if (isUnknown(deploymentConfiguration)) spec.virtualMachineConfiguration = deploymentConfiguration;
  if (Array.isArray(applicationPackages)) spec.applicationPackageReferences = applicationPackages.map((item) => (isObject(item) ? renameDeep({ applicationId: item.id, version: item.version }) : item));
  if (isUnknown(applicationPackages)) spec.applicationPackageReferences = applicationPackages;
  if (interNodeCommunication !== undefined) spec.enableInterNodeCommunication = isUnknown(interNodeCommunication) ? interNodeCommunication : interNodeCommunication === 'Enabled';
  Object.assign(spec, scale(scaleSettings));
  moveGalleryImageId(spec);
  return spec as PoolSpec;
}

/** The pool id is the last segment of the resource name ("account/pool"). */
function poolId(name: unknown): unknown {
  return isUnknown(name) ? name : typeof name === 'string' ? name.split('/').pop() : undefined;
}

/** `"properties": "[parameters('pool')]"` with no known value: every property a rule needs is unknown, none missing. */
function wholeBodyUnknown(id: unknown, properties: UnknownValue): PoolSpec {
  return { id, vmSize: properties, virtualMachineConfiguration: properties, enableAutoScale: properties, targetDedicatedNodes: properties } as PoolSpec;
}

/** ARM names a gallery or managed image `imageReference.id`; the data plane `virtualMachineImageId`. */
function moveGalleryImageId(spec: Json): void {
  const vmConfiguration = spec.virtualMachineConfiguration;
  const image = isObject(vmConfiguration) ? vmConfiguration.imageReference : undefined;
  if (!isObject(image) || image.id === undefined) return;
  const { id, ...rest } = image;
  (vmConfiguration as Json).imageReference = { ...rest, virtualMachineImageId: id };
}

/** ARM's scaleSettings: fixedScale, autoScale, or neither (a fixed pool of 0 dedicated nodes). */
function scale(settings: unknown): Json {
  if (isUnknown(settings)) return { enableAutoScale: settings, targetDedicatedNodes: settings };
  if (!isObject(settings)) return { targetDedicatedNodes: 0 };
  const { autoScale, fixedScale } = settings;
  if (isUnknown(autoScale)) return { enableAutoScale: true, autoScaleFormula: autoScale, autoScaleEvaluationInterval: autoScale };
  if (isObject(autoScale)) return { enableAutoScale: true, autoScaleFormula: autoScale.formula, autoScaleEvaluationInterval: autoScale.evaluationInterval };
  if (isUnknown(fixedScale)) return { targetDedicatedNodes: fixedScale, targetLowPriorityNodes: fixedScale, resizeTimeout: fixedScale };
  const fixed = isObject(fixedScale) ? fixedScale : {};
  return { targetDedicatedNodes: fixed.targetDedicatedNodes ?? 0, targetLowPriorityNodes: fixed.targetLowPriorityNodes, resizeTimeout: fixed.resizeTimeout };
}

/** Names ARM spells differently from the data plane. */
const DATA_PLANE_NAMES: Readonly<Record<string, string>> = { userName: 'username', nodeAgentSkuId: 'nodeAgentSKUId', inboundNatPools: 'inboundNATPools', dynamicVnetAssignmentScope: 'dynamicVNetAssignmentScope' };

function renameDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameDeep);
  if (!isObject(value)) return value;
  const renamed = userRecord();
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined && member !== null) renamed[Object.hasOwn(DATA_PLANE_NAMES, key) ? DATA_PLANE_NAMES[key]! : key] = renameDeep(member);
  }
  return renamed;
}

/** A plain object: an UnknownValue is passed along as it is, never taken apart. */
function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}
