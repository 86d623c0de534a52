import type { DiskControllerType, VmSizeInfo } from '../src/catalog/types.ts';
import { bootDiskControllers } from '../src/catalog/nvme-only-series.ts';
import type { Fact, ImageReferenceInput } from '../src/model/facts.ts';
import type { PoolRule } from '../src/model/rule.ts';
import { describeImage } from '../src/pool/image-source.ts';
import { isKnown } from '../src/model/unknown.ts';

const IMAGE_FIELDS = ['publisher', 'offer', 'sku', 'version', 'virtualMachineImageId', 'sharedGalleryImageId', 'communityGalleryImageId'] as const;

export const nvmeDiskControllerRule: PoolRule = {
  meta: {
    id: 'nvme-disk-controller',
    description: 'The VM size boots only from the NVMe disk controller and the image is not tagged for NVMe: Azure refuses to create the nodes.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog', 'environment'],
    messages: {
      untaggedImage:
        '{{vmSize}} boots only from the NVMe disk controller, but the image ({{image}}) is not tagged for NVMe ({{basis}}): ' +
        'Azure refuses to create its VMs ("The VM size \'{{vmSize}}\' cannot boot with OS image or disk"), so the pool never gets a node. ' +
        'Use an image whose DiskControllerTypes includes NVMe (for a Compute Gallery image, a definition with the feature ' +
        'DiskControllerTypes "SCSI, NVMe"), or a size that still boots from SCSI, such as one of the v5 series.',
    },
    docs: {
      fixableNote: 'the right size or image is a choice only you can make',
      facts:
        "embedded catalog: the series documented as NVMe-only; a context file or `--live`: the image's DiskControllerTypes tag (gallery or marketplace) and the size's DiskControllerTypes capability",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    const configuration = known(pool.spec.virtualMachineConfiguration, 'the virtual machine configuration');
    if (typeof vmSize !== 'string' || !isKnown(configuration)) return;
    const image = known(configuration.imageReference, 'the image reference');
    if (!isKnown(image)) return;
    const size = facts.vmSize(vmSize);
    if (!size) return; // vm-size-unknown reports it
    const sizeControllers = fact(diskControllersOf(size));
    if (sizeControllers.includes('SCSI')) return;

    const reference: ImageReferenceInput = {};
    for (const field of IMAGE_FIELDS) {
      const value = known(image[field], `the image ${field}`);
      if (typeof value === 'string') reference[field] = value;
    }
    const generation = facts.imageGeneration(reference);
    // No Generation 1 image boots from NVMe; vm-size-hypervisor-generation already reports a size that cannot boot it.
    if (generation.known && generation.value.generation === 'V1' && !size.hyperVGenerations?.includes('V1')) return;
    const imageControllers = facts.imageDiskControllers(reference);
    if (!imageControllers.known) return notChecked(`whether the image is tagged for NVMe is unknown: ${imageControllers.reason}`);
    if (imageControllers.value.types.includes('NVMe')) return;
    report({
      path: ['vmSize'],
      messageId: 'untaggedImage',
      data: { vmSize, image: describeImage(reference), basis: imageControllers.value.basis },
    });
  },
};

/** The disk controllers the size boots from; unknown for a v6 or later size no source describes. */
function diskControllersOf(size: VmSizeInfo): Fact<readonly DiskControllerType[]> {
  const controllers = bootDiskControllers(size);
  if (controllers) return { known: true, value: controllers };
  return {
    known: false,
    reason: `no source here says which disk controllers ${size.name} boots from; vmSizes.${size.name}.diskControllerTypes in the context file, or --live, can tell it`,
  };
}
