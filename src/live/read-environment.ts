import pLimit from 'p-limit';
import type { VmSizeInfo } from '../catalog/types.ts';
import type { AccountFacts, ApplicationFacts, Environment, ImageFacts, LockFacts, SubnetFacts, SupportedImageFacts, VmSizeFacts } from '../model/environment.ts';
import type { EnvironmentRequests, MarketplaceImage } from '../facts/environment-requests.ts';
import { marketplaceImageKey } from '../pool/image-source.ts';
import { unavailableKey } from '../facts/environment-lookups.ts';
import { normalizeResourceId, parseResourceId, type ParsedResourceId } from '../facts/resource-id.ts';
import type { ManagementLockClient } from '@azure/arm-locks';
import { AzureClients, cachePolicy } from './azure-clients.ts';
import { listSupportedImages } from './batch-data-plane.ts';
import { cacheFolderProblem } from './response-cache.ts';
import { describeFailure, type Permission } from './describe-failure.ts';
import { replicasInRegion, type PublishingProfile } from './image-replicas.ts';
import { LIVE_DEFAULTS, type LiveOptions } from './live-options.ts';
import { delegatedServices, existingPools, imageDiskControllerTypes, lockFacts, nsgFacts, sizeFacts, usageByFamily, type ArmLock, type ArmSku } from './response-shapes.ts';

/** What live mode read, in the context file's shape, and what it could not read, with why. */
export interface LiveRead {
  environment: Environment;
  unavailable: Map<string, string>;
}

/** A command-line mistake that stops live mode before any request (a malformed account id). */
export class LiveModeError extends Error {
  override readonly name = 'LiveModeError';
}

/**
 * Reads the facts the pools need from Azure: every distinct resource once, all requests in flight together
 * (bounded), the ones that depend on another answer (the NSG of a subnet, the SKUs of the account's region)
 * as soon as that answer is in.
 */
