import type { Path } from '../../model/location.ts';

/**
 * Where each canonical (data-plane) pool property lives in an ARM `Microsoft.Batch/batchAccounts/pools`
 * resource. The first matching prefix wins; the rest of the path is kept as it is, with the few names
 * that differ below it renamed.
 */
const PREFIXES: readonly [canonical: string, arm: string][] = [
  ['id', 'name'],
  ['targetDedicatedNodes', 'properties.scaleSettings.fixedScale.targetDedicatedNodes'],
  ['targetLowPriorityNodes', 'properties.scaleSettings.fixedScale.targetLowPriorityNodes'],
  ['resizeTimeout', 'properties.scaleSettings.fixedScale.resizeTimeout'],
  ['enableAutoScale', 'properties.scaleSettings.autoScale'],
  ['autoScaleFormula', 'properties.scaleSettings.autoScale.formula'],
  ['autoScaleEvaluationInterval', 'properties.scaleSettings.autoScale.evaluationInterval'],
  ['virtualMachineConfiguration', 'properties.deploymentConfiguration.virtualMachineConfiguration'],
  ['cloudServiceConfiguration', 'properties.deploymentConfiguration.cloudServiceConfiguration'],
  ['applicationPackageReferences', 'properties.applicationPackages'],
  ['enableInterNodeCommunication', 'properties.interNodeCommunication'],
];

/** Property names that differ below a prefix (the data plane says `username`, ARM `userName`). */
const RENAMED: Readonly<Record<string, string>> = { username: 'userName', applicationId: 'id', nodeAgentSKUId: 'nodeAgentSkuId', virtualMachineImageId: 'id', inboundNATPools: 'inboundNatPools', dynamicVNetAssignmentScope: 'dynamicVnetAssignmentScope' };

export function armPathOf(path: Path): Path {
  const [first, ...rest] = path;
  if (first === undefined) return [];
  const mapped = PREFIXES.find(([canonical]) => canonical === first);
  const head = mapped ? mapped[1].split('.') : ['properties', String(first)];
  return [...head, ...rest.map((segment) => (typeof segment === 'string' ? (Object.hasOwn(RENAMED, segment) ? RENAMED[segment]! : segment) : segment))];
}
