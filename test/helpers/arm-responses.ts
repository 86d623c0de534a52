import { findVmSize, loadCatalog, regionsOf } from '../../src/catalog/catalog.ts';
import type { Environment, ImageFacts, LockFacts, SecurityRule, SupportedImageFacts } from '../../src/model/environment.ts';
import { isWithinScope } from '../../src/facts/resource-id.ts';
import { DEFAULT_SECURITY_RULES } from '../../src/facts/nsg-evaluation.ts';
import { FAKE_AZURE_HOST, type FakePattern } from './fake-azure.ts';

/** One answer of the fake Azure: an ARM path (the query is not matched) and the body ARM would send. */
export interface ArmResponse {
  path: string;
  body: unknown;
  /** The data plane pages its lists by `odata.nextLink`, ARM by `nextLink`. */
  nextLinkKey?: string;
}

/**
 * The ARM answers that describe an environment, in the wire shapes of the real APIs (properties nested,
 * lists under `value`): what live mode must turn back into the same environment. Usage is rendered as
 * pools of the account, one per VM family, with the family's smallest size.
 */
export function armResponsesFor(environment: Environment, accountId: string): ArmResponse[] {
  const responses: ArmResponse[] = [];
  const subscription = accountId.split('/').slice(0, 3).join('/');
  const { account, location = 'eastus' } = environment;
  const quotas = account?.quotas ?? {};
  responses.push({
    path: accountId,
    body: {
      id: accountId,
      name: accountId.split('/').pop(),
      type: 'Microsoft.Batch/batchAccounts',
      location,
      properties: {
        provisioningState: 'Succeeded',
        accountEndpoint: FAKE_AZURE_HOST,
        poolAllocationMode: account?.poolAllocationMode ?? 'BatchService',
        ...(quotas.dedicatedCores !== undefined && { dedicatedCoreQuota: quotas.dedicatedCores }),
        ...(quotas.lowPriorityCores !== undefined && { lowPriorityCoreQuota: quotas.lowPriorityCores }),
        ...(quotas.pools !== undefined && { poolQuota: quotas.pools }),
        dedicatedCoreQuotaPerVMFamilyEnforced: quotas.perFamilyEnforced ?? false,
        dedicatedCoreQuotaPerVMFamily: Object.entries(quotas.perFamily ?? {}).map(([name, coreQuota]) => ({ name, coreQuota })),
      },
    },
  });
  responses.push({ path: `${accountId}/pools`, body: { value: poolsOf(account, accountId) } });
  if (account?.applications) responses.push(...applicationResponses(accountId, account.applications));
  responses.push({ path: '/supportedimages', body: { value: supportedImagesOf(account) }, nextLinkKey: 'odata.nextLink' });

  for (const [id, subnet] of Object.entries(environment.subnets ?? {})) {
    const vnetId = id.replace(/\/subnets\/[^/]+$/i, '');
    const nsgId =
      subnet.networkSecurityGroup && (subnet.networkSecurityGroup.id ?? `${id.replace(/\/virtualNetworks\/.*$/i, '')}/networkSecurityGroups/${id.split('/').pop()}-nsg`);
    responses.push({
      path: id,
      body: {
        id,
        name: id.split('/').pop(),
        type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: {
          provisioningState: 'Succeeded',
          addressPrefixes: subnet.addressPrefixes ?? [],
          ipConfigurations: Array.from({ length: subnet.ipConfigurationsInUse ?? 0 }, (_, index) => ({ id: `${vnetId}-nics/nic${index}/ipConfigurations/primary` })),
          ...(nsgId && { networkSecurityGroup: { id: nsgId } }),
          delegations: (subnet.delegations ?? []).map((serviceName, index) => ({
            id: `${id}/delegations/delegation${index}`,
            name: `delegation${index}`,
            type: 'Microsoft.Network/virtualNetworks/subnets/delegations',
            properties: { serviceName, provisioningState: 'Succeeded' },
          })),
        },
      },
    });
    responses.push({
      path: vnetId,
      body: {
        id: vnetId,
        name: vnetId.split('/').pop(),
        type: 'Microsoft.Network/virtualNetworks',
        location,
        properties: { addressSpace: { addressPrefixes: subnet.addressPrefixes ?? [] }, dhcpOptions: { dnsServers: subnet.dnsServers ?? [] } },
      },
    });
    if (nsgId) {
      const group = subnet.networkSecurityGroup!;
      responses.push({
        path: nsgId,
        body: {
          id: nsgId,
          name: nsgId.split('/').pop(),
          type: 'Microsoft.Network/networkSecurityGroups',
          location,
          properties: { securityRules: (group.securityRules ?? []).map(wireRule), defaultSecurityRules: (group.defaultSecurityRules ?? DEFAULT_SECURITY_RULES).map(wireRule) },
        },
      });
    }
  }

  const definitions = new Map<string, ArmResponse>();
  for (const [id, image] of Object.entries(environment.images ?? {})) {
    if (!id.startsWith('/')) {
      responses.push(...marketplaceImageResponses(subscription, location, id, image));
      continue;
    }
    const { replicaCount, ...definition } = image;
    const properties = imageProperties(definition);
    const definitionId = id.replace(/\/versions\/[^/]+$/i, '');
    // A definition's own entry describes it; else the first of its versions' entries.
    if (definitionId === id || !definitions.has(definitionId.toLowerCase()))
      definitions.set(definitionId.toLowerCase(), { path: definitionId, body: { id: definitionId, name: definitionId.split('/').pop(), location, properties } });
    if (definitionId !== id) responses.push(imageVersionResponse(id, location, replicaCount));
  }
  responses.push(...definitions.values());
  responses.push({ path: `${subscription}/providers/Microsoft.Compute/skus`, body: { value: skusOf(environment, location) } });
  for (const [namespace, registrationState] of Object.entries(environment.subscription?.providers ?? {})) {
    const id = `${subscription}/providers/${namespace}`;
    responses.push({ path: id, body: { id, namespace, registrationState, registrationPolicy: 'RegistrationRequired', resourceTypes: [] } });
  }
  const usages = environment.subscriptionQuotas;
  if (usages) {
    const usage = (name: string, value: { limit: number; current: number }) => ({
      unit: 'Count',
      name: { value: name, localizedValue: name },
      limit: value.limit,
      currentValue: value.current,
    });
    responses.push({
      path: `${subscription}/providers/Microsoft.Compute/locations/${location}/usages`,
      body: {
        value: [
          ...(usages.totalRegionalCores ? [usage('cores', usages.totalRegionalCores)] : []),
          ...(usages.lowPriorityCores ? [usage('lowPriorityCores', usages.lowPriorityCores)] : []),
          ...Object.entries(usages.families ?? {}).map(([name, value]) => usage(name, value)),
        ],
      },
    });
  }
  return responses;
}

