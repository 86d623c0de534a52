import { describe, expect, it } from 'vitest';
import { closestVmSizeNames, findImage, findVmSize, loadCatalog, regionsOf, sizesSupportingGeneration } from '../../src/catalog/catalog.ts';
import { imageGeneration } from '../../src/catalog/image-generation.ts';
import { namesLocalDisk } from '../../src/catalog/size-name.ts';

describe('the embedded catalog', () => {
  it('says how old its data is and where it came from', () => {
    const catalog = loadCatalog();
    expect(catalog.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(catalog.sources.length).toBeGreaterThanOrEqual(4);
    expect(catalog.vmSizes.length).toBeGreaterThan(1000);
  });

  it('finds sizes case-insensitively, with what the rules need', () => {
    expect(findVmSize('STANDARD_A1_V2')).toMatchObject({ name: 'Standard_A1_v2', vCPUs: 1, hyperVGenerations: ['V1'], tempDiskGiB: 10, family: 'standardAv2Family' });
    expect(findVmSize('standard_d2_v3')?.family).toBe('standardDv3Family');
    expect(findVmSize('Standard_FX4mds')?.hyperVGenerations).toEqual(['V2']);
    expect(findVmSize('Standard_D2ps_v5')?.architecture).toBe('Arm64');
  });

  it('knows a v6 "d" size has a local NVMe disk even though its resource disk is 0', () => {
    expect(findVmSize('Standard_D2ds_v6')).toMatchObject({ tempDiskGiB: 0, hasNvmeDisk: true });
    expect(findVmSize('Standard_D2s_v5')).toMatchObject({ tempDiskGiB: 0, hasNvmeDisk: false });
  });

  it('knows a "d" size whose resource disk the vmSizes API reports as 0 MB has a local NVMe disk, of unknown size', () => {
    expect(findVmSize('Standard_NV4ads_V710_v5')).toMatchObject({ tempDiskGiB: 0, hasNvmeDisk: true });
    expect(findVmSize('Standard_NV4ads_V710_v5')!.nvmeDiskGiB).toBeUndefined();
    const diskfulNamedWithoutDisk = loadCatalog().vmSizes.filter((size) => namesLocalDisk(size.name) && size.tempDiskGiB === 0 && !size.hasNvmeDisk);
    expect(diskfulNamedWithoutDisk.map((size) => size.name)).toEqual([]);
  });

  it("carries retirement dates at day precision from Microsoft's retirement pages", () => {
    const retirement = (name: string) => findVmSize(name)?.retirementDate;
    expect(retirement('Standard_D2_v2')).toBe('2028-05-01');
    expect(retirement('Standard_DS3_v2_Promo')).toBe('2028-05-01');
    expect(retirement('Standard_L8s')).toBe('2028-05-01');
    expect(retirement('Standard_A2_v2')).toBe('2028-11-15');
    expect(retirement('Standard_B2ms')).toBe('2028-11-15');
    expect(retirement('Standard_F4s_v2')).toBe('2028-11-15');
    expect(retirement('Standard_L8s_v2')).toBe('2028-11-15');
    expect(retirement('Standard_GS2')).toBe('2028-11-15');
    expect(retirement('Standard_NC6s_v3')).toBe('2025-09-30');
    expect(findVmSize('Standard_NC6s_v3')!.regionalRetirementDates).toMatchObject({ jioindiawest: '2027-06-30', usgovvirginia: '2026-06-30' });
    expect(retirement('Standard_NV12s_v3')).toBe('2026-09-30');
    expect(retirement('Standard_NV8as_v4')).toBe('2026-09-30');
    expect(retirement('Standard_HB120rs_v2')).toBe('2027-05-31');
    expect(retirement('Standard_HC44rs')).toBe('2027-05-31');
    expect(retirement('Standard_M192ims_v2')).toBe('2027-03-31');
    expect(retirement('Standard_A2')).toBe('2024-08-31');
    expect(retirement('Basic_A1')).toBe('2024-08-31');
    expect(retirement('Standard_A1_v2')).toBe('2028-11-15');
    expect(retirement('Standard_D2s_v3')).toBeUndefined();
    expect(retirement('Standard_M208s_v2')).toBeUndefined();
  });

  it("does not turn the collector's subscription restrictions into facts", () => {
    expect(Object.keys(findVmSize('Standard_D2s_v3')!)).not.toContain('restrictions');
  });

  it('suggests near names for a misspelt size, and none for nonsense', () => {
    expect(closestVmSizeNames('Standard_D2s_v33', 3)).toContain('Standard_D2s_v3');
    expect(closestVmSizeNames('D2s_v3', 3)[0]).toBe('Standard_D2s_v3');
    expect(closestVmSizeNames('Huge_Machine_9000', 3)).toEqual([]);
    // Names as near as each other come in code-unit order, the same whatever ICU data Node was built with.
    expect(closestVmSizeNames('D11_v2', 3)).toEqual(['Standard_D11_v2', 'Standard_D12_v2', 'Standard_D13_v2']);
  });

  it('suggests Gen2-capable replacements of similar vCPUs and the same architecture', () => {
    const a1 = findVmSize('Standard_A1_v2')!;
    const suggestions = sizesSupportingGeneration(a1, 'V2', 3);
    expect(suggestions).toHaveLength(3);
    for (const size of suggestions) {
      expect(size.hyperVGenerations).toContain('V2');
      expect(size.architecture).toBe('x64');
      expect(size.vCPUs).toBeLessThanOrEqual(2);
    }
  });

  it('finds Batch-supported images case-insensitively', () => {
    expect(findImage({ publisher: 'Canonical', offer: '0001-COM-UBUNTU-SERVER-JAMMY', sku: '22_04-lts-gen2' })).toMatchObject({
      nodeAgentSkuId: 'batch.node.ubuntu 22.04',
      generation: 'V2',
      osType: 'linux',
    });
  });
});

describe('imageGeneration', () => {
  const marketplace = (publisher: string, offer: string, sku: string) => imageGeneration({ publisher, offer, sku });

  it('reads the catalog first', () => {
    expect(marketplace('MicrosoftWindowsServer', 'WindowsServer', '2022-datacenter')).toMatchObject({ known: true, generation: 'V1' });
    expect(marketplace('MicrosoftWindowsServer', 'WindowsServer', '2022-datacenter-g2')).toMatchObject({ known: true, generation: 'V2' });
  });

  it('reads generation markers in SKU names it has no entry for', () => {
    expect(marketplace('Canonical', '0001-com-ubuntu-server-focal', '20_04-lts-gen2')).toMatchObject({ known: true, generation: 'V2' });
    expect(marketplace('contoso', 'desktop', '20h2-pro-g2')).toMatchObject({ known: true, generation: 'V2' });
    expect(marketplace('MicrosoftWindowsServer', 'WindowsServer', '2019-datacenter-gensecond')).toMatchObject({ known: true, generation: 'V2' });
    expect(marketplace('Canonical', 'ubuntu-24_04-lts', 'server-gen1')).toMatchObject({ known: true, generation: 'V1' });
    expect(marketplace('Canonical', 'ubuntu-24_04-lts', 'server')).toMatchObject({ known: true, generation: 'V2' });
    expect(marketplace('Canonical', 'ubuntu-22_04-lts', 'server')).toMatchObject({ known: true, generation: 'V2' });
    expect(marketplace('Canonical', 'ubuntu-22_04-lts', 'server-gen1')).toMatchObject({ known: true, generation: 'V1' });
    expect(marketplace('Canonical', 'ubuntu-22_04-lts', 'ubuntu-pro-fips-gen1')).toMatchObject({ known: true, generation: 'V1' });
    expect(marketplace('canonical', 'ubuntu-25_10', 'minimal')).toMatchObject({ known: true, generation: 'V2' });
    expect(marketplace('Canonical', 'ubuntuserver', 'server').known).toBe(false);
  });

  it('keeps unknown what the definition does not say', () => {
    expect(imageGeneration({ virtualMachineImageId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/galleries/g/images/i' })).toMatchObject({ known: false });
    expect(imageGeneration({ sharedGalleryImageId: '/SharedGalleries/x/Images/y' })).toMatchObject({ known: false });
    expect(marketplace('contoso', 'render-node', '2025')).toMatchObject({ known: false });
    expect(marketplace('microsoft-dsvm', 'ubuntu-hpc', '2204')).toMatchObject({ known: false });
  });
});

describe('regionsOf', () => {
  it('decodes where a size is offered', () => {
    const regions = regionsOf(findVmSize('Standard_D2s_v3')!);
    expect(regions).toContain('eastus');
    expect(regions).toContain('westeurope');
    expect(regions.length).toBeGreaterThan(30);
    expect(regions.length).toBeLessThanOrEqual(loadCatalog().regions.length);
  });
});

describe('suggestions for a size of a series the catalog no longer lists', () => {
  it('does not offer sizes of another series that happen to be a few letters away', () => {
    expect(closestVmSizeNames('Standard_NC6', 3)).toEqual([]);
    expect(closestVmSizeNames('Standard_NC6s_v33', 3)[0]).toBe('Standard_NC6s_v3');
  });
});
