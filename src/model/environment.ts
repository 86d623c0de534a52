import type { DiskControllerType, HyperVGeneration } from '../catalog/types.ts';

/**
 * Facts about the Azure environment a pool is created in: what a context file holds, and what live mode
 * reads from Azure (then written by `context snapshot`). Every part is optional; a missing part is a fact
 * nobody supplied, never a zero.
 */
export interface Environment {
  /** Region of the Batch account. */
  location?: string;
  account?: AccountFacts;
  /** UserSubscription mode: the subscription's regional vCPU quotas (Compute usages). */
  subscriptionQuotas?: SubscriptionQuotas;
  /** The Batch account's subscription: what Batch needs there to create and delete pools. */
  subscription?: SubscriptionFacts;
  /** By subnet resource id. */
  subnets?: Record<string, SubnetFacts>;
  locks?: LockFacts[];
  /** Gallery and managed images, by resource id (an image definition or one of its versions); marketplace images by `publisher:offer:sku`. */
  images?: Record<string, ImageFacts>;
  /** Additions to, or corrections of, the embedded catalog's VM sizes, by size name. */
  vmSizes?: Record<string, VmSizeFacts>;
}

export type PoolAllocationMode = 'BatchService' | 'UserSubscription';

export interface AccountFacts {
  id?: string;
  poolAllocationMode?: PoolAllocationMode;
  quotas?: {
    dedicatedCores?: number;
    lowPriorityCores?: number;
    pools?: number;
    perFamilyEnforced?: boolean;
    /** Dedicated-core quota by VM family id (e.g. `standardDv3Family`). */
    perFamily?: Record<string, number>;
  };
  /**
   * The account's existing pools by pool id, with the nodes they hold now: those nodes are already in `usage`
   * (and in their subnet's `ipConfigurationsInUse`). Absent: not known which pools exist.
   */
  pools?: Record<string, ExistingPool>;
  /**
   * The account's applications by application id: the version a reference without one gets, and the
   * versions of its packages (absent: not known). Absent: not known which applications the account has.
   */
  applications?: Record<string, ApplicationFacts>;
  /**
   * Marketplace images as the account's list of supported images gives them (Account - List Supported Images):
   * the node agent each is paired with, its OS, capabilities and end of Batch support. Live mode keeps the
   * entries of the images the pools use. An image it lacks is not on the account's list. Absent: the embedded
   * catalog's older copy of the list is used.
   */
  supportedImages?: SupportedImageFacts[];
  /** Cores in use by the account's existing pools. */
  usage?: {
    dedicatedCores?: number;
    lowPriorityCores?: number;
    pools?: number;
    perFamily?: Record<string, number>;
  };
}

export interface ApplicationFacts {
  defaultVersion?: string;
  versions?: string[];
}

export interface SupportedImageFacts {
  publisher: string;
  offer: string;
  sku: string;
  nodeAgentSkuId: string;
  osType: 'linux' | 'windows';
  /** Such as `DockerCompatible`, `NvidiaTeslaDriverInstalled`. */
  capabilities?: string[];
  /** ISO date after which Batch no longer supports the image. */
  batchSupportEndOfLife?: string;
}

export interface ExistingPool {
  vmSize: string;
  currentDedicatedNodes: number;
  currentLowPriorityNodes: number;
  /** The subnet its nodes are in; absent in a hand-written file, the subnet the linted pool names. */
  subnetId?: string;
}

export interface QuotaUsage {
  limit: number;
  current: number;
}

export interface SubscriptionQuotas {
  totalRegionalCores?: QuotaUsage;
  lowPriorityCores?: QuotaUsage;
  families?: Record<string, QuotaUsage>;
}

/** What Batch needs in the Batch account's subscription (in UserSubscription mode the pools' VMs go there too). */
export interface SubscriptionFacts {
  /** Resource providers by namespace, with ARM's registrationState (`Registered`, `NotRegistered`, `Registering`…). */
  providers?: Record<string, string>;
  /**
   * UserSubscription mode: the roles the "Microsoft Azure Batch" service principal holds on the subscription, directly or
   * from a management group above it, by name or role definition id; empty means none. Absent: not known.
   */
  batchRoleAssignments?: string[];
}

export interface SubnetFacts {
  addressPrefixes?: string[];
  /** IP configurations (NICs, load balancers…) already holding an address in the subnet. */
  ipConfigurationsInUse?: number;
  networkSecurityGroup?: { id?: string; securityRules?: SecurityRule[]; defaultSecurityRules?: SecurityRule[] };
  /** The VNet's custom DNS servers; empty or absent means Azure-provided DNS. */
  dnsServers?: string[];
  /** The services the subnet is delegated to (`Microsoft.ContainerInstance/containerGroups`…); empty means none, absent not known. */
  delegations?: string[];
}

/**
 * An NSG rule in ARM's flattened form (the SDK's), as `az network nsg rule list` prints it. A side with
 * no address prefix and no application security group, or a rule with no destination port, means any.
 */
export interface SecurityRule {
  name?: string;
  priority: number;
  direction: 'Inbound' | 'Outbound';
  access: 'Allow' | 'Deny';
  protocol?: string;
  destinationAddressPrefix?: string;
  destinationAddressPrefixes?: string[];
  destinationPortRange?: string;
  destinationPortRanges?: string[];
  sourceAddressPrefix?: string;
  sourceAddressPrefixes?: string[];
  sourceApplicationSecurityGroups?: { id?: string }[];
  destinationApplicationSecurityGroups?: { id?: string }[];
}

export type LockLevel = 'ReadOnly' | 'CanNotDelete';

export interface LockFacts {
  /** The resource id the lock is set on; it covers everything below it. */
  scope: string;
  level: LockLevel;
  name?: string;
}

export interface ImageFacts {
  hyperVGeneration?: HyperVGeneration;
  osType?: 'Linux' | 'Windows';
  /**
   * Replicas in the Batch account's region (0: none there) of a gallery image version: of that version for a
   * version's entry; for an image definition's entry, of its latest version, which a pool naming the definition gets.
   */
  replicaCount?: number;
  /** The disk controllers the image is tagged for (its `DiskControllerTypes` feature; an image without one is SCSI only). */
  diskControllerTypes?: DiskControllerType[];
}

export interface VmSizeFacts {
  vCPUs?: number;
  family?: string;
  hyperVGenerations?: HyperVGeneration[];
  /** The disk controllers the size boots from (the Resource SKU capability `DiskControllerTypes`). */
  diskControllerTypes?: DiskControllerType[];
  tempDiskGiB?: number;
  nvmeDiskGiB?: number;
  /** Regions the size is offered in. */
  locations?: string[];
  /** Why the size cannot be used by this subscription in the account's region (ResourceSku restriction reason codes). */
  restrictions?: string[];
  retirementDate?: string;
}