export async function readLiveEnvironment(requests: EnvironmentRequests, options: LiveOptions, vmSize: (name: string) => VmSizeInfo | undefined): Promise<LiveRead> {
  const account = parseResourceId(options.accountId);
  const accountName = account?.types.find((part) => part.type.toLowerCase() === 'batchaccounts')?.name;
  if (!account?.resourceGroup || !accountName) {
    throw new LiveModeError(
      `--account must be a Batch account resource id (/subscriptions/…/resourceGroups/…/providers/Microsoft.Batch/batchAccounts/…), not "${options.accountId}"`,
    );
  }
  const cacheProblem = options.cache && (await cacheFolderProblem(options.cache.dir));
  if (cacheProblem) throw new LiveModeError(cacheProblem);
  const reader = new LiveReader(options);
  await reader.signedIn();
  const environment: Environment = {};
  const applicationsRead = requests.applications ? reader.readApplications(account, accountName) : Promise.resolve(undefined);
  const accountRead = reader.readAccount(account, accountName, vmSize).then(async (facts) => {
    if (!facts) {
      const why = reader.unavailable.get(unavailableKey('account')) ?? 'it was not found';
      if (requests.supportedImages.length > 0)
        reader.unavailable.set(unavailableKey('supportedImages'), `the Batch account, whose service API has the list, could not be read (${why})`);
      return;
    }
    const supportedImagesRead = requests.supportedImages.length > 0 ? reader.readSupportedImages(facts.endpoint, requests.supportedImages) : undefined;
    const [applications, supportedImages] = await Promise.all([applicationsRead, supportedImagesRead]);
    environment.location = facts.location;
    environment.account = { ...facts.account, ...(applications && { applications }), ...(supportedImages && { supportedImages }) };
    return facts;
  });
  const subnetsRead = Promise.all(requests.subnetIds.map(async (id) => [id, await reader.readSubnet(id)] as const));
  const imagesRead = Promise.all(
    requests.imageIds.map(async (id) => {
      const [image, version] = await Promise.all([reader.readImage(id), reader.readImageVersion(id)]);
      return [id, image, version] as const;
    }),
  );
  const batchProviderRead = reader.readProviderState(account.subscriptionId, 'Microsoft.Batch');
  const locksRead = Promise.all([
    reader.readSubscriptionLocks(account.subscriptionId),
    reader.readResourceGroupLocks(account.subscriptionId, account.resourceGroup),
    ...requests.subnetIds.map((id) => reader.readSubnetLocks(id)),
  ]);

  const facts = await accountRead;
  const regionRead = facts
    ? Promise.all([
        requests.vmSizes.length > 0 ? reader.readSkus(account.subscriptionId, facts.location, requests.vmSizes) : undefined,
        facts.account.poolAllocationMode === 'UserSubscription' ? reader.readSubscriptionQuotas(account.subscriptionId, facts.location) : undefined,
        Promise.all(
          requests.marketplaceImages.map(async (image) => [marketplaceImageKey(image)!, await reader.readMarketplaceImage(account.subscriptionId, facts.location, image)] as const),
        ),
      ])
    : Promise.resolve([undefined, undefined, []] as const);

  const [subnets, images, locks, [sizes, subscriptionQuotas, marketplaceImages]] = await Promise.all([subnetsRead, imagesRead, locksRead, regionRead]);
  environment.subnets = Object.fromEntries(subnets.flatMap(([id, subnet]) => (subnet ? [[id, subnet]] : [])));
  const customImages = images.map(([id, image, version]) => [id, image && withReplicaCount(image, version, facts?.location)] as const);
  environment.images = Object.fromEntries([...customImages, ...marketplaceImages].flatMap(([id, image]) => (image ? [[id, image]] : [])));
  environment.locks = distinctLocks(locks.flatMap((found) => found ?? []));
  if (sizes) environment.vmSizes = sizes;
  if (subscriptionQuotas) environment.subscriptionQuotas = subscriptionQuotas;
  const batchProvider = await batchProviderRead;
  if (batchProvider) environment.subscription = { providers: { 'Microsoft.Batch': batchProvider } };
  return { environment, unavailable: reader.unavailable };
}

/** A gallery image version's replica count in the account's region, when both are known. */
function withReplicaCount(image: ImageFacts, version: PublishingProfile | undefined, location: string | undefined): ImageFacts {
  const replicaCount = version && location ? replicasInRegion(version, location) : undefined;
  return replicaCount === undefined ? image : { ...image, replicaCount };
}

function withDiskControllers(diskControllerTypes: ImageFacts['diskControllerTypes']): Pick<ImageFacts, 'diskControllerTypes'> {
  return diskControllerTypes ? { diskControllerTypes } : {};
}

/** The same lock comes back from every read at or below its scope. */
function distinctLocks(locks: LockFacts[]): LockFacts[] {
  return [...new Map(locks.map((lock) => [normalizeResourceId(`${lock.scope}/${lock.name ?? ''}`), lock])).values()];
}

