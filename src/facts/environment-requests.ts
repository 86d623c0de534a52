import { isKnown } from '../model/unknown.ts';
import type { PoolDefinition } from '../model/pool-definition.ts';
import { findVmSize } from '../catalog/catalog.ts';
import { imageGeneration } from '../catalog/image-generation.ts';
import { bootDiskControllers } from '../catalog/nvme-only-series.ts';
import { marketplaceImageKey } from '../pool/image-source.ts';
import { poolSubnetId } from '../pool/network.ts';
import { normalizeResourceId } from './resource-id.ts';

/** The distinct Azure resources the pools of a run need facts about, gathered before anything is fetched. */
export interface EnvironmentRequests {
  subnetIds: string[];
  /** Gallery and managed image ids the pools boot from. */
  imageIds: string[];
  /** Marketplace images whose Hyper-V generation the embedded catalog cannot tell, or whose NVMe tag a pool's size may need. */
  marketplaceImages: MarketplaceImage[];
  /** Every marketplace image the pools use, to be looked up in the account's list of supported images. */
  supportedImages: MarketplaceImage[];
  vmSizes: string[];
  /** Whether a pool references an application package: only then are the account's applications read. */
  applications: boolean;
}

export interface MarketplaceImage {
  publisher: string;
  offer: string;
  sku: string;
  /** A version the pool pins; absent for "latest". */
  version?: string;
}

export function environmentRequests(pools: readonly PoolDefinition[]): EnvironmentRequests {
  const subnets = new Map<string, string>();
  const images = new Map<string, string>();
  const sizes = new Map<string, string>();
  const marketplace = new Map<string, MarketplaceImage>();
  const used = new Map<string, MarketplaceImage>();
  let applications = false;
  for (const { spec } of pools) {
    const subnetId = poolSubnetId(spec);
    if (typeof subnetId === 'string') subnets.set(normalizeResourceId(subnetId), subnetId);
    const image = isKnown(spec.virtualMachineConfiguration) ? spec.virtualMachineConfiguration.imageReference : undefined;
    const imageId = isKnown(image) ? image.virtualMachineImageId : undefined;
    if (typeof imageId === 'string') images.set(normalizeResourceId(imageId), imageId);
    const marketplaceImage = isKnown(image) ? marketplaceImageOf(image) : undefined;
    if (marketplaceImage) used.set(marketplaceImageKey(marketplaceImage)!.toLowerCase(), marketplaceImage);
    const unlisted = marketplaceImage && (!imageGeneration(marketplaceImage).known || mayBootOnlyFromNvme(spec.vmSize)) ? marketplaceImage : undefined;
    if (unlisted) marketplace.set(marketplaceImageKey(unlisted)!.toLowerCase(), unlisted);
    if (typeof spec.vmSize === 'string') sizes.set(spec.vmSize.toLowerCase(), spec.vmSize);
    if (isKnown(spec.applicationPackageReferences) && (spec.applicationPackageReferences?.length ?? 0) > 0) applications = true;
  }
  return {
    subnetIds: [...subnets.values()],
    imageIds: [...images.values()],
    marketplaceImages: [...marketplace.values()],
    supportedImages: [...used.values()],
    vmSizes: [...sizes.values()],
    applications,
  };
}

function marketplaceImageOf(image: Record<string, unknown>): MarketplaceImage | undefined {
  const { publisher, offer, sku, version } = image;
  if (typeof publisher !== 'string' || typeof offer !== 'string' || typeof sku !== 'string') return undefined;
  return { publisher, offer, sku, ...(typeof version === 'string' && version.toLowerCase() !== 'latest' && { version }) };
}

/** A size the catalog does not know to boot from SCSI: an NVMe-only series, or a v6 or later size it does not describe. */
function mayBootOnlyFromNvme(vmSize: unknown): boolean {
  if (typeof vmSize !== 'string') return false;
  return !bootDiskControllers(findVmSize(vmSize) ?? { name: vmSize })?.includes('SCSI');
}
