// npm run catalog:build -- <data dir> [output file]
// Builds the embedded catalog (src/catalog/data/catalog.json) from the public Azure data described in
// the data dir's PROVENANCE.md. Only facts are carried over, in the project's own compact shape.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { namesLocalDisk, seriesVersion } from '../src/catalog/size-name.ts';
import { nvmeOnlySeries } from '../src/catalog/nvme-only-series.ts';
import { sizeRetirement } from '../src/catalog/size-retirements.ts';
import type { Catalog, CpuArchitecture, HyperVGeneration, ImageInfo, OsType, VmSizeInfo } from '../src/catalog/types.ts';

const [dataDir, output = 'src/catalog/data/catalog.json'] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: npm run catalog:build -- <data dir> [output file]');
  process.exit(2);
}

// The shapes of the public data files, as far as this script reads them; the files are trusted input.
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(dataDir, path), 'utf8')) as T;

interface SkuRegionFile {
  lastUpdated: string;
  region: string;
  skus: { name: string; vCPUs: number; memoryGB: number; cpuArchitecture: string; hyperVGenerations?: string; family: string }[];
}

interface BatchSizeRow {
  VmSize: string;
  VmFamily?: string;
  VCpusAvailable?: number;
  MemoryInGiB?: number;
  HyperVGenerations?: HyperVGeneration[];
  ResourceDiskSizeInGiB?: number;
  NvmeDiskSizeInGiB?: number;
  RegionsAvailable?: string[];
}

interface ComputeSizeRow {
  name: string;
  numberOfCores: number;
  memoryInMB: number;
  resourceDiskSizeInMB: number;
}

interface SupportedImageRow {
  imageReference: { publisher: string; offer: string; sku: string };
  nodeAgentSKUId: string;
  osType: string;
  capabilities?: string[];
  batchSupportEndOfLife?: string;
}

interface ImageList {
  value: SupportedImageRow[];
}

interface Draft extends Partial<VmSizeInfo> {
  name: string;
  regionSet: Set<string>;
}

const sizes = new Map<string, Draft>();
function draft(name: string): Draft {
  const key = name.toLowerCase();
  let entry = sizes.get(key);
  if (!entry) {
    entry = { name, regionSet: new Set() };
    sizes.set(key, entry);
  }
  return entry;
}

// 1. Resource SKUs per region (2026-08): the newest and widest source, so it wins on vCPUs, memory,
//    generations, architecture and the quota family. Its `restrictions` belong to the subscription that
//    collected them, never to the user's, so they are not read.
const skuDir = 'skus/djtools-vm-sku-locator';
const skuFiles = readdirSync(join(dataDir, skuDir)).filter((file) => /^[a-z0-9]+\.json$/.test(file) && !['metadata.json', 'regions.json', 'retirements.json'].includes(file));
let skuDate = '';
for (const file of skuFiles.sort()) {
  const region = readJson<SkuRegionFile>(join(skuDir, file));
  if (region.lastUpdated > skuDate) skuDate = region.lastUpdated;
  for (const sku of region.skus) {
    const entry = draft(sku.name);
    entry.name = sku.name;
    entry.vCPUs = sku.vCPUs;
    entry.memoryGiB = sku.memoryGB;
    entry.architecture = sku.cpuArchitecture as CpuArchitecture;
    if (sku.hyperVGenerations) entry.hyperVGenerations = parseGenerations(sku.hyperVGenerations);
    if (/^standard[A-Za-z0-9_]*Family$/i.test(sku.family)) entry.family = `s${sku.family.slice(1)}`;
    entry.regionSet.add(region.region);
  }
}