function vnetIdOf(subnetId: string): string | undefined {
  const match = /^(.*\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(subnetId);
  return match?.[1];
}

/** One live run's requests: each distinct one sent once, at most `concurrency` at a time, each failure kept with its reason. */
class LiveReader {
  readonly unavailable = new Map<string, string>();
  private readonly clients: AzureClients;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly options: LiveOptions) {
    this.clients = new AzureClients(options);
    this.limit = pLimit(options.concurrency ?? LIVE_DEFAULTS.concurrency);
  }

  /** Fails the run with one sign-in message before any request, rather than each read failing alike. */
  async signedIn(): Promise<void> {
    await this.clients.credential;
  }

  async readAccount(
    id: ParsedResourceId,
    name: string,
    vmSize: (name: string) => VmSizeInfo | undefined,
  ): Promise<{ location: string; account: AccountFacts; endpoint?: string } | undefined> {
    const key = unavailableKey('account');
    const [found, pools] = await Promise.all([
      this.once(`account ${this.options.accountId}`, key, 'Microsoft.Batch/batchAccounts/read', async (signal) =>
        (await this.clients.batch(id.subscriptionId)).batchAccountOperations.get(id.resourceGroup!, name, { abortSignal: signal }),
      ),
      this.once(`pools ${this.options.accountId}`, undefined, 'Microsoft.Batch/batchAccounts/pools/read', async (signal) => {
        const client = await this.clients.batch(id.subscriptionId);
        const all = [];
        for await (const pool of client.poolOperations.listByBatchAccount(id.resourceGroup!, name, { abortSignal: signal })) all.push(pool);
        return all;
      }),
    ]);
    if (!found?.location) return undefined;
    const account: AccountFacts = {
      id: this.options.accountId,
      ...(found.poolAllocationMode && { poolAllocationMode: found.poolAllocationMode }),
      quotas: {
        ...(found.dedicatedCoreQuota !== undefined && { dedicatedCores: found.dedicatedCoreQuota }),
        ...(found.lowPriorityCoreQuota !== undefined && { lowPriorityCores: found.lowPriorityCoreQuota }),
        ...(found.poolQuota !== undefined && { pools: found.poolQuota }),
        ...(found.dedicatedCoreQuotaPerVMFamilyEnforced !== undefined && { perFamilyEnforced: found.dedicatedCoreQuotaPerVMFamilyEnforced }),
        ...(found.dedicatedCoreQuotaPerVMFamily && {
          perFamily: Object.fromEntries(found.dedicatedCoreQuotaPerVMFamily.flatMap((family) => (family.name ? [[family.name, family.coreQuota ?? 0]] : []))),
        }),
      },
    };
    if (pools) {
      account.pools = existingPools(pools);
      account.usage = usageByFamily(pools, vmSize);
    }
    return { location: found.location, account, ...(found.accountEndpoint && { endpoint: found.accountEndpoint }) };
  }

  /** The account's entries for the marketplace images the pools use, from its data plane: today's list for its region. */
  async readSupportedImages(accountEndpoint: string | undefined, images: MarketplaceImage[]): Promise<SupportedImageFacts[] | undefined> {
    if (!accountEndpoint) {
      this.unavailable.set(unavailableKey('supportedImages'), "the Batch account's answer gave no accountEndpoint to ask");
      return undefined;
    }
    const { ca, cache, maxRetries = LIVE_DEFAULTS.maxRetries } = this.options;
    return this.once(
      `supported images ${accountEndpoint}`,
      unavailableKey('supportedImages'),
      { access: "read access to the Batch account's service API (Microsoft Entra ID authentication, not shared keys)", service: "the Batch account's service API" },
      async (signal) =>
        listSupportedImages(
          accountEndpoint,
          images,
          { credential: await this.clients.credential, ...(ca && { ca }), ...(cache && { additionalPolicies: [cachePolicy(cache, 'rest')] }), maxRetries },
          signal,
        ),
    );
  }

  /**
   * The account's applications with their default versions and active package versions (a pending package cannot
   * be used). An application whose packages could not be read is left without `versions`.
   */
  async readApplications(id: ParsedResourceId, name: string): Promise<Record<string, ApplicationFacts> | undefined> {
    const batch = () => this.clients.batch(id.subscriptionId);
    const applications = await this.once(`applications ${this.options.accountId}`, undefined, 'Microsoft.Batch/batchAccounts/applications/read', async (signal) => {
      const all = [];
      for await (const application of (await batch()).applicationOperations.list(id.resourceGroup!, name, { abortSignal: signal })) all.push(application);
      return all;
    });
    if (!applications) return undefined;
    const facts = await Promise.all(
      applications.flatMap(({ name: application, defaultVersion }) => {
        if (!application) return [];
        const versions = this.once(`packages ${this.options.accountId}/${application}`, undefined, 'Microsoft.Batch/batchAccounts/applications/versions/read', async (signal) => {
          const all = [];
          for await (const found of (await batch()).applicationPackageOperations.list(id.resourceGroup!, name, application, { abortSignal: signal })) all.push(found);
          return all;
        });
        return [
          versions.then((packages): [string, ApplicationFacts] => [
            application,
            {
              ...(defaultVersion && { defaultVersion }),
              ...(packages && { versions: packages.flatMap((found) => (found.name && found.state === 'Active' ? [found.name] : [])) }),
            },
          ]),
        ];
      }),
    );
    return Object.fromEntries(facts);
  }

  async readSubnet(id: string): Promise<SubnetFacts | undefined> {
    const parsed = parseResourceId(id);
    const [vnet, subnet] = parsed?.types.map((part) => part.name) ?? [];
    if (!parsed?.resourceGroup || !vnet || !subnet) {
      this.unavailable.set(unavailableKey('subnet', id), 'it is not a subnet resource id');
      return undefined;
    }
    const network = () => this.clients.network(parsed.subscriptionId);
    const vnetId = vnetIdOf(id)!;
    const [found, network_] = await Promise.all([
      this.once(`subnet ${normalizeResourceId(id)}`, unavailableKey('subnet', id), 'Microsoft.Network/virtualNetworks/subnets/read', async (signal) =>
        (await network()).subnets.get(parsed.resourceGroup!, vnet, subnet, { abortSignal: signal }),
      ),
      this.once(`vnet ${normalizeResourceId(vnetId)}`, unavailableKey('vnet', vnetId), 'Microsoft.Network/virtualNetworks/read', async (signal) =>
        (await network()).virtualNetworks.get(parsed.resourceGroup!, vnet, { abortSignal: signal }),
      ),
    ]);
    if (!found) return undefined;
    const facts: SubnetFacts = {
      addressPrefixes: found.addressPrefixes ?? (found.addressPrefix ? [found.addressPrefix] : []),
      ipConfigurationsInUse: found.ipConfigurations?.length ?? 0,
      delegations: delegatedServices(found),
    };
    if (network_) facts.dnsServers = network_.dhcpOptions?.dnsServers ?? [];
    const nsgId = found.networkSecurityGroup?.id;
    if (nsgId) facts.networkSecurityGroup = { id: nsgId, ...(await this.readNsg(nsgId)) };
    return facts;
  }

  private async readNsg(id: string): Promise<Pick<NonNullable<SubnetFacts['networkSecurityGroup']>, 'securityRules' | 'defaultSecurityRules'> | undefined> {
    const parsed = parseResourceId(id);
    const name = parsed?.types[0]?.name;
    if (!parsed?.resourceGroup || !name) return undefined;
    const found = await this.once(`nsg ${normalizeResourceId(id)}`, unavailableKey('nsg', id), 'Microsoft.Network/networkSecurityGroups/read', async (signal) =>
      (await this.clients.network(parsed.subscriptionId)).networkSecurityGroups.get(parsed.resourceGroup!, name, { abortSignal: signal }),
    );
    return found ? nsgFacts(found) : undefined;
  }

  /** The locks on the subscription itself (where the pool's VMs go in UserSubscription mode). */
  readSubscriptionLocks(subscriptionId: string): Promise<LockFacts[] | undefined> {
    return this.readLocks(subscriptionId, `/subscriptions/${subscriptionId}`, (client, abortSignal) =>
      client.managementLocks.listAtSubscriptionLevel({ filter: 'atScope()', abortSignal }),
    );
  }

  /** The locks on the account's resource group and on everything in it, the account among them. */
  readResourceGroupLocks(subscriptionId: string, resourceGroup: string): Promise<LockFacts[] | undefined> {
    return this.readLocks(subscriptionId, `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`, (client, abortSignal) =>
      client.managementLocks.listAtResourceGroupLevel(resourceGroup, { abortSignal }),
    );
  }

  /** The locks on a subnet and every scope above it: its VNet, the VNet's resource group, the subscription. */
  readSubnetLocks(subnetId: string): Promise<LockFacts[] | undefined> {
    const parsed = parseResourceId(subnetId);
    const [vnet, subnet] = parsed?.types.map((part) => part.name) ?? [];
    if (!parsed?.resourceGroup || !parsed.provider || !vnet || !subnet) return Promise.resolve(undefined);
    return this.readLocks(parsed.subscriptionId, subnetId, (client, abortSignal) =>
      client.managementLocks.listAtResourceLevel(parsed.resourceGroup!, parsed.provider!, `virtualNetworks/${vnet}`, 'subnets', subnet, { filter: 'atScope()', abortSignal }),
    );
  }

  private readLocks(subscriptionId: string, scope: string, list: (client: ManagementLockClient, signal: AbortSignal) => AsyncIterable<ArmLock>): Promise<LockFacts[] | undefined> {
    return this.once(`locks ${normalizeResourceId(scope)}`, unavailableKey('locks', scope), 'Microsoft.Authorization/locks/read', async (signal) => {
      const found: ArmLock[] = [];
      for await (const lock of list(await this.clients.locks(subscriptionId), signal)) found.push(lock);
      return found.flatMap(lockFacts);
    });
  }

  /** A resource provider's registrationState in the subscription. */
  async readProviderState(subscriptionId: string, namespace: string): Promise<string | undefined> {
    const found = await this.once(`provider ${subscriptionId} ${namespace}`, unavailableKey('providers'), 'Microsoft.Resources/subscriptions/providers/read', async (signal) =>
      (await this.clients.resources(subscriptionId)).providers.get(namespace, { abortSignal: signal }),
    );
    return found?.registrationState;
  }

  async readImage(id: string): Promise<ImageFacts | undefined> {
    const parsed = parseResourceId(id);
    const gallery = parsed?.types.find((part) => part.type.toLowerCase() === 'galleries')?.name;
    const image = parsed?.types.find((part) => part.type.toLowerCase() === 'images')?.name;
    if (!parsed?.resourceGroup || !image) return undefined;
    const found = await this.once(`image ${normalizeResourceId(id)}`, unavailableKey('image', id), 'Microsoft.Compute/galleries/images/read', async (signal) => {
      const compute = await this.clients.compute(parsed.subscriptionId);
      return gallery
        ? compute.galleryImages.get(parsed.resourceGroup!, gallery, image, { abortSignal: signal })
        : compute.images.get(parsed.resourceGroup!, image, { abortSignal: signal });
    });
    if (!found) return undefined;
    const properties = ('properties' in found ? found.properties : found) as
      { hyperVGeneration?: string; osType?: string; features?: { name?: string; value?: string }[] } | undefined;
    return {
      ...(properties?.hyperVGeneration && { hyperVGeneration: properties.hyperVGeneration as 'V1' | 'V2' }),
      ...(properties?.osType && { osType: properties.osType as 'Linux' | 'Windows' }),
      // Only a gallery image definition carries the NVMe tag; a managed image has no features to say it.
      ...(gallery && withDiskControllers(imageDiskControllerTypes(properties?.features))),
    };
  }

  /**
   * A pinned gallery image version's publishing profile (where its replicas are); undefined for an image definition,
   * whose latest version live mode does not resolve, and for any other image.
   */
  async readImageVersion(id: string): Promise<PublishingProfile | undefined> {
    const parsed = parseResourceId(id);
    const name = (type: string) => parsed?.types.find((part) => part.type.toLowerCase() === type)?.name;
    const [gallery, image, version] = [name('galleries'), name('images'), name('versions')];
    if (!parsed?.resourceGroup || !gallery || !image || !version) return undefined;
    const found = await this.once(`image version ${normalizeResourceId(id)}`, unavailableKey('image', id), 'Microsoft.Compute/galleries/images/versions/read', async (signal) =>
      (await this.clients.compute(parsed.subscriptionId)).galleryImageVersions.get(parsed.resourceGroup!, gallery, image, version, { abortSignal: signal }),
    );
    return found?.publishingProfile;
  }

  /** A marketplace image's Hyper-V generation and NVMe tag: of the version the pool pins, else of the newest version in the region. */
  async readMarketplaceImage(subscriptionId: string, location: string, image: MarketplaceImage): Promise<ImageFacts | undefined> {
    const key = marketplaceImageKey(image)!;
    const found = await this.once(
      `marketplace image ${location} ${key.toLowerCase()} ${image.version ?? ''}`,
      unavailableKey('image', key),
      'Microsoft.Compute/locations/publishers/artifacttypes/offers/skus/versions/read',
      async (signal) => {
        const images = (await this.clients.compute(subscriptionId)).virtualMachineImages;
        const { publisher, offer, sku } = image;
        const version = image.version ?? (await images.list(location, publisher, offer, sku, { top: 1, orderby: 'name desc', abortSignal: signal }))[0]?.name;
        if (!version) throw new Error(`${location} has no version of the image ${key}`);
        return images.get(location, publisher, offer, sku, version, { abortSignal: signal });
      },
    );
    if (!found) return undefined;
    return {
      ...((found.hyperVGeneration === 'V1' || found.hyperVGeneration === 'V2') && { hyperVGeneration: found.hyperVGeneration }),
      ...withDiskControllers(imageDiskControllerTypes(found.features)),
    };
  }

  async readSkus(subscriptionId: string, location: string, names: string[]): Promise<Record<string, VmSizeFacts> | undefined> {
    const found = await this.once(`skus ${location}`, unavailableKey('skus'), 'Microsoft.Compute/skus/read', async (signal) => {
      const compute = await this.clients.compute(subscriptionId);
      const skus: ArmSku[] = [];
      for await (const sku of compute.resourceSkus.list({ filter: `location eq '${location}'`, abortSignal: signal })) skus.push(sku);
      return skus;
    });
    return found && sizeFacts(found, names, location);
  }

  async readSubscriptionQuotas(subscriptionId: string, location: string): Promise<Environment['subscriptionQuotas']> {
    const found = await this.once(`usages ${location}`, unavailableKey('subscriptionQuotas'), 'Microsoft.Compute/locations/usages/read', async (signal) => {
      const usages = [];
      for await (const usage of (await this.clients.compute(subscriptionId)).usage.list(location, { abortSignal: signal })) usages.push(usage);
      return usages;
    });
    if (!found) return undefined;
    const byName = new Map(found.map((usage) => [usage.name.value ?? '', { limit: usage.limit, current: usage.currentValue }]));
    const families = Object.fromEntries([...byName].filter(([name]) => /family$/i.test(name)));
    return {
      ...(byName.has('cores') && { totalRegionalCores: byName.get('cores')! }),
      ...(byName.has('lowPriorityCores') && { lowPriorityCores: byName.get('lowPriorityCores')! }),
      families,
    };
  }

  /** Sends a request once per key, within the concurrency limit and time limit; a failure is recorded, not thrown. */
  private once<T>(requestKey: string, unavailable: string | undefined, permission: Permission, send: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    let pending = this.inFlight.get(requestKey) as Promise<T | undefined> | undefined;
    if (!pending) {
      pending = this.limit(() => send(AbortSignal.timeout(this.options.timeoutMs ?? LIVE_DEFAULTS.timeoutMs))).catch((error: unknown) => {
        if (unavailable) this.unavailable.set(unavailable, describeFailure(error, permission));
        return undefined;
      });
      this.inFlight.set(requestKey, pending);
    }
    return pending;
  }
}
