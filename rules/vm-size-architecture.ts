import type { PoolRule } from '../src/model/rule.ts';
import { poolImageArchitecture } from '../src/pool/image-architecture.ts';
import { isKnown } from '../src/model/unknown.ts';

export const vmSizeArchitectureRule: PoolRule = {
  meta: {
    id: 'vm-size-architecture',
    description: 'The VM size has another CPU architecture than the image (an Arm64 size with an x64 image, or the reverse): no node can boot it.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      otherArchitecture:
        '{{vmSize}} is an {{sizeArchitecture}} size, but the image is built for {{imageArchitecture}} ({{basis}}): ' +
        'an {{sizeArchitecture}} VM cannot boot it, so the pool never gets a working node. {{remedy}}',
    },
    docs: {
      fixableNote: 'the right size or image is a choice only you can make',
      facts: "embedded catalog: the size's CPU architecture, Batch's supported-images list; the architecture a node agent id or image SKU names",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    const configuration = known(pool.spec.virtualMachineConfiguration, 'the virtual machine configuration');
    if (typeof vmSize !== 'string' || !isKnown(configuration)) return;
    const size = facts.vmSize(vmSize);
    if (!size) return; // vm-size-unknown reports it
    if (!size.architecture) return notChecked(`the catalog does not say which CPU architecture ${size.name} has`);
    // A part not known statically might name the other architecture: decide only from a definition read whole.
    known(configuration.nodeAgentSKUId, 'the node agent SKU');
    const reference = known(configuration.imageReference, 'the image reference');
    if (isKnown(reference)) for (const part of ['publisher', 'offer', 'sku'] as const) known(reference[part], `the image ${part}`);
    const image = poolImageArchitecture(configuration, facts);
    if (!image.known) return notChecked(`the image's CPU architecture is unknown: ${image.reason}`);
    if (image.architecture === size.architecture) return;

    const remedy =
      image.architecture === 'Arm64'
        ? 'Use an Arm64 size (such as the Dpsv5 or Dpsv6 series), or an x64 image with its node agent.'
        : 'Use an x64 size, or an Arm64 image (such as an "-arm64" SKU) with its Arm64 node agent.';
    report({
      path: ['vmSize'],
      messageId: 'otherArchitecture',
      data: { vmSize, sizeArchitecture: size.architecture, imageArchitecture: image.architecture, basis: image.basis, remedy },
    });
  },
};
