import { describe, expect, it } from 'vitest';
import { imageDiskControllerTypes, sizeFacts } from '../../src/live/response-shapes.ts';

describe("live mode's reading of the disk controller tags", () => {
  it("reads an image's DiskControllerTypes feature, in any spelling Azure writes it", () => {
    expect(
      imageDiskControllerTypes([
        { name: 'SecurityType', value: 'TrustedLaunchSupported' },
        { name: 'DiskControllerTypes', value: 'SCSI, NVMe' },
      ]),
    ).toEqual(['SCSI', 'NVMe']);
    expect(imageDiskControllerTypes([{ name: 'DiskControllerTypes', value: 'NVMe,SCSI' }])).toEqual(['NVMe', 'SCSI']);
    expect(imageDiskControllerTypes([{ name: 'diskControllerTypes', value: 'scsi' }])).toEqual(['SCSI']);
  });

  it('takes an image without the feature as SCSI only, and leaves a value naming neither controller unknown', () => {
    expect(imageDiskControllerTypes(undefined)).toEqual(['SCSI']);
    expect(imageDiskControllerTypes([{ name: 'IsAcceleratedNetworkSupported', value: 'True' }])).toEqual(['SCSI']);
    expect(imageDiskControllerTypes([{ name: 'DiskControllerTypes', value: 'Virtio' }])).toBeUndefined();
  });

  it("reads a size's DiskControllerTypes capability, and nothing when the SKU has none", () => {
    const sku = (name: string, capabilities: { name: string; value: string }[]) => ({ name, resourceType: 'virtualMachines', locations: ['westeurope'], capabilities });
    const facts = sizeFacts(
      [
        sku('Standard_D2as_v6', [{ name: 'DiskControllerTypes', value: 'NVMe' }]),
        sku('Standard_E4bds_v5', [{ name: 'DiskControllerTypes', value: 'SCSI, NVMe' }]),
        sku('Standard_D2_v5', []),
      ],
      ['Standard_D2as_v6', 'Standard_E4bds_v5', 'Standard_D2_v5'],
      'westeurope',
    );
    expect(Object.fromEntries(Object.entries(facts).map(([name, size]) => [name, size.diskControllerTypes]))).toEqual({
      Standard_D2as_v6: ['NVMe'],
      Standard_E4bds_v5: ['SCSI', 'NVMe'],
      Standard_D2_v5: undefined,
    });
  });
});
