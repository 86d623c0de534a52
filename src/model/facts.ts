import type { DiskControllerType, HyperVGeneration, ImageInfo, VmSizeInfo } from '../catalog/types.ts';
import type { AccountFacts, LockFacts, SubnetFacts, SubscriptionQuotas } from './environment.ts';
import type { PoolDefinition } from './pool-definition.ts';

/** The kinds of Azure resource the environment facts are read from. */
export type ResourceKind = 'account' | 'subscriptionQuotas' | 'skus' | 'subnet' | 'vnet' | 'nsg' | 'locks' | 'image' | 'supportedImages' | 'providers';

/** Shown every pool of the run before any is linted, so live mode reads each distinct resource once. */
export interface FactsGatherer {
  gatherFor(pools: readonly PoolDefinition[]): Promise<Facts>;
}

/** A fact is known, or unknown with the reason it could not be had. */
export type Fact<T> = { known: true; value: T } | { known: false; reason: string };

export interface ImageReferenceInput {
  publisher?: string;
  offer?: string;
  sku?: string;
  version?: string;
  virtualMachineImageId?: string;
  sharedGalleryImageId?: string;
  communityGalleryImageId?: string;
}

/** An image on a list of Batch's supported images, and which list: the account's (live or a context file) or the catalog's older copy. */
export interface ListedImage extends ImageInfo {
  capabilities?: string[];
  listedBy: 'account' | 'catalog';
}

export interface ImageGeneration {
  generation: HyperVGeneration;
  /** How it was decided, for messages: "the catalog's entry for …", "the SKU name ends in -gen2". */
  basis: string;
}

export interface ImageDiskControllers {
  /** The disk controllers the image is tagged for. */
  types: DiskControllerType[];
  /** Where it was read, for messages: "the image definition's DiskControllerTypes is SCSI". */
  basis: string;
}

/** Where facts about the user's Azure environment come from in this run. */
export type EnvironmentSource = 'none' | 'context' | 'live';

/** Whether the account's region offers a size to this subscription. */
export interface SizeOffering {
  location: string;
  /** Whether the size is offered in the region at all. */
  offered: Fact<boolean>;
  /**
   * ResourceSku restriction reasons for this subscription (e.g. NotAvailableForSubscription), known only from
   * the user's own environment: the catalog's recorded restrictions belong to whoever collected its data.
   */
  restrictions: Fact<string[]>;
}

/**
 * What rules may know of Azure: the embedded catalog always; the user's environment (quotas, subnets,
 * locks…) from a context file or live mode. Facts are gathered before rules run, so every lookup is
 * synchronous and returns known-or-unknown, never a guess.
 */
export interface Facts {
  readonly environmentSource: EnvironmentSource;
  /** Date of the catalog's data, shown to users. */
  readonly catalogDate: string;
  /** The run's date (ISO, UTC), against which retirement dates are read. */
  readonly today: string;
  /** The size, looked up case-insensitively; undefined when no source knows it. */
  vmSize(name: string): VmSizeInfo | undefined;
  /** Known size names close to a misspelt one, best first. */
  closestVmSizeNames(name: string, limit: number): string[];
  /** Sizes of about the same vCPUs and architecture that can boot the generation, best first. */
  sizesSupportingGeneration(size: VmSizeInfo, generation: HyperVGeneration, limit: number): VmSizeInfo[];
  imageGeneration(reference: ImageReferenceInput): Fact<ImageGeneration>;
  /** The disk controllers an image is tagged for, from the environment (context file or live): the catalog has no image tags. */
  imageDiskControllers(reference: ImageReferenceInput): Fact<ImageDiskControllers>;
  /** A marketplace image on Batch's list of supported images, looked up case-insensitively. */
  image(reference: { publisher: string; offer: string; sku: string }): ListedImage | undefined;
  /** The list `image()` reads, for reasons: "the catalog's copy (2022) of Batch's supported-images list". */
  readonly supportedImagesList: string;
  /** The Batch account's region. */
  location(): Fact<string>;
  account(): Fact<AccountFacts>;
  /** UserSubscription mode: the subscription's regional vCPU quotas and usage. */
  subscriptionQuotas(): Fact<SubscriptionQuotas>;
  subnet(id: string): Fact<SubnetFacts>;
  /** A resource provider's registrationState in the Batch account's subscription, its namespace matched without case. */
  providerRegistration(namespace: string): Fact<string>;
  /** UserSubscription mode: the roles "Microsoft Azure Batch" holds on the Batch account's subscription. */
  batchRoleAssignments(): Fact<string[]>;
  /** Replicas in the account's region of the gallery image version a pool gets from this image id. */
  imageReplicas(id: string): Fact<number>;
  /** Every lock set on the resource or a scope above it. */
  locksCovering(resourceId: string): Fact<LockFacts[]>;
  sizeOffering(vmSize: string): Fact<SizeOffering>;
  /** Why live mode could not read a resource it tried to (a 403, a timeout…); undefined when it did not fail. */
  unreadReason(kind: ResourceKind, id?: string): string | undefined;
}
