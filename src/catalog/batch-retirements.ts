/**
 * What Batch has stopped, or will stop, creating pools with, from the Batch team's retirement notices
 * (github.com/Azure/Batch issues labelled retirement). `lastDay` is the last day new pools are taken: a
 * notice saying support ends (or is removed) *on* a date gives the day before it.
 */
export interface BatchRetirement {
  lastDay: string;
  notice: string;
}

const NOTICES = 'https://github.com/Azure/Batch/issues';

/** By node agent SKU id, lower case. */
export const NODE_AGENT_RETIREMENTS: ReadonlyMap<string, BatchRetirement> = new Map([
  ['batch.node.ubuntu 14.04', { lastDay: '2019-07-31', notice: `${NOTICES}/61` }],
  ['batch.node.ubuntu 16.04', { lastDay: '2021-05-20', notice: `${NOTICES}/106` }],
  ['batch.node.centos 8', { lastDay: '2021-12-30', notice: `${NOTICES}/119` }],
  ['batch.node.ubuntu 18.04', { lastDay: '2023-05-29', notice: `${NOTICES}/152` }],
  ['batch.node.centos 7', { lastDay: '2024-06-30', notice: `${NOTICES}/169` }],
  ['batch.node.debian 8', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.debian 9', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.debian 10', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.ubuntu 20.04', { lastDay: '2025-04-23', notice: `${NOTICES}/174` }],
  ['batch.node.ubuntu 22.04', { lastDay: '2027-06-30', notice: `${NOTICES}/200` }],
]);

interface ImageRetirement extends BatchRetirement {
  /** Matches `publisher/offer/sku`, lower case. */
  image: RegExp;
}

/** Marketplace images with an end of Batch support of their own. */
const IMAGE_RETIREMENTS: readonly ImageRetirement[] = [
  // Rendering images: retired 29 February 2024 (listed in #140; date from Azure/BatchExplorer#2309).
  { image: /^batch\/rendering-[^/]+\/[^/]+$/, lastDay: '2024-02-28', notice: `${NOTICES}/140` },
  // "After 5 December 2024, no new Batch pools" with these four SKUs.
  { image: /^microsoftwindowsserver\/windowsserver\/2012-(?:r2-)?datacenter(?:-smalldisk)?$/, lastDay: '2024-12-05', notice: `${NOTICES}/179` },
  // The old AlmaLinux offer, all 8.x SKUs (gen1 and gen2); the replacement is almalinux-x86_64.
  { image: /^almalinux\/almalinux\/8[^/]*$/, lastDay: '2024-12-29', notice: `${NOTICES}/181` },
  // CBL-Mariner 2.0: Batch's end of life "30 July 2025 at 01:00" (UTC), as the portal showed it.
  { image: /^microsoftcblmariner\/cbl-mariner\/cbl-mariner-2(?:-[^/]+)?$/, lastDay: '2025-07-29', notice: `${NOTICES}/188` },
  // Support "will end on 12 January 2027".
  {
    image: /^microsoftwindowsserver\/windowsserver\/2016-datacenter(?:-gensecond|-gs|-smalldisk|-smalldisk-g2|-with-containers|-with-containers-gs)?$/,
    lastDay: '2027-01-11',
    notice: `${NOTICES}/197`,
  },
];

/** The Batch team's end of support for a marketplace image, if it has one. */
export function imageRetirement(reference: { publisher: string; offer: string; sku: string }): BatchRetirement | undefined {
  const key = `${reference.publisher}/${reference.offer}/${reference.sku}`.toLowerCase();
  const found = IMAGE_RETIREMENTS.find(({ image }) => image.test(key));
  return found && { lastDay: found.lastDay, notice: found.notice };
}
