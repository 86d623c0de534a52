import { isUnknown } from '../../model/unknown.ts';

/**
 * A pool property that a `Microsoft.Batch/batchAccounts/pools` resource writes in another place, or under
 * another name, than the data-plane pool body. Paths are dotted, `[]` standing for every item of an array;
 * `arm` starts at the resource, and `*.name` is a name spelled differently at any depth of the pool body.
 * A property not listed keeps its name and sits in the resource's `properties`.
 */
export interface ArmField {
  /** In the data-plane pool; '' for an ARM object the data plane has no counterpart of (`scaleSettings`). */
  canonical: string;
  arm: string;
  /** The ARM value as the data plane writes it (`Enabled` → true); it sees a null too. */
  convert?: (value: unknown) => unknown;
  /** The data-plane value when ARM leaves the property out or writes null. */
  default?: unknown;
  /** A null the template writes is passed on as it is, not taken for a property left out. */
  keepsNull?: boolean;
  /** The value the ARM object's presence alone means, whether or not the object itself is known. */
  presence?: unknown;
  /** Not read when this ARM object is there: a pool scales either by `autoScale` or by `fixedScale`. */
  unless?: string;
  /** Its items keep only the members listed here. */
  onlyListed?: boolean;
  /** An empty object here is the same as none: ARM requires its members only once one of them is given. */
  emptyMeansAbsent?: boolean;
  /** For an object with no counterpart: the data-plane properties left unknown when it is an unknown value; nothing else below it is set. */
  whenUnknown?: readonly string[];
  /** For an object with no counterpart: its members not listed move up into the pool under their own names; else they are left out. */
  othersMoveUp?: boolean;
}

/** The resource's object that holds the pool body. */
export const ARM_POOL_BODY = 'properties';

const VM_CONFIGURATION = 'properties.deploymentConfiguration.virtualMachineConfiguration';
const AUTO_SCALE = 'properties.scaleSettings.autoScale';
const FIXED_SCALE = 'properties.scaleSettings.fixedScale';

export const ARM_POOL_FIELDS: readonly ArmField[] = [
  { canonical: 'id', arm: 'name', convert: poolId },
  { canonical: '', arm: ARM_POOL_BODY, whenUnknown: ['vmSize', 'virtualMachineConfiguration', 'enableAutoScale', 'targetDedicatedNodes'] },
  { canonical: '', arm: 'properties.deploymentConfiguration', whenUnknown: ['virtualMachineConfiguration'], othersMoveUp: true },
  { canonical: 'virtualMachineConfiguration', arm: VM_CONFIGURATION },
  { canonical: 'virtualMachineConfiguration.imageReference.virtualMachineImageId', arm: `${VM_CONFIGURATION}.imageReference.id` },
  { canonical: 'cloudServiceConfiguration', arm: 'properties.deploymentConfiguration.cloudServiceConfiguration' },
  { canonical: 'applicationPackageReferences', arm: 'properties.applicationPackages', onlyListed: true },
  { canonical: 'applicationPackageReferences[].applicationId', arm: 'properties.applicationPackages[].id' },
  { canonical: 'applicationPackageReferences[].version', arm: 'properties.applicationPackages[].version' },
  { canonical: 'startTask', arm: 'properties.startTask', emptyMeansAbsent: true },
  { canonical: 'enableInterNodeCommunication', arm: 'properties.interNodeCommunication', convert: (value) => value === 'Enabled' },
  { canonical: '', arm: 'properties.scaleSettings', whenUnknown: ['enableAutoScale', 'targetDedicatedNodes'] },
  { canonical: 'enableAutoScale', arm: AUTO_SCALE, presence: true },
  { canonical: 'autoScaleFormula', arm: `${AUTO_SCALE}.formula`, keepsNull: true },
  { canonical: 'autoScaleEvaluationInterval', arm: `${AUTO_SCALE}.evaluationInterval`, keepsNull: true },
  { canonical: 'targetDedicatedNodes', arm: `${FIXED_SCALE}.targetDedicatedNodes`, default: 0, unless: AUTO_SCALE },
  { canonical: 'targetLowPriorityNodes', arm: `${FIXED_SCALE}.targetLowPriorityNodes`, unless: AUTO_SCALE, keepsNull: true },
  { canonical: 'resizeTimeout', arm: `${FIXED_SCALE}.resizeTimeout`, unless: AUTO_SCALE, keepsNull: true },
  { canonical: '*.username', arm: '*.userName' },
  { canonical: '*.nodeAgentSKUId', arm: '*.nodeAgentSkuId' },
  { canonical: '*.inboundNATPools', arm: '*.inboundNatPools' },
  { canonical: '*.dynamicVNetAssignmentScope', arm: '*.dynamicVnetAssignmentScope' },
];

const ANY_DEPTH = '*.';

/** The fields with a place of their own. */
export const PLACED_FIELDS = ARM_POOL_FIELDS.filter((field) => !field.arm.startsWith(ANY_DEPTH));

/** The names spelled differently at any depth, ARM's to the data plane's. */
export const DATA_PLANE_NAMES: ReadonlyMap<string, string> = new Map(
  ARM_POOL_FIELDS.filter((field) => field.arm.startsWith(ANY_DEPTH)).map((field) => [field.arm.slice(ANY_DEPTH.length), field.canonical.slice(ANY_DEPTH.length)]),
);

/** The pool id is the last segment of the resource name ("account/pool"). */
function poolId(name: unknown): unknown {
  return isUnknown(name) ? name : typeof name === 'string' ? name.split('/').pop() : undefined;
}

/** `a.b[].c` as segments, `[]` standing for any index: ['a', 'b', '[]', 'c']. */
export function pattern(path: string): string[] {
  return path === '' ? [] : path.split('.').flatMap((part) => part.split(/(\[\])/).filter(Boolean));
}
