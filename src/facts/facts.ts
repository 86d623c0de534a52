import type { HyperVGeneration, ImageInfo, VmSizeInfo } from '../catalog/types.ts';

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

export interface ImageGeneration {
  generation: HyperVGeneration;
  /** How it was decided, for messages: "the catalog's entry for …", "the SKU name ends in -gen2". */
  basis: string;
}

/** What rules may know of Azure. Offline it is the embedded catalog; later layers add context and live data. */
export interface Facts {
  /** Date of the catalog's data, shown to users. */
  readonly catalogDate: string;
  /** The size, looked up case-insensitively; undefined when no source knows it. */
  vmSize(name: string): VmSizeInfo | undefined;
  /** Known size names close to a misspelt one, best first. */
  closestVmSizeNames(name: string, limit: number): string[];
  /** Sizes of about the same vCPUs and architecture that can boot the generation, best first. */
  sizesSupportingGeneration(size: VmSizeInfo, generation: HyperVGeneration, limit: number): VmSizeInfo[];
  imageGeneration(reference: ImageReferenceInput): Fact<ImageGeneration>;
  /** A Batch-supported marketplace image, looked up case-insensitively. */
  image(reference: { publisher: string; offer: string; sku: string }): ImageInfo | undefined;
}