// 2. Batch-supported sizes (2025-03, filtered by the TES project, so absence means nothing): Batch support,
//    the quota family id where the SKU list spells it as a display name, and the NVMe local disk.
const batchSizes = readJson<BatchSizeRow[]>('batch-vm-skus/ga4gh-tes_BatchSupportedVmSizeInformation_AZURECLOUD.json');
for (const row of batchSizes) {
  const entry = draft(row.VmSize);
  entry.batchSupported = true;
  entry.family ??= row.VmFamily;
  entry.vCPUs ??= row.VCpusAvailable;
  entry.memoryGiB ??= row.MemoryInGiB;
  entry.hyperVGenerations ??= row.HyperVGenerations;
  if (entry.tempDiskGiB === undefined && typeof row.ResourceDiskSizeInGiB === 'number') entry.tempDiskGiB = row.ResourceDiskSizeInGiB;
  if (typeof row.NvmeDiskSizeInGiB === 'number' && row.NvmeDiskSizeInGiB > 0) {
    entry.hasNvmeDisk = true;
    entry.nvmeDiskGiB = Math.round(row.NvmeDiskSizeInGiB);
  }
  for (const region of row.RegionsAvailable ?? []) entry.regionSet.add(region);
}

// 3. The Compute vmSizes API per region (2025-04): the temp (resource) disk. A 0 there means either no
//    local disk or — on sizes with a "d" — a local NVMe disk that this API does not report.
const sizeDir = 'skus/nextflow-vm-list-size';
for (const file of readdirSync(join(dataDir, sizeDir))
  .filter((name) => name.startsWith('vm-list-size-'))
  .sort()) {
  for (const row of readJson<ComputeSizeRow[]>(join(sizeDir, file))) {
    const entry = draft(row.name);
    entry.vCPUs ??= row.numberOfCores;
    entry.memoryGiB ??= round(row.memoryInMB / 1024);
    const tempDiskGiB = Math.round(row.resourceDiskSizeInMB / 1024);
    entry.tempDiskGiB = Math.max(entry.tempDiskGiB ?? 0, tempDiskGiB);
    entry.regionSet.add(file.slice('vm-list-size-'.length, -'.json'.length));
  }
}

// A size with the "d" feature letter has a local disk. Where it is v6 or later, or the vmSizes API reports a
// 0 MB resource disk for it (e.g. Standard_NV4ads_V710_v5), that disk is NVMe, which this API does not
// report; its size is unknown unless the Batch list gave it. Other sizes with a known 0 MB resource disk
// and no NVMe entry have no local disk at all.
for (const entry of sizes.values()) {
  if (entry.hasNvmeDisk) continue;
  if (namesLocalDisk(entry.name) && (seriesVersion(entry.name) >= 6 || entry.tempDiskGiB === 0)) entry.hasNvmeDisk = true;
  else if (entry.tempDiskGiB === 0) entry.hasNvmeDisk = false;
}

// 4. Series retirements, at day precision, from the project's own table of Microsoft's retirement pages.
for (const entry of sizes.values()) {
  const retirement = sizeRetirement(entry.name, entry.family);
  if (!retirement) continue;
  entry.retirementDate = retirement.date;
  if (retirement.laterIn) entry.regionalRetirementDates = { ...retirement.laterIn };
}

// 5. The disk controller of the series a public source names as NVMe-only (src/catalog/nvme-only-series.ts).
for (const entry of sizes.values()) if (nvmeOnlySeries(entry.family)) entry.diskControllerTypes = ['NVMe'];

// 6. Batch-supported images, newest list first; the first list to name an image wins.
const imageLists: [string, (path: string) => SupportedImageRow[], string][] = [
  ['batch-images/azure-batch-cli-extensions_supportedimages_uksouth_2022-09.json', (path) => readJson<ImageList>(path).value, '2022-09'],
  [
    'batch-images/rest-api-specs_batch-dataplane_2024-07-01.20.0_AccountListSupportedImages.json',
    (path) => readJson<{ responses: Record<'200', { body: ImageList }> }>(path).responses['200'].body.value,
    'example',
  ],
  ['batch-images/azure-sdk-for-node_supportedimages_japaneast_2020-03.json', (path) => readJson<ImageList>(path).value, '2020-03'],
];
const images = new Map<string, ImageInfo>();
for (const [path, list, date] of imageLists) {
  const generationsListed = date !== '2020-03'; // the 2020 shape has no capabilities to say Generation2VMImage
  const capabilitiesRecorded = date !== 'example'; // the REST example's capabilities are illustrative, not Batch's answer
  for (const row of list(path)) {
    const { publisher, offer, sku } = row.imageReference;
    const key = `${publisher}/${offer}/${sku}`.toLowerCase();
    if (images.has(key)) continue;
    const image: ImageInfo = { publisher, offer, sku, nodeAgentSkuId: row.nodeAgentSKUId, osType: row.osType as OsType };
    if (generationsListed) image.generation = (row.capabilities ?? []).includes('Generation2VMImage') ? 'V2' : 'V1';
    if (row.batchSupportEndOfLife) image.batchSupportEndOfLife = row.batchSupportEndOfLife.slice(0, 10);
    if (capabilitiesRecorded) image.capabilities = row.capabilities ?? [];
    images.set(key, image);
  }
}

