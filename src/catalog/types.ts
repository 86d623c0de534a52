export type HyperVGeneration = 'V1' | 'V2';
export type CpuArchitecture = 'x64' | 'Arm64';
export type OsType = 'linux' | 'windows';
/** The disk controllers a VM size can boot from, or an image is tagged for (Azure's `DiskControllerTypes`). */
export type DiskControllerType = 'SCSI' | 'NVMe';

/** What the embedded catalog knows of one VM size. An absent optional field means "not known", never "none". */
export interface VmSizeInfo {
  /** Canonical casing, e.g. `Standard_A1_v2`. */
  name: string;
  vCPUs: number;
  /** Quota family id, e.g. `standardDv3Family`. */
  family?: string;
  memoryGiB?: number;
  hyperVGenerations?: HyperVGeneration[];
  architecture?: CpuArchitecture;
  /** SCSI resource (temp) disk in GiB; 0 means the size has none. */
  tempDiskGiB?: number;
  /** Whether the size has local NVMe temp disks (the v6 "d" sizes); Batch formats and mounts them itself. */
  hasNvmeDisk?: boolean;
  /** Total size of the local NVMe temp disks in GiB, when known. */
  nvmeDiskGiB?: number;
  /** The disk controllers the size boots from; absent when no source says (only NVMe-only series are listed offline). */
  diskControllerTypes?: DiskControllerType[];
  /** Whether Azure Batch lists the size as supported. */
  batchSupported?: boolean;
  /**
   * Regions the size is offered in (by any subscription), as a hexadecimal bit mask over the catalog's
   * `regions`; read it with `regionsOf`. A mask keeps the file small enough to load on every run.
   */
  regionMask: string;
  /** ISO date on which the size's series retires. */
  retirementDate?: string;
  /** Later retirement dates in the regions named (catalog region names), where Azure extended the series. */
  regionalRetirementDates?: Record<string, string>;
}

/** A Batch-supported marketplace image as ListSupportedImages reports it. */
export interface ImageInfo {
  publisher: string;
  offer: string;
  sku: string;
  nodeAgentSkuId: string;
  osType: OsType;
  generation?: HyperVGeneration;
  /** ISO date after which Batch refuses new pools with this image. */
  batchSupportEndOfLife?: string;
  /**
   * The image's capabilities as ListSupportedImages reports them (e.g. `DockerCompatible`); an empty list when it
   * reports none, absent when the source does not say.
   */
  capabilities?: string[];
}

export interface Catalog {
  /** Date of the newest data the catalog was built from (ISO date). */
  dataDate: string;
  /** One line per input data set: what it is and how old. */
  sources: string[];
  /** Every region some size is offered in; bit i of a size's regionMask is regions[i]. */
  regions: string[];
  vmSizes: VmSizeInfo[];
  images: ImageInfo[];
}
