import type { PoolRule } from '../src/model/rule.ts';
import { nodeAgentOsType } from '../src/pool/os-type.ts';
import { isKnown, isUnknown } from '../src/model/unknown.ts';

const AGENT_PATH = ['virtualMachineConfiguration', 'nodeAgentSKUId'];
const OS_NAME = { linux: 'Linux', windows: 'Windows' } as const;

export const imageNodeAgentMismatchRule: PoolRule = {
  meta: {
    id: 'image-node-agent-mismatch',
    description: "The node agent SKU is not the one Batch's supported-images list pairs with the marketplace image: the agent does not fit the image and nodes do not start.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      otherOs:
        '{{agent}} is a {{agentOs}} node agent, but the image {{image}} is {{imageOs}}: Batch installs the agent the pool names, ' +
        'so its nodes do not start. Batch pairs this image with {{expected}}; use that, or a {{agentOs}} image.',
      otherAgent:
        "{{agent}} is not the node agent for the image {{image}}: Batch's supported-images list pairs it with {{expected}}, " +
        'and a node agent that does not match the image keeps the nodes from starting. Use {{expected}}, or an image made for {{agent}}.',
    },
    docs: {
      fixableNote: 'whether the agent or the image is the wrong half is a choice only you can make',
      facts: "Batch's supported-images list (the node agent of each marketplace image): the account's, read by --live or given in a context file, else the embedded catalog's copy",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const configuration = known(pool.spec.virtualMachineConfiguration, 'the virtual machine configuration');
    if (!isKnown(configuration)) return;
    const agent = known(configuration.nodeAgentSKUId, 'the node agent SKU');
    const image = known(configuration.imageReference, 'the image reference');
    if (typeof agent !== 'string' || !isKnown(image)) return; // pool-schema reports a missing one

    if (image.virtualMachineImageId || image.sharedGalleryImageId || image.communityGalleryImageId) {
      return notChecked("a custom or Compute Gallery image: Batch's supported-images list pairs only marketplace images with node agents");
    }
    const { publisher, offer, sku } = image;
    if (isUnknown(publisher) || isUnknown(offer) || isUnknown(sku)) return notChecked('part of the image reference is not known statically');
    if (!publisher || !offer || !sku) return; // pool-schema reports an incomplete reference
    const listed = facts.image({ publisher, offer, sku });
    if (!listed) return notChecked(`${facts.supportedImagesList} does not list the image ${publisher}/${offer}/${sku}`);
    if (agent.trim().toLowerCase() === listed.nodeAgentSkuId.toLowerCase()) return;

    const agentOs = nodeAgentOsType(agent);
    const data = { agent, image: `${publisher}/${offer}/${sku}`, expected: listed.nodeAgentSkuId, agentOs: OS_NAME[agentOs], imageOs: OS_NAME[listed.osType] };
    report({ path: AGENT_PATH, messageId: agentOs === listed.osType ? 'otherAgent' : 'otherOs', data });
  },
};
