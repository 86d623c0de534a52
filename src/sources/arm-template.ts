import type { EvaluationScope } from '../arm/evaluate.ts';
import { isExpression } from '../arm/expression-syntax.ts';
import { resolveValue, templateScope } from '../arm/template-scope.ts';
import type { SourceAdapter } from './adapter.ts';
import { armPathOf } from './arm-pool-paths.ts';
import type { SourceDocument, TextEdit } from './document.ts';
import type { Path } from './location.ts';
import { BATCH_API_DEFAULTS, type PoolDefinition, type PoolSpec } from './pool-definition.ts';
import { isUnknown } from './unknown.ts';

const POOL_TYPE = 'microsoft.batch/batchaccounts/pools';
const ACCOUNT_TYPE = 'microsoft.batch/batchaccounts';

type Json = Record<string, unknown>;

/**
 * ARM templates (and Bicep compiled to them): `Microsoft.Batch/batchAccounts/pools` resources, at the top
 * level or as `pools` children of a Batch account. Values are evaluated in the template's scope.
 */
export const armTemplateAdapter: SourceAdapter = {
  name: 'ARM template',
  extract(document) {
    const template = document.value;
    if (!isTemplate(template)) return undefined;
    const scope = templateScope(template as Parameters<typeof templateScope>[0]);
    const pools = poolResources(template.resources as unknown[], ['resources'], undefined);
    return pools.map(({ resource, path }) => new ArmPool(document, resource, path, scope));
  },
};

function isTemplate(value: unknown): value is Json & { resources: unknown[] } {
  if (!isObject(value) || !Array.isArray(value.resources)) return false;
  return typeof value.$schema === 'string' ? /deploymentTemplate/i.test(value.$schema) : 'contentVersion' in value;
}

function poolResources(resources: unknown[], path: Path, parentType: string | undefined): { resource: Json; path: Path }[] {
  return resources.flatMap((resource, index) => {
    if (!isObject(resource) || typeof resource.type !== 'string') return [];
    const type = parentType && !resource.type.includes('/') ? `${parentType}/${resource.type}` : resource.type;
    const here = [...path, index];
    if (type.toLowerCase() === POOL_TYPE) return [{ resource, path: here }];
    if (type.toLowerCase() === ACCOUNT_TYPE && Array.isArray(resource.resources)) return poolResources(resource.resources, [...here, 'resources'], type);
    return [];
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One ARM pool resource, seen as the data-plane pool it creates. */
class ArmPool implements PoolDefinition {
  readonly defaults = BATCH_API_DEFAULTS;
  readonly format = 'arm' as const;
  readonly spec: PoolSpec;
  readonly id: string | undefined;

  constructor(
    readonly document: SourceDocument,
    private readonly resource: Json,
    private readonly resourcePath: Path,
    scope: EvaluationScope,
  ) {
    const resolved = resolveValue(resource, scope) as Json;
    this.spec = canonicalPool(resolved);
    this.id = typeof this.spec.id === 'string' ? this.spec.id : undefined;
  }

  locate(path: Path, part?: 'key' | 'value') {
    return this.document.locate([...this.resourcePath, ...armPathOf(path)], part);
  }

  displayName(path: Path): string {
    return armPathOf(path)
      .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
      .join('');
  }

  /** No fix rewrites an expression: the value the user wrote is somewhere else (a parameter, a variable). */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const armPath = armPathOf(path);
    const written = armPath.reduce<unknown>((current, key) => (isObject(current) || Array.isArray(current) ? (current as Json)[key as string] : undefined), this.resource);
    if (typeof written === 'string' && isExpression(written)) return undefined;
    return this.document.setValueEdits([...this.resourcePath, ...armPath], value);
  }
}

/** The data-plane shape of an evaluated ARM pool resource. */
function canonicalPool(resource: Json): PoolSpec {
  const properties = isObject(resource.properties) ? resource.properties : {};
  const { scaleSettings, deploymentConfiguration, applicationPackages, interNodeCommunication, ...rest } = properties;
  const spec: Json = { ...(renameDeep(rest) as Json) };
  const name = resource.name;
  spec.id = isUnknown(name) ? name : typeof name === 'string' ? name.split('/').pop() : undefined;
  if (isObject(deploymentConfiguration)) Object.assign(spec, renameDeep(deploymentConfiguration));
  if (Array.isArray(applicationPackages)) spec.applicationPackageReferences = applicationPackages.map((item) => (isObject(item) ? { applicationId: item.id, version: item.version } : item));
  if (interNodeCommunication !== undefined) spec.enableInterNodeCommunication = isUnknown(interNodeCommunication) ? interNodeCommunication : interNodeCommunication === 'Enabled';
  Object.assign(spec, scale(scaleSettings));
  moveGalleryImageId(spec);
  return spec as PoolSpec;
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
  if (isObject(settings.autoScale)) {
    return { enableAutoScale: true, autoScaleFormula: settings.autoScale.formula, autoScaleEvaluationInterval: settings.autoScale.evaluationInterval };
  }
  const fixed = isObject(settings.fixedScale) ? settings.fixedScale : {};
  return { targetDedicatedNodes: fixed.targetDedicatedNodes ?? 0, targetLowPriorityNodes: fixed.targetLowPriorityNodes, resizeTimeout: fixed.resizeTimeout };
}

/** Names ARM spells differently from the data plane. */
const DATA_PLANE_NAMES: Readonly<Record<string, string>> = { userName: 'username', nodeAgentSkuId: 'nodeAgentSKUId', inboundNatPools: 'inboundNATPools' };

function renameDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameDeep);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined && member !== null)
      .map(([key, member]) => [DATA_PLANE_NAMES[key] ?? key, renameDeep(member)]),
  );
}

