import { findImage, imageKey } from '../catalog/catalog.ts';
import type { SupportedImageFacts } from '../model/environment.ts';
import type { EnvironmentSource, ListedImage } from '../model/facts.ts';

const CATALOG_LIST = "the catalog's copy (2022) of Batch's supported-images list";

/**
 * Batch's list of supported images as this run knows it. The account's list (live mode's answer, or a context file's
 * `account.supportedImages`, which `context snapshot` writes from it) stands alone: an image it lacks is not judged,
 * whatever the catalog's older copy says, so a lint from a snapshot finds what live mode found. Without one, the
 * catalog's copy.
 */
export class SupportedImages {
  readonly name: string;
  private readonly listed: Map<string, SupportedImageFacts> | undefined;

  /** @param unread why live mode could not read the account's list, when it tried */
  constructor(entries: SupportedImageFacts[] | undefined, source: EnvironmentSource, origin?: string, unread?: string) {
    this.listed = entries && new Map(entries.map((entry) => [imageKey(entry), entry]));
    if (entries) this.name = source === 'live' ? "Batch's supported-images list for the account (read from Azure)" : `the supported images in ${origin ?? 'the context file'}`;
    else this.name = unread ? `${CATALOG_LIST} (the account's own list could not be read: ${unread})` : CATALOG_LIST;
  }

  find(reference: Parameters<typeof imageKey>[0]): ListedImage | undefined {
    if (this.listed) {
      const entry = this.listed.get(imageKey(reference));
      return entry && { ...entry, listedBy: 'account' };
    }
    const recorded = findImage(reference);
    return recorded && { ...recorded, listedBy: 'catalog' };
  }
}
