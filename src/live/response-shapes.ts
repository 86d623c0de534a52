import type { DiskControllerType, VmSizeInfo } from '../catalog/types.ts';
import type { AccountFacts, ExistingPool, LockFacts, SecurityRule, SubnetFacts, VmSizeFacts } from '../model/environment.ts';

/** The parts of the SDK's response models live mode reads; kept structural so the SDK types load only in live mode. */
export interface ArmLock {
  id?: string;
  name?: string;
  level: string;
}

export interface ArmSku {
  name?: string;
  resourceType?: string;
  family?: string;
  locations?: string[];
  capabilities?: { name?: string; value?: string }[];
  restrictions?: { type?: string; reasonCode?: string; values?: string[] }[];
}

export interface ArmPool {
  /** The pool id. */
  name?: string;
  vmSize?: string;
  networkConfiguration?: { subnetId?: string };
  currentDedicatedNodes?: number;
  currentLowPriorityNodes?: number;
}

interface ArmSecurityRule {
  name?: string;
  priority?: number;
  direction?: string;
  access?: string;
  protocol?: string;
  destinationAddressPrefix?: string;
  destinationAddressPrefixes?: string[];
  destinationPortRange?: string;
  destinationPortRanges?: string[];
  sourceAddressPrefix?: string;
  sourceAddressPrefixes?: string[];
}

/** ARM answers a subnet with no delegation with `delegations: []`, so an absent list is none too. */
export function delegatedServices(subnet: { delegations?: { serviceName?: string }[] }): string[] {
  return (subnet.delegations ?? []).flatMap((delegation) => (delegation.serviceName ? [delegation.serviceName] : []));
}

/** A lock's scope is its id up to `/providers/Microsoft.Authorization/locks/`. */
export function lockFacts(lock: ArmLock): LockFacts[] {
  const scope = lock.id?.replace(/\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i, '');
  if (!scope || (lock.level !== 'ReadOnly' && lock.level !== 'CanNotDelete')) return [];
  return [{ scope, level: lock.level, ...(lock.name && { name: lock.name }) }];
}

export function nsgFacts(nsg: { securityRules?: ArmSecurityRule[]; defaultSecurityRules?: ArmSecurityRule[] }): NonNullable<SubnetFacts['networkSecurityGroup']> {
  return {
    securityRules: (nsg.securityRules ?? []).flatMap(securityRule),
    ...(nsg.defaultSecurityRules?.length && { defaultSecurityRules: nsg.defaultSecurityRules.flatMap(securityRule) }),
  };
}

function securityRule(rule: ArmSecurityRule): SecurityRule[] {
  if (rule.priority === undefined || (rule.direction !== 'Inbound' && rule.direction !== 'Outbound') || (rule.access !== 'Allow' && rule.access !== 'Deny')) return [];
  const { name, priority, direction, access, ...addresses } = rule;
  const kept = Object.fromEntries(Object.entries(addresses).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  return [{ ...(name && { name }), priority, direction, access, ...kept }];
}

/** Cores the account's existing pools hold now, in total and by VM family (for per-family quotas). */
export function usageByFamily(pools: ArmPool[], vmSize: (name: string) => VmSizeInfo | undefined): NonNullable<AccountFacts['usage']> {
  const usage = { dedicatedCores: 0, lowPriorityCores: 0, pools: pools.length, perFamily: {} as Record<string, number> };
  for (const pool of pools) {
    const size = pool.vmSize ? vmSize(pool.vmSize) : undefined;
    if (!size) continue;
    const dedicated = (pool.currentDedicatedNodes ?? 0) * size.vCPUs;
    usage.dedicatedCores += dedicated;
    usage.lowPriorityCores += (pool.currentLowPriorityNodes ?? 0) * size.vCPUs;
    if (size.family) usage.perFamily[size.family] = (usage.perFamily[size.family] ?? 0) + dedicated;
  }
  return usage;
}

/** The account's pools by id, with the nodes they hold now. */
export function existingPools(pools: ArmPool[]): Record<string, ExistingPool> {
  return Object.fromEntries(
    pools.flatMap((pool) => {
      if (!pool.name || !pool.vmSize) return [];
      const subnetId = pool.networkConfiguration?.subnetId;
      return [
        [
          pool.name,
          {
            vmSize: pool.vmSize,
            currentDedicatedNodes: pool.currentDedicatedNodes ?? 0,
            currentLowPriorityNodes: pool.currentLowPriorityNodes ?? 0,
            ...(subnetId && { subnetId }),
          },
        ],
      ];
    }),
  );
}

/** The requested sizes as the region's resource SKUs describe them; a size missing from the list is not offered there. */
export function sizeFacts(skus: ArmSku[], names: string[], location: string): Record<string, VmSizeFacts> {
  const byName = new Map(skus.filter((sku) => sku.resourceType === 'virtualMachines' && sku.name).map((sku) => [sku.name!.toLowerCase(), sku]));
  return Object.fromEntries(
    names.map((name) => {
      const sku = byName.get(name.toLowerCase());
      if (!sku) return [name, { locations: [] }];
      const capability = (key: string) => sku.capabilities?.find((entry) => entry.name === key)?.value;
      const vCPUs = Number(capability('vCPUs'));
      const generations = capability('HyperVGenerations')
        ?.split(',')
        .map((value) => value.trim())
        .filter((value): value is 'V1' | 'V2' => value === 'V1' || value === 'V2');
      const diskControllerTypes = parseDiskControllerTypes(capability('DiskControllerTypes'));
      const retirementDate = isoDate(capability('RetirementDateUtc'));
      const restrictions = (sku.restrictions ?? []).filter((restriction) => restriction.type === 'Location').flatMap((restriction) => restriction.reasonCode ?? []);
      const facts: VmSizeFacts = {
        locations: sku.locations?.length ? sku.locations : [location],
        restrictions,
        ...(Number.isInteger(vCPUs) && vCPUs > 0 && { vCPUs }),
        ...(sku.family && { family: sku.family }),
        ...(generations?.length && { hyperVGenerations: generations }),
        ...(diskControllerTypes && { diskControllerTypes }),
        ...(retirementDate && { retirementDate }),
      };
      return [name, facts];
    }),
  );
}

/**
 * The disk controllers an image is tagged for, from its `features` (a gallery image definition's, or a marketplace
 * image version's): without a DiskControllerTypes feature an image is SCSI only (Microsoft's NVMe FAQ: an untagged
 * image makes a SCSI VM). A tag naming neither controller is left unknown.
 */
export function imageDiskControllerTypes(features: { name?: string; value?: string }[] | undefined): DiskControllerType[] | undefined {
  const tag = features?.find((feature) => feature.name?.toLowerCase() === 'diskcontrollertypes');
  return tag ? parseDiskControllerTypes(tag.value) : ['SCSI'];
}

/** "SCSI, NVMe" (a SKU capability or an image feature value) as a list; undefined when it names neither. */
function parseDiskControllerTypes(value: string | undefined): DiskControllerType[] | undefined {
  const types = (value ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .flatMap((part): DiskControllerType[] => (part === 'scsi' ? ['SCSI'] : part === 'nvme' ? ['NVMe'] : []));
  return types.length > 0 ? [...new Set(types)] : undefined;
}

/** The SKU capability RetirementDateUtc is written month first: "08/31/2023". */
function isoDate(usDate: string | undefined): string | undefined {
  const match = usDate && /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(usDate);
  return match ? `${match[3]}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}` : undefined;
}
