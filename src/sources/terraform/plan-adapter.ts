import type { SourceAdapter } from '../../model/source-adapter.ts';
import type { Path } from '../../model/location.ts';
import { unknownValue } from '../../model/unknown.ts';
import type { ResourceValues } from './canonical-pool.ts';
import { isObject } from './module.ts';
import { missingScaleProblem, TerraformPool } from './terraform-pool.ts';

type Json = Record<string, unknown>;

interface PlannedResource {
  resource: Json;
  /** Document path of the resource in `planned_values` (or a state's `values`). */
  path: Path;
}

/**
 * `terraform show -json` output, of a plan (`planned_values`, `resource_changes`) or of a state (`values`):
 * each managed `azurerm_batch_pool` is a pool with the values Terraform resolved, the provider's defaults
 * included; what is known only after apply is unknown. Positions point into this file; it is never fixed.
 */
export const terraformPlanAdapter: SourceAdapter = {
  name: 'Terraform plan',
  extract(document, context) {
    const plan = document.value;
    if (!isObject(plan) || typeof plan.format_version !== 'string') return undefined;
    const values = isObject(plan.planned_values) ? (['planned_values', plan.planned_values] as const) : isObject(plan.values) ? (['values', plan.values] as const) : undefined;
    if (!values && !Array.isArray(plan.resource_changes)) return undefined;
    const planned = values ? moduleResources(values[1].root_module, [values[0], 'root_module']) : changedResources(plan.resource_changes as unknown[]);
    const pools = planned.filter(({ resource }) => resource.mode === 'managed' && resource.type === 'azurerm_batch_pool');
    return pools.map(({ resource, path }) => {
      const address = String(resource.address);
      const valuesPath = values ? [...path, 'values'] : [...path, 'change', 'after'];
      const written = (values ? resource.values : (resource.change as Json | undefined)?.after) ?? {};
      const poolValues = withUnknowns(written, afterUnknown(plan, address), address, []) as ResourceValues;
      const problem = missingScaleProblem(poolValues);
      if (problem) context.problem('pool-schema', valuesPath, problem);
      const map = { documentPath: (inValues: Path) => [...valuesPath, ...inValues], editable: () => false };
      return new TerraformPool(document, 'terraform-plan', poolValues, map, declaredSubnet(plan, resource, planned));
    });
  },
};

function moduleResources(module: unknown, path: Path): PlannedResource[] {
  if (!isObject(module)) return [];
  const own = (Array.isArray(module.resources) ? module.resources : []).flatMap((resource, index) =>
    isObject(resource) ? [{ resource, path: [...path, 'resources', index] }] : [],
  );
  const children = (Array.isArray(module.child_modules) ? module.child_modules : []).flatMap((child, index) => moduleResources(child, [...path, 'child_modules', index]));
  return [...own, ...children];
}

/** A plan with no planned_values: the resources' `change.after`, for those that are not being deleted. */
function changedResources(changes: unknown[]): PlannedResource[] {
  return changes.flatMap((change, index) => {
    if (!isObject(change) || !isObject(change.change) || !isObject(change.change.after)) return [];
    return [{ resource: change, path: ['resource_changes', index] }];
  });
}

function afterUnknown(plan: Json, address: string): unknown {
  const change = Array.isArray(plan.resource_changes) ? (plan.resource_changes as unknown[]).find((entry) => isObject(entry) && entry.address === address) : undefined;
  return isObject(change) && isObject(change.change) ? change.change.after_unknown : undefined;
}

/** The planned values with what Terraform marks as known only after apply made unknown. */
function withUnknowns(value: unknown, unknown: unknown, address: string, path: (string | number)[]): unknown {
  if (unknown === true)
    return unknownValue(
      `${address}: ${path
        .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
        .join('')
        .slice(1)} is known only after apply`,
    );
  if (Array.isArray(unknown)) {
    const items = Array.isArray(value) ? [...(value as unknown[])] : [];
    unknown.forEach((inner, index) => {
      if (inner !== false) items[index] = withUnknowns(items[index], inner, address, [...path, index]);
    });
    return items;
  }
  if (isObject(unknown)) {
    const members: Json = isObject(value) ? { ...value } : {};
    for (const [key, inner] of Object.entries(unknown)) if (inner !== false) members[key] = withUnknowns(members[key], inner, address, [...path, key]);
    return members;
  }
  return value;
}

/**
 * A subnet planned in the same configuration has no id yet; the configuration says the pool's subnet_id
 * refers to it, and its planned values give its address prefixes.
 */
function declaredSubnet(plan: Json, pool: Json, planned: PlannedResource[]): { addressPrefixes: string[] } | undefined {
  const address = String(pool.address);
  const modulePrefix = address.slice(0, address.lastIndexOf(`${String(pool.type)}.${String(pool.name)}`));
  const configured = configurationResource(plan.configuration, modulePrefix, `${String(pool.type)}.${String(pool.name)}`);
  const network =
    isObject(configured?.expressions) && Array.isArray(configured.expressions.network_configuration) ? (configured.expressions.network_configuration as unknown[])[0] : undefined;
  const references = isObject(network) && isObject(network.subnet_id) && Array.isArray(network.subnet_id.references) ? network.subnet_id.references : [];
  const subnet = references.map((reference) => (typeof reference === 'string' ? /^azurerm_subnet\.([^.[\]]+)\.id$/.exec(reference)?.[1] : undefined)).find(Boolean);
  if (!subnet) return undefined;
  const found = planned.find(({ resource }) => resource.address === `${modulePrefix}azurerm_subnet.${subnet}`)?.resource;
  const subnetValues = found?.values ?? (isObject(found?.change) ? found.change.after : undefined);
  const prefixes = isObject(subnetValues) ? subnetValues.address_prefixes : undefined;
  return Array.isArray(prefixes) && prefixes.length > 0 && prefixes.every((prefix) => typeof prefix === 'string') ? { addressPrefixes: prefixes } : undefined;
}

/** A resource of the `configuration` section, in the module the address prefix names (`module.a.module.b.`). */
function configurationResource(configuration: unknown, modulePrefix: string, address: string): Json | undefined {
  let module = isObject(configuration) ? configuration.root_module : undefined;
  for (const name of [...modulePrefix.matchAll(/module\.([^.[\]]+)(?:\[[^\]]*\])?\./g)].map((match) => match[1]!)) {
    const call = isObject(module) && isObject(module.module_calls) ? module.module_calls[name] : undefined;
    module = isObject(call) ? call.module : undefined;
  }
  const resources = isObject(module) && Array.isArray(module.resources) ? module.resources : [];
  return resources.find((resource): resource is Json => isObject(resource) && resource.address === address);
}