/** The account's applications, and the package list of each whose versions the context file gives (all active). */
function applicationResponses(accountId: string, applications: NonNullable<NonNullable<Environment['account']>['applications']>): ArmResponse[] {
  const responses: ArmResponse[] = [];
  const value = Object.entries(applications).map(([name, { defaultVersion }]) => ({
    id: `${accountId}/applications/${name}`,
    name,
    type: 'Microsoft.Batch/batchAccounts/applications',
    properties: { allowUpdates: true, ...(defaultVersion && { defaultVersion }) },
  }));
  responses.push({ path: `${accountId}/applications`, body: { value } });
  for (const [name, { versions }] of Object.entries(applications)) {
    if (!versions) continue;
    const packages = versions.map((version) => ({
      id: `${accountId}/applications/${name}/versions/${version}`,
      name: version,
      type: 'Microsoft.Batch/batchAccounts/applications/versions',
      properties: { state: 'Active', format: 'zip' },
    }));
    responses.push({ path: `${accountId}/applications/${name}/versions`, body: { value: packages } });
  }
  return responses;
}

/** A marketplace image (`publisher:offer:sku`) as the VM image API answers: its one version, and that version. */
function marketplaceImageResponses(subscription: string, location: string, urn: string, image: ImageFacts): ArmResponse[] {
  const [publisher, offer, sku] = urn.split(':');
  const versions = `${subscription}/providers/Microsoft.Compute/locations/${location}/publishers/${publisher}/artifacttypes/vmimage/offers/${offer}/skus/${sku}/versions`;
  const version = { name: '2025.11.0', location, id: `${versions}/2025.11.0` };
  return [
    { path: versions, body: [version] },
    {
      path: version.id,
      body: { ...version, properties: { hyperVGeneration: image.hyperVGeneration, osDiskImage: { operatingSystem: image.osType ?? 'Linux' }, features: featuresOf(image) } },
    },
  ];
}