const drafts = [...sizes.values()].filter((entry) => typeof entry.vCPUs === 'number').sort((a, b) => a.name.localeCompare(b.name));
const allRegions = [...new Set(drafts.flatMap((entry) => [...entry.regionSet]))].sort();
const vmSizes: VmSizeInfo[] = drafts.map(({ regionSet, ...entry }) => ordered({ ...entry, vCPUs: entry.vCPUs!, regionMask: regionMask([...regionSet], allRegions) }));

const catalog: Catalog = {
  dataDate: skuDate.slice(0, 10),
  sources: [
    `Compute resource SKUs, ${skuFiles.length} regions, ${skuDate.slice(0, 10)} (DarrenJohns/djtools-azure-vm-sku-locator)`,
    'Compute vmSizes per region, 2025-04 (nextflow-io/nextflow plugins/nf-azure)',
    'Batch-supported VM sizes, 2025-03 (microsoft/ga4gh-tes)',
    'VM series retirements (src/catalog/size-retirements.ts, from learn.microsoft.com retirement pages)',
    'NVMe-only VM series (src/catalog/nvme-only-series.ts, from learn.microsoft.com size pages and public reports)',
    'Batch supported images, 2022-09 uksouth and 2020-03 japaneast (Azure SDK test recordings), and the 2024-07-01 REST example',
  ],
  regions: allRegions,
  vmSizes,
  images: [...images.values()].sort((a, b) => `${a.publisher}/${a.offer}/${a.sku}`.localeCompare(`${b.publisher}/${b.offer}/${b.sku}`)),
};

// One entry per line keeps the generated diff reviewable.
const lines = [
  '{',
  `"dataDate": ${JSON.stringify(catalog.dataDate)},`,
  `"sources": ${JSON.stringify(catalog.sources)},`,
  `"regions": ${JSON.stringify(catalog.regions)},`,
  '"vmSizes": [',
  catalog.vmSizes.map((size) => JSON.stringify(size)).join(',\n'),
  '],',
  '"images": [',
  catalog.images.map((image) => JSON.stringify(image)).join(',\n'),
  ']',
  '}',
];
writeFileSync(output, lines.join('\n') + '\n');
console.log(`wrote ${output}: ${catalog.vmSizes.length} VM sizes, ${catalog.images.length} images, data of ${catalog.dataDate}`);

function regionMask(regions: string[], all: string[]): string {
  let mask = 0n;
  for (const region of regions) mask |= 1n << BigInt(all.indexOf(region));
  return mask.toString(16);
}

function parseGenerations(value: string): HyperVGeneration[] {
  return value
    .split(',')
    .map((part) => part.trim().toUpperCase())
    .filter((part): part is HyperVGeneration => part === 'V1' || part === 'V2');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A stable key order for readable output. */
function ordered(size: VmSizeInfo): VmSizeInfo {
  const {
    name,
    vCPUs,
    family,
    memoryGiB,
    hyperVGenerations,
    architecture,
    tempDiskGiB,
    hasNvmeDisk,
    nvmeDiskGiB,
    diskControllerTypes,
    batchSupported,
    retirementDate,
    regionalRetirementDates,
    regionMask,
  } = size;
  return Object.fromEntries(
    Object.entries({
      name,
      vCPUs,
      family,
      memoryGiB,
      hyperVGenerations,
      architecture,
      tempDiskGiB,
      hasNvmeDisk,
      nvmeDiskGiB,
      diskControllerTypes,
      batchSupported,
      retirementDate,
      regionalRetirementDates,
      regionMask,
    }).filter(([, value]) => value !== undefined),
  ) as unknown as VmSizeInfo;
}
