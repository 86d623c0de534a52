import { findImage } from './catalog.ts';
import type { HyperVGeneration } from './types.ts';

export type ImageGenerationResult = { known: true; generation: HyperVGeneration; basis: string } | { known: false; reason: string };

export interface ImageReferenceFields {
  publisher?: string;
  offer?: string;
  sku?: string;
  virtualMachineImageId?: string;
  sharedGalleryImageId?: string;
  communityGalleryImageId?: string;
}

/** Marketplace SKU names that mark a generation: 22_04-lts-gen2, 2022-datacenter-g2, 2019-datacenter-gensecond, server-gen1. */
const SKU_MARKERS: readonly [RegExp, HyperVGeneration, string][] = [
  [/(?:^|[-_])gen1$/i, 'V1', 'the SKU name ends in "gen1"'],
  [/gen2|(?:^|[-_])g2(?:$|[-_])|gensecond/i, 'V2', 'the SKU name marks Generation 2'],
];

/**
 * Offers whose plain SKUs are Generation 2 and whose Generation 1 SKUs carry a "-gen1" suffix: Canonical's
 * per-release offers (`ubuntu-22_04-lts`, `ubuntu-24_04-lts`, interim `ubuntu-25_04`…), unlike its older
 * `0001-com-ubuntu-server-*` offers, whose Generation 2 SKUs carry "-gen2".
 */
const GEN2_BY_DEFAULT_OFFER = /^canonical\/ubuntu-\d\d_\d\d(?:-lts)?$/;

/** Decides a pool image's Hyper-V generation from what the definition says; unknown stays unknown. */
export function imageGeneration(reference: ImageReferenceFields): ImageGenerationResult {
  if (reference.virtualMachineImageId || reference.sharedGalleryImageId || reference.communityGalleryImageId) {
    return { known: false, reason: "a custom or Compute Gallery image's generation is read from Azure in live mode or from a context file" };
  }
  const { publisher, offer, sku } = reference;
  if (!publisher || !offer || !sku) return { known: false, reason: 'the image reference names no marketplace publisher, offer and SKU' };

  const listed = findImage({ publisher, offer, sku });
  if (listed?.generation) {
    return { known: true, generation: listed.generation, basis: `Batch's supported-images list has ${sku} as Generation ${listed.generation === 'V2' ? 2 : 1}` };
  }
  for (const [pattern, generation, basis] of SKU_MARKERS) {
    if (pattern.test(sku)) return { known: true, generation, basis };
  }
  if (GEN2_BY_DEFAULT_OFFER.test(`${publisher}/${offer}`.toLowerCase())) {
    return { known: true, generation: 'V2', basis: `${offer} publishes Generation 2 SKUs without a suffix and Generation 1 as "-gen1"` };
  }
  if (findImage({ publisher, offer, sku: `${sku}-gen2` }) || findImage({ publisher, offer, sku: `${sku}-g2` })) {
    return { known: true, generation: 'V1', basis: `the offer publishes Generation 2 as a separate SKU of ${sku}` };
  }
  return { known: false, reason: `batchlint does not know the generation of the marketplace image ${publisher}/${offer}/${sku}` };
}