/**
 * A gallery image version whose publishing profile puts `replicaCount` replicas in the account's region; 0: it is
 * replicated to another region only; undefined: the account's region is a target region that gives no count.
 */
function imageVersionResponse(id: string, location: string, replicaCount: number | undefined): ArmResponse {
  const elsewhere = location.toLowerCase() === 'northeurope' ? 'westeurope' : 'northeurope';
  const targetRegions =
    replicaCount === 0 ? [{ name: elsewhere, regionalReplicaCount: 1 }] : [{ name: location, ...(replicaCount !== undefined && { regionalReplicaCount: replicaCount }) }];
  return {
    path: id,
    body: { id, name: id.split('/').pop(), location, properties: { provisioningState: 'Succeeded', publishingProfile: { targetRegions }, storageProfile: {} } },
  };
}

/** A gallery image definition's properties: its NVMe tag as the DiskControllerTypes feature. */
function imageProperties(image: ImageFacts) {
  const { diskControllerTypes: _tag, ...properties } = image;
  return { ...properties, features: featuresOf(image) };
}

function featuresOf(image: ImageFacts) {
  return image.diskControllerTypes ? [{ name: 'DiskControllerTypes', value: image.diskControllerTypes.join(', ') }] : [];
}

function wireRule(rule: SecurityRule) {
  const { name, ...properties } = rule;
  return { name, properties: { ...properties, sourcePortRange: '*' } };
}

/**
 * ARM's answer to a lock list at any scope (`…/providers/Microsoft.Authorization/locks`): the locks on the scope
 * and above it, and with no `$filter=atScope()` those below it too.
 */
export function lockListPattern(environment: Environment): FakePattern {
  return {
    pattern: /\/providers\/Microsoft\.Authorization\/locks$/i,
    answer(url) {
      const scope = url.pathname.replace(/\/providers\/Microsoft\.Authorization\/locks$/i, '');
      const atScopeOnly = url.searchParams.get('$filter') === 'atScope()';
      const locks = (environment.locks ?? []).filter((lock) => isWithinScope(scope, lock.scope) || (!atScopeOnly && isWithinScope(lock.scope, scope)));
      return { body: { value: locks.map(wireLock) } };
    },
  };
}

function wireLock(lock: LockFacts) {
  return {
    id: `${lock.scope}/providers/Microsoft.Authorization/locks/${lock.name ?? 'lock'}`,
    name: lock.name ?? 'lock',
    type: 'Microsoft.Authorization/locks',
    properties: { level: lock.level },
  };
}

type Usage = NonNullable<Environment['account']>['usage'];

/** The account's pools: the ones the context file names (`account.pools`), and others that hold the rest of the usage. */
function poolsOf(account: Environment['account'], accountId: string) {
  const named = Object.entries(account?.pools ?? {}).map(([name, { vmSize, currentDedicatedNodes, currentLowPriorityNodes, subnetId }]) => ({
    id: `${accountId}/pools/${name}`,
    name,
    properties: { vmSize, currentDedicatedNodes, currentLowPriorityNodes, ...(subnetId && { networkConfiguration: { subnetId } }) },
  }));
  return [...named, ...poolsHolding(usageLeft(account?.usage, account?.pools ?? {}), accountId, named.length)];
}

/** The usage the named pools do not account for; a context file whose usage leaves them out is a fixture mistake. */
function usageLeft(usage: Usage, pools: NonNullable<NonNullable<Environment['account']>['pools']>): Usage {
  if (!usage) return usage;
  const left = { ...usage, perFamily: { ...usage.perFamily } };
  for (const [name, pool] of Object.entries(pools)) {
    const size = findVmSize(pool.vmSize);
    if (!size?.family) throw new Error(`cannot render existing pool ${name}: ${pool.vmSize} is not in the catalog`);
    const dedicated = pool.currentDedicatedNodes * size.vCPUs;
    left.dedicatedCores = (left.dedicatedCores ?? 0) - dedicated;
    left.lowPriorityCores = (left.lowPriorityCores ?? 0) - pool.currentLowPriorityNodes * size.vCPUs;
    left.perFamily[size.family] = (left.perFamily[size.family] ?? 0) - dedicated;
    if ([left.dedicatedCores, left.lowPriorityCores, left.perFamily[size.family]].some((cores) => cores! < 0))
      throw new Error(`the usage does not include the nodes of existing pool ${name}`);
  }
  return left;
}

