import { seriesVersion } from './size-name.ts';
import type { DiskControllerType, VmSizeInfo } from './types.ts';

/**
 * VM size series that boot only from the NVMe disk controller, each with the public source that says so. The
 * catalog build (scripts/build-catalog.ts) stamps their sizes `diskControllerTypes: ['NVMe']`. The Resource SKU
 * capability `DiskControllerTypes` is the authority (live mode reads it); this table is for offline runs, so a
 * series is listed only where a source names it, never because its name looks new.
 */
interface NvmeOnlySeries {
  series: string;
  /** Quota family ids (case-insensitive) of the series. */
  families: readonly string[];
  source: string;
}

const SIZES = 'https://learn.microsoft.com/azure/virtual-machines/sizes';
/** The series page's note: the series works only on OS images that support NVMe. */
const page = (category: string, series: string) => `${SIZES}/${category}/${series}-series`;

const NVME_ONLY_SERIES: readonly NvmeOnlySeries[] = [
  { series: 'Dasv6', families: ['standardDav6Family'], source: page('general-purpose', 'dasv6') },
  { series: 'Dadsv6', families: ['standardDadv6Family'], source: page('general-purpose', 'dadsv6') },
  { series: 'Dalsv6', families: ['standardDalv6Family'], source: page('general-purpose', 'dalsv6') },
  { series: 'Daldsv6', families: ['standardDaldv6Family'], source: page('general-purpose', 'daldsv6') },
  { series: 'Easv6', families: ['standardEav6Family'], source: page('memory-optimized', 'easv6') },
  { series: 'Eadsv6', families: ['standardEadv6Family'], source: page('memory-optimized', 'eadsv6') },
  { series: 'Epdsv6', families: ['standardEpdsv6Family'], source: page('memory-optimized', 'epdsv6') },
  { series: 'Fasv6', families: ['standardFasv6Family'], source: page('compute-optimized', 'fasv6') },
  { series: 'Falsv6', families: ['standardFalsv6Family'], source: page('compute-optimized', 'falsv6') },
  { series: 'Famsv6', families: ['standardFamsv6Family'], source: page('compute-optimized', 'famsv6') },
  { series: 'Dsv7', families: ['standardDsv7Family'], source: page('general-purpose', 'dsv7') },
  { series: 'Dasv7', families: ['standardDasv7Family'], source: page('general-purpose', 'dasv7') },
  { series: 'Easv7', families: ['standardEasv7Family'], source: page('memory-optimized', 'easv7') },
  { series: 'Esv7', families: ['standardEsv7Family'], source: page('memory-optimized', 'esv7') },
  // The series pages say nothing; the Resource SKUs API does (DiskControllerTypes "NVMe" for Standard_D128ds_v6),
  // and Azure refuses untagged images on these sizes with "cannot boot with OS image or disk".
  { series: 'Ddsv6', families: ['standardDdsv6Family'], source: 'https://github.com/Azure/karpenter-provider-azure/blob/main/pkg/fake/zz_generated.sku.southcentralus.go' },
  { series: 'Dsv6', families: ['standardDsv6Family'], source: 'https://github.com/kubernetes-sigs/image-builder/pull/1875 (Standard_D8s_v6)' },
  { series: 'Dadsv7', families: ['standardDadsv7Family'], source: 'https://github.com/skypilot-org/skypilot/issues/10375 (Standard_D2ads_v7)' },
];

/** The NVMe-only series a size belongs to, by its quota family. */
export function nvmeOnlySeries(family: string | undefined): NvmeOnlySeries | undefined {
  const key = family?.toLowerCase();
  return key === undefined ? undefined : NVME_ONLY_SERIES.find((entry) => entry.families.some((id) => id.toLowerCase() === key));
}

/**
 * The disk controllers a size boots from, as its entry says (the catalog's, or the environment's); undefined for a
 * v6 or later size no entry describes. Earlier generations boot from SCSI (Microsoft's NVMe FAQ: D/Ev5, Fv2 and
 * older support SCSI).
 */
export function bootDiskControllers(size: Pick<VmSizeInfo, 'name' | 'diskControllerTypes'>): readonly DiskControllerType[] | undefined {
  if (size.diskControllerTypes?.length) return size.diskControllerTypes;
  return seriesVersion(size.name) < 6 ? ['SCSI'] : undefined;
}
