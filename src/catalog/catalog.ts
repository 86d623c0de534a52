import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
import type { Catalog, HyperVGeneration, ImageInfo, VmSizeInfo } from './types.ts';

interface Indexed {
  catalog: Catalog;
  sizesByName: Map<string, VmSizeInfo>;
  imagesByKey: Map<string, ImageInfo>;
}

let indexed: Indexed | undefined;

/** The embedded catalog, read and indexed on first use. */
export function loadCatalog(): Catalog {
  return index().catalog;
}

function index(): Indexed {
  if (!indexed) {
    const catalog = JSON.parse(readFileSync(new URL('./data/catalog.json', import.meta.url), 'utf8')) as Catalog;
    indexed = {
      catalog,
      sizesByName: new Map(catalog.vmSizes.map((size) => [size.name.toLowerCase(), size])),
      imagesByKey: new Map(catalog.images.map((image) => [imageKey(image), image])),
    };
  }
  return indexed;
}

/** The regions a size is offered in. */
export function regionsOf(size: VmSizeInfo): string[] {
  const bits = BigInt(`0x${size.regionMask}`);
  return index().catalog.regions.filter((_, position) => (bits >> BigInt(position)) & 1n);
}

/** Case-insensitive: `STANDARD_A1_V2` is `Standard_A1_v2`. */
export function findVmSize(name: string): VmSizeInfo | undefined {
  return index().sizesByName.get(name.trim().toLowerCase());
}

export function findImage(reference: { publisher: string; offer: string; sku: string }): ImageInfo | undefined {
  return index().imagesByKey.get(imageKey(reference));
}

/** Known names within a few edits of a misspelt one, closest first; names of the same series rank first. */
export function closestVmSizeNames(name: string, limit: number): string[] {
  const wanted = name.trim().toLowerCase();
  const withPrefix = wanted.startsWith('standard_') ? wanted : `standard_${wanted}`;
  const series = seriesOf(withPrefix);
  const maxDistance = Math.max(2, Math.floor(wanted.length / 5));
  // The edit distance is at least the difference in length: skipping those too far apart keeps a hostile name of megabytes fast.
  const within = (key: string) => Math.min(Math.abs(wanted.length - key.length), Math.abs(withPrefix.length - key.length)) <= maxDistance;
  return [...index().sizesByName.entries()]
    .filter(([key]) => within(key))
    .map(([key, size]) => ({ size, score: Math.min(distance(wanted, key), distance(withPrefix, key)) + (seriesOf(key) === series ? 0 : 1.5) }))
    .filter(({ score }) => score <= maxDistance)
    .sort((a, b) => a.score - b.score || (a.size.name < b.size.name ? -1 : 1))
    .slice(0, limit)
    .map(({ size }) => size.name);
}

/**
 * Sizes that can boot the generation, ranked by how good a replacement they are for `size`: same CPU
 * architecture required; then Batch-supported, same series, nearest vCPU count, not retiring.
 */
export function sizesSupportingGeneration(size: VmSizeInfo, generation: HyperVGeneration, limit: number): VmSizeInfo[] {
  const key = `${size.name}|${generation}|${limit}`;
  let ranked = replacements.get(key);
  if (!ranked) {
    ranked = rankReplacements(size, generation, limit);
    replacements.set(key, ranked);
  }
  return ranked;
}

/** Many pools share a size: rank its replacements once per run. */
const replacements = new Map<string, VmSizeInfo[]>();

function rankReplacements(size: VmSizeInfo, generation: HyperVGeneration, limit: number): VmSizeInfo[] {
  const series = seriesOf(size.name);
  return (
    index()
      .catalog.vmSizes.filter((candidate) => candidate.hyperVGenerations?.includes(generation) && candidate.architecture === size.architecture && candidate.name !== size.name)
      .map((candidate) => ({
        candidate,
        score:
          (candidate.batchSupported ? 0 : 100) +
          (candidate.retirementDate ? 50 : 0) +
          (seriesOf(candidate.name) === series ? 0 : GENERAL_PURPOSE_SERIES.has(seriesOf(candidate.name)) ? 10 : 40) +
          Math.abs(Math.log2(candidate.vCPUs / size.vCPUs)) * 20,
      }))
      // Names differ, and by code unit as a tie-break: localeCompare's first call loads ICU's collation (~6 ms).
      .sort((a, b) => a.score - b.score || (a.candidate.name < b.candidate.name ? -1 : 1))
      .slice(0, limit)
      .map(({ candidate }) => candidate)
  );
}

/** Series a workload can usually move to; the specialised ones (confidential, GPU, HPC, memory-optimised M…) rank lower. */
const GENERAL_PURPOSE_SERIES = new Set(['a', 'b', 'd', 'e', 'f']);

/** The series letter(s) of a size name: Standard_D4ds_v5 → "d", Standard_NC6s_v3 → "nc". */
function seriesOf(name: string): string {
  return /^(?:standard|basic)_([a-z]+)/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** A marketplace image's key in a list of supported images: publisher, offer and SKU, without regard to case. */
export function imageKey(reference: { publisher: string; offer: string; sku: string }): string {
  return `${reference.publisher}/${reference.offer}/${reference.sku}`.toLowerCase();
}
