import { copyCount } from './resolve-value.ts';
import type { TemplateScope } from './template-scope.ts';
import type { TemplateParts } from '../../documents/arm-detection.ts';
import type { DeploymentTarget } from '../../model/source-adapter.ts';
import { isRecord } from '../../model/is-record.ts';
import { parameterEntries } from './parameter-values.ts';
import type { Path } from '../../model/location.ts';
import { isUnknown, UnknownValue } from '../../model/unknown.ts';

type Json = Record<string, unknown>;

const POOL_TYPE = 'microsoft.batch/batchaccounts/pools';
const ACCOUNT_TYPE = 'microsoft.batch/batchaccounts';
const DEPLOYMENT_TYPE = 'microsoft.resources/deployments';

/** A pool resource as written, where it is in the document, and the scope its expressions are evaluated in. */
export interface PoolResource {
  resource: Json;
  path: Path;
  scope: TemplateScope;
}

/**
 * The pools a template deploys: `Microsoft.Batch/batchAccounts/pools` resources at the top level, as
 * children of a Batch account, and inside inline nested deployments (Bicep modules compile to these).
 * Resources are an array, or in languageVersion 2.0 an object keyed by symbolic name. A reference to an
 * `existing` resource deploys nothing, nor does one whose condition is false; one with a copy loop
 * deploys a copy per index. A linked template (`templateLink`) is another file and holds no pool of this one.
 */
export function poolResources(template: Json, templatePath: Path, scope: TemplateScope): PoolResource[] {
  return resourceEntries(template.resources, [...templatePath, 'resources']).flatMap(({ resource, path }) => poolsIn(resource, path, scope, undefined));
}

function resourceEntries(resources: unknown, path: Path): { resource: Json; path: Path }[] {
  const entries: [string | number, unknown][] = Array.isArray(resources)
    ? resources.map((resource, index) => [index, resource])
    : isRecord(resources)
      ? Object.entries(resources)
      : [];
  return entries.flatMap(([key, resource]) => (isRecord(resource) ? [{ resource, path: [...path, key] }] : []));
}

function poolsIn(resource: Json, path: Path, scope: TemplateScope, parentType: string | undefined): PoolResource[] {
  if (typeof resource.type !== 'string' || resource.existing === true) return [];
  const type = (parentType && !resource.type.includes('/') ? `${parentType}/${resource.type}` : resource.type).toLowerCase();
  if (![POOL_TYPE, ACCOUNT_TYPE, DEPLOYMENT_TYPE].includes(type)) return [];
  return copiesOf(resource, path, scope)
    .filter((copy) => !isSwitchedOff(resource, path, copy))
    .flatMap((copy) => {
      if (type === POOL_TYPE) return [{ resource, path, scope: copy }];
      if (type === ACCOUNT_TYPE) return resourceEntries(resource.resources, [...path, 'resources']).flatMap((child) => poolsIn(child.resource, child.path, copy, type));
      return nestedPools(resource, path, copy);
    });
}

/**
 * The scopes of a resource's copies: one per index of its copy loop when the count is known; else one
 * whose copyIndex() is unknown, so that what does not depend on the index is still checked.
 */
function copiesOf(resource: Json, path: Path, scope: TemplateScope): TemplateScope[] {
  const loop = resource.copy;
  if (!isRecord(loop)) return [scope];
  const name = typeof loop.name === 'string' ? loop.name : 'copy';
  const count = copyCount(scope.resolve(loop.count, [...path, 'copy', 'count']), name);
  if (isUnknown(count)) return [scope];
  return Array.from({ length: count }, (_, index) => scope.inLoop(name, index));
}

/** A resource whose condition is known to be false is not deployed. */
function isSwitchedOff(resource: Json, path: Path, scope: TemplateScope): boolean {
  return 'condition' in resource && scope.resolve(resource.condition, [...path, 'condition']) === false;
}

/**
 * The pools of an inline nested template. With the default (outer) scope its expressions see the parent's
 * parameters and variables; with inner scope its own, the parameters taking the values the deployment
 * passes (evaluated in the parent's scope) or else their defaults.
 */
function nestedPools(deployment: Json, path: Path, outer: TemplateScope): PoolResource[] {
  const properties = deployment.properties;
  if (!isRecord(properties) || !isRecord(properties.template)) return [];
  const template = properties.template as Json & TemplateParts;
  const templatePath = [...path, 'properties', 'template'];
  const options = properties.expressionEvaluationOptions;
  const inner = isRecord(options) && typeof options.scope === 'string' && options.scope.toLowerCase() === 'inner';
  if (!inner) return poolResources(template, templatePath, outer);
  const parametersPath = [...path, 'properties', 'parameters'];
  const supplied = isRecord(properties.parameters)
    ? parameterEntries(properties.parameters, outer.document, parametersPath, (name) => `parameter '${name}' passed to the nested deployment`, outer)
    : new Map();
  const linked = properties.parametersLink !== undefined ? new UnknownValue('the nested deployment takes its parameters from a linked file, which is not read offline') : undefined;
  return poolResources(template, templatePath, outer.nested(template, templatePath, supplied, targetOf(deployment, path, outer), linked));
}

/** Where a nested deployment lands: the parent's target, unless it names another subscription or resource group. */
function targetOf(deployment: Json, path: Path, outer: TemplateScope): DeploymentTarget {
  const target = { ...outer.deployment };
  if ('subscriptionId' in deployment) target.subscriptionId = knownText(outer.resolve(deployment.subscriptionId, [...path, 'subscriptionId']));
  if ('resourceGroup' in deployment) {
    target.resourceGroup = knownText(outer.resolve(deployment.resourceGroup, [...path, 'resourceGroup']));
    target.location = undefined;
  }
  return target;
}

function knownText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
