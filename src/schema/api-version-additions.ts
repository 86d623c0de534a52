import { pathName, type SchemaProblem } from './schema-problem.ts';

/**
 * Pool properties that the management API (`Microsoft.Batch/batchAccounts/pools`) gained in a version, as
 * paths of the canonical pool (`*`: every item of a list). Each is absent from the 2024-07-01 REST spec
 * (BatchManagement.json) and present in the 2025-06-01 one.
 */
const ADDED: readonly { path: readonly string[]; apiVersion: string }[] = [
  { path: ['networkConfiguration', 'publicIPAddressConfiguration', 'ipFamilies'], apiVersion: '2025-06-01' },
  { path: ['networkConfiguration', 'publicIPAddressConfiguration', 'ipTags'], apiVersion: '2025-06-01' },
  { path: ['virtualMachineConfiguration', 'securityProfile', 'proxyAgentSettings'], apiVersion: '2025-06-01' },
  { path: ['virtualMachineConfiguration', 'diskEncryptionConfiguration', 'customerManagedKey'], apiVersion: '2025-06-01' },
  { path: ['virtualMachineConfiguration', 'dataDisks', '*', 'managedDisk'], apiVersion: '2025-06-01' },
  { path: ['virtualMachineConfiguration', 'osDisk', 'managedDisk', 'securityProfile', 'diskEncryptionSet'], apiVersion: '2025-06-01' },
  { path: ['taskSchedulingPolicy', 'jobDefaultOrder'], apiVersion: '2025-06-01' },
];

/**
 * The properties a pool sets that the API version its template declares does not have. The older version
 * either ignores them or rejects the pool, and which is not documented, so each is a warning.
 */
export function apiVersionProblems(pool: unknown, apiVersion: string): SchemaProblem[] {
  const declared = /^\d{4}-\d{2}-\d{2}/.exec(apiVersion)?.[0];
  if (!declared) return [];
  return ADDED.filter((addition) => declared < addition.apiVersion).flatMap(({ path, apiVersion: added }) =>
    pathsPresent(pool, path).map((found) => ({
      path: found,
      part: 'key' as const,
      severity: 'warning' as const,
      message: `"${pathName(found)}" is not in apiVersion ${apiVersion}; added in ${added}. With ${apiVersion} Azure ignores it or rejects the pool: set the resource's apiVersion to ${added} or later`,
    })),
  );
}

/** The concrete paths of a pattern that the pool sets. */
function pathsPresent(value: unknown, pattern: readonly string[], at: (string | number)[] = []): (string | number)[][] {
  if (pattern.length === 0) return value === undefined ? [] : [at];
  const [head, ...rest] = pattern;
  if (head === '*') return Array.isArray(value) ? value.flatMap((item, index) => pathsPresent(item, rest, [...at, index])) : [];
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, head!)) return [];
  return pathsPresent((value as Record<string, unknown>)[head!], rest, [...at, head!]);
}
