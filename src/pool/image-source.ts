import type { PoolSpec } from '../sources/pool-definition.ts';
import { isKnown, isUnknown, type UnknownValue } from '../sources/unknown.ts';

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
