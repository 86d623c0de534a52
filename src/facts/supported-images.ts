import { findImage } from '../catalog/catalog.ts';
import type { SupportedImageFacts } from '../model/environment.ts';
import type { EnvironmentSource, ListedImage } from '../model/facts.ts';

interface ImageKey {
  publisher: string;
  offer: string;
  sku: string;
}

const keyOf = ({ publisher, offer, sku }: ImageKey) => `${publisher}/${offer}/${sku}`.toLowerCase();

const CATALOG_LIST = "the catalog's copy (2022) of Batch's supported-images list";

/**
 * Batch's list of supported images as this run knows it. Live mode's list is today's answer for the account and
 * stands alone: an image it lacks is not listed, whatever the catalog's older copy says. A context file's
 * entries come first and the catalog's copy answers for the rest, since a hand-written file may list only some.
 */
export class SupportedImages {
  readonly name: string;
  private readonly listed: Map<string, SupportedImageFacts>;
  private readonly catalogToo: boolean;

  /** @param unread why live mode could not read the account's list, when it tried */
  constructor(entries: SupportedImageFacts[] | undefined, source: EnvironmentSource, origin?: string, unread?: string) {
    this.listed = new Map((entries ?? []).map((entry) => [keyOf(entry), entry]));
    this.catalogToo = !(entries && source === 'live');
    if (!entries) this.name = unread ? `${CATALOG_LIST} (the account's own list could not be read: ${unread})` : CATALOG_LIST;
    else if (source === 'live') this.name = "Batch's supported-images list for the account (read from Azure)";
    else this.name = `the supported images in ${origin ?? 'the context file'} and ${CATALOG_LIST}`;
  }

  find(reference: ImageKey): ListedImage | undefined {
    const entry = this.listed.get(keyOf(reference));
    if (entry) return { ...entry, listedBy: 'account' };
    const recorded = this.catalogToo ? findImage(reference) : undefined;
    return recorded && { ...recorded, listedBy: 'catalog' };
  }
}
