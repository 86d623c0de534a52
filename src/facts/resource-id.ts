/** Helpers for ARM resource ids, which Azure compares case-insensitively. */

export function sameResourceId(a: string, b: string): boolean {
  return normalizeResourceId(a) === normalizeResourceId(b);
}

export function normalizeResourceId(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

/** Whether `scope` is the resource itself or one of the scopes above it (subscription, resource group, parent). */
export function isWithinScope(resourceId: string, scope: string): boolean {
  const resource = normalizeResourceId(resourceId);
  const prefix = normalizeResourceId(scope);
  return resource === prefix || resource.startsWith(`${prefix}/`);
}

export interface ParsedResourceId {
  subscriptionId: string;
  resourceGroup?: string;
  /** `provider/type/name` pairs below the resource group, e.g. Microsoft.Network virtualNetworks vnet subnets batch. */
  provider?: string;
  types: { type: string; name: string }[];
}

/** Splits `/subscriptions/S/resourceGroups/R/providers/P/t1/n1/t2/n2`; undefined when it is not a resource id. */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const segments = id.split('/').filter((segment) => segment !== '');
  if (segments[0]?.toLowerCase() !== 'subscriptions' || !segments[1]) return undefined;
  const parsed: ParsedResourceId = { subscriptionId: segments[1], types: [] };
  let index = 2;
  if (segments[index]?.toLowerCase() === 'resourcegroups') {
    if (!segments[index + 1]) return undefined;
    parsed.resourceGroup = segments[index + 1];
    index += 2;
  }
  if (segments[index]?.toLowerCase() === 'providers') {
    parsed.provider = segments[index + 1];
    for (index += 2; index + 1 < segments.length; index += 2) parsed.types.push({ type: segments[index]!, name: segments[index + 1]! });
  }
  return parsed;
}

export function resourceGroupId(parsed: ParsedResourceId): string | undefined {
  return parsed.resourceGroup === undefined ? undefined : `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}`;
}

export function subscriptionId(parsed: ParsedResourceId): string {
  return `/subscriptions/${parsed.subscriptionId}`;
}
