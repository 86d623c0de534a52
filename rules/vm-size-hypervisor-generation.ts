import type { HyperVGeneration, VmSizeInfo } from '../src/catalog/types.ts';
import type { PoolRule } from '../src/model/rule.ts';
import { describeImage } from '../src/pool/image-source.ts';
import type { ImageReferenceInput } from '../src/model/facts.ts';
import { isKnown, isUnknown } from '../src/model/unknown.ts';

const GENERATION_NAME: Record<HyperVGeneration, string> = { V1: 'Generation 1', V2: 'Generation 2' };

export const vmSizeHypervisorGenerationRule: PoolRule = {
  meta: {
    id: 'vm-size-hypervisor-generation',
    description: "The VM size cannot boot the image's Hyper-V generation: the pool is created but no node ever starts (AllocationFailed).",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      cannotBoot:
        '{{vmSize}} can boot only {{sizeGenerations}} images, but the image ' +
        '({{image}}) is {{imageGeneration}} ({{basis}}): the pool will be created and then fail ' +
        'to allocate any node (AllocationFailed). {{remedy}}',
    },
    docs: {
      fixableNote: 'the right size or image is a choice only you can make',
      facts: "embedded catalog: the size's Hyper-V generations, a marketplace image's generation; a context file or `--live`, when given: a gallery or managed image's generation",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    const { virtualMachineConfiguration } = pool.spec;
    if (typeof vmSize !== 'string' || !isKnown(virtualMachineConfiguration)) return;
    const image = known(virtualMachineConfiguration.imageReference, 'the image reference');
    if (!isKnown(image)) return;

    const size = facts.vmSize(vmSize);
    if (!size) return; // vm-size-unknown reports it
    if (!size.hyperVGenerations) return notChecked(`the catalog does not say which Hyper-V generations ${size.name} supports`);
    const reference = knownFields(image);
    if (!reference) return notChecked('part of the image reference is not known statically');
    const imageGeneration = facts.imageGeneration(reference);
    if (!imageGeneration.known) return notChecked(`the image's Hyper-V generation is unknown: ${imageGeneration.reason}`);

    const { generation, basis } = imageGeneration.value;
    if (size.hyperVGenerations.includes(generation)) return;
    report({
      path: ['vmSize'],
      messageId: 'cannotBoot',
      data: {
        vmSize,
        sizeGenerations: size.hyperVGenerations.map((g) => GENERATION_NAME[g]).join(' and '),
        image: describeImage(reference),
        imageGeneration: GENERATION_NAME[generation],
        basis,
        remedy: remedy(facts.sizesSupportingGeneration(size, generation, 3), generation),
      },
    });
  },
};

function knownFields(image: object): ImageReferenceInput | undefined {
  const reference: Record<string, string> = {};
  for (const [key, value] of Object.entries(image)) {
    if (isUnknown(value)) return undefined;
    if (typeof value === 'string') reference[key] = value;
  }
  return reference;
}

function remedy(alternatives: VmSizeInfo[], generation: HyperVGeneration): string {
  const otherImage = generation === 'V2' ? 'or use the Generation 1 SKU of the image' : 'or use a Generation 2 SKU of the image (e.g. a "-gen2" SKU)';
  if (alternatives.length === 0) return `Pick a size that supports ${GENERATION_NAME[generation]}, ${otherImage}.`;
  const names = alternatives.map((size) => `${size.name} (${size.vCPUs} vCPU${size.vCPUs === 1 ? '' : 's'})`).join(', ');
  return `Use a size that supports ${GENERATION_NAME[generation]}, such as ${names}, ${otherImage}.`;
}
