import type { PoolSpec } from '../model/pool-definition.ts';
import type { ImageReferenceInput } from '../model/facts.ts';
import { isKnown, isUnknown, type UnknownValue } from '../model/unknown.ts';

/** Where the pool's OS image comes from: a marketplace SKU, or a custom image (Compute Gallery or managed image). */
export type ImageSource = 'marketplace' | 'custom';

const CUSTOM_IMAGE_KEYS = ['virtualMachineImageId', 'sharedGalleryImageId', 'communityGalleryImageId'] as const;

export function imageSource(spec: PoolSpec): ImageSource | UnknownValue | undefined {
  const vmConfiguration = spec.virtualMachineConfiguration;
  if (isUnknown(vmConfiguration)) return vmConfiguration;
  const image = vmConfiguration?.imageReference;
  if (isUnknown(image)) return image;
  if (!isKnown(image)) return undefined;
  for (const key of CUSTOM_IMAGE_KEYS) {
    const value = image[key];
    if (isUnknown(value)) return value;
    if (value) return 'custom';
  }
  return 'marketplace';
}

/** The pool's custom image id (a managed image or a Compute Gallery image version or definition), if it names one. */
export function virtualMachineImageId(spec: PoolSpec): string | UnknownValue | undefined {
  const configuration = spec.virtualMachineConfiguration;
  if (isUnknown(configuration)) return configuration;
  const image = configuration?.imageReference;
  if (isUnknown(image)) return image;
  return image?.virtualMachineImageId;
}

/**
 * How a marketplace image is named among the environment's images: `publisher:offer:sku`, the image URN az
 * prints without its version (a SKU's versions share a Hyper-V generation; Generation 2 is a SKU of its own).
 */
export function marketplaceImageKey(image: { publisher?: unknown; offer?: unknown; sku?: unknown }): string | undefined {
  const { publisher, offer, sku } = image;
  return typeof publisher === 'string' && typeof offer === 'string' && typeof sku === 'string' ? `${publisher}:${offer}:${sku}` : undefined;
}

/** The custom image a reference names: a managed image, or a Compute Gallery image (shared or community). */
export function customImageId(reference: ImageReferenceInput): string | undefined {
  return reference.virtualMachineImageId ?? reference.sharedGalleryImageId ?? reference.communityGalleryImageId;
}

/** An image as a message names it: its custom image id, else `publisher offer sku`. */
export function describeImage(reference: ImageReferenceInput): string {
  return customImageId(reference) ?? [reference.publisher, reference.offer, reference.sku].join(' ');
}