/**
 * Existing pools of the account whose nodes add up to the usage: one per VM family, with the family's smallest
 * size; the cores no family accounts for, and the Spot cores, on 1-vCPU nodes of a family with no quota of its own;
 * empty pools up to the pool count (less the `others` already there).
 */
function poolsHolding(usage: Usage, accountId: string, others: number) {
  const pool = (name: string, vmSize: string, dedicated: number, lowPriority: number) => ({
    id: `${accountId}/pools/${name}`,
    name,
    properties: { vmSize, currentDedicatedNodes: dedicated, currentLowPriorityNodes: lowPriority },
  });
  const pools = [];
  let familyCores = 0;
  for (const [family, cores] of Object.entries(usage?.perFamily ?? {})) {
    if (cores === 0) continue;
    const size = loadCatalog()
      .vmSizes.filter((candidate) => candidate.family === family)
      .sort((a, b) => a.vCPUs - b.vCPUs)[0];
    if (!size || cores % size.vCPUs !== 0) throw new Error(`cannot render ${cores} cores of ${family} as whole nodes`);
    pools.push(pool(family, size.name, cores / size.vCPUs, 0));
    familyCores += cores;
  }
  const otherCores = (usage?.dedicatedCores ?? familyCores) - familyCores;
  if (otherCores > 0 || (usage?.lowPriorityCores ?? 0) > 0) pools.push(pool('other', 'Standard_A1_v2', otherCores, usage?.lowPriorityCores ?? 0));
  while (pools.length + others < (usage?.pools ?? 0)) pools.push(pool(`idle-${pools.length}`, 'Standard_A1_v2', 0, 0));
  return pools;
}

/** The region's VM SKUs: the catalog's sizes offered there, with the environment's corrections. */
function skusOf(environment: Environment, location: string) {
  const overrides = new Map(Object.entries(environment.vmSizes ?? {}).map(([name, size]) => [name.toLowerCase(), { name, size }]));
  const names = new Set([
    ...loadCatalog()
      .vmSizes.filter((size) => regionsOf(size).includes(location))
      .map((size) => size.name),
    ...[...overrides.values()].map(({ name }) => name),
  ]);
  return [...names].flatMap((name) => {
    const size = overrides.get(name.toLowerCase())?.size ?? {};
    if (size.locations && !size.locations.some((candidate) => candidate.toLowerCase() === location.toLowerCase())) return [];
    return [
      {
        resourceType: 'virtualMachines',
        name,
        locations: [location],
        capabilities: [
          ...(size.vCPUs ? [{ name: 'vCPUs', value: String(size.vCPUs) }] : []),
          ...(size.diskControllerTypes ? [{ name: 'DiskControllerTypes', value: size.diskControllerTypes.join(', ') }] : []),
          ...(size.retirementDate ? [{ name: 'RetirementDateUtc', value: size.retirementDate.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1') }] : []),
        ],
        restrictions: (size.restrictions ?? []).map((reasonCode) => ({ type: 'Location', values: [location], restrictionInfo: { locations: [location] }, reasonCode })),
      },
    ];
  });
}

/**
 * The account's supported images as its data plane lists them: the context file's, or else the catalog's copy of the
 * list (so that live mode sees what a context file without them gives), with an image of each OS no pool uses.
 */
function supportedImagesOf(account: Environment['account']) {
  const images: SupportedImageFacts[] = account?.supportedImages ?? loadCatalog().images.map(({ generation: _generation, ...image }) => image);
  return images.map(({ publisher, offer, sku, nodeAgentSkuId, osType, capabilities, batchSupportEndOfLife }) => ({
    imageReference: { publisher, offer, sku, version: 'latest' },
    nodeAgentSKUId: nodeAgentSkuId,
    osType,
    verificationType: 'verified',
    ...(capabilities && { capabilities }),
    ...(batchSupportEndOfLife && { batchSupportEndOfLife: `${batchSupportEndOfLife.slice(0, 10)}T00:00:00Z` }),
  }));
}
