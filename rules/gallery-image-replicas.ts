import type { PoolRule, Report } from '../src/model/rule.ts';
import { virtualMachineImageId } from '../src/pool/image-source.ts';
import { nodeDemand, type NodeDemand } from '../src/pool/node-demand.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** Batch's guidance for Azure Compute Gallery images: at least one replica for every 300 nodes (batch-sig-images.md). */
const NODES_PER_REPLICA = 300;

/** An Azure Compute Gallery image version, or an image definition (which gives its latest version). */
const GALLERY_IMAGE_ID = /\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+(\/versions\/[^/]+)?\/?$/i;

const IMAGE_ID_PATH = ['virtualMachineConfiguration', 'imageReference', 'virtualMachineImageId'];

export const galleryImageReplicasRule: PoolRule = {
  meta: {
    id: 'gallery-image-replicas',
    description: "A pool from an Azure Compute Gallery image whose version has no replica in the Batch account's region, or fewer than one per 300 nodes.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      noReplicaInRegion:
        "The image {{image}} has no replica in the Batch account's region{{region}}, and Batch creates nodes from a gallery image only " +
        "through a replica in the account's region: no node of this pool can be allocated. Add {{regionName}} to the image version's " +
        'target regions (publishingProfile.targetRegions), or use an image version replicated there.',
      tooFewReplicas:
        '{{asked}} {{nodes}} nodes ({{dedicated}} dedicated + {{spot}} Spot) from the image {{image}}, which has {{replicas}} replica(s) ' +
        "in the Batch account's region{{region}}. Batch recommends at least one replica per 300 nodes, {{needed}} for this pool: with fewer, " +
        "the nodes allocate more slowly and a fixed-size pool may hit its resize timeout. Raise the image version's regionalReplicaCount " +
        'for the region to at least {{needed}}.',
    },
    docs: {
      severityNote: 'too few replicas for the node count is a warning: Batch recommends the count, and the pool still grows, only more slowly',
      fixableNote: 'the replicas are set on the image version in Azure, not in the pool definition',
      facts:
        "Azure environment: a context file or `--live` — the image version's replica count in the Batch account's region (`images.<id>.replicaCount`); " +
        "live mode reads it for a pinned version, not for an image definition's latest version",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const demand = nodeDemand(pool.spec);
    const nodes = isUnknown(demand) ? undefined : demand.dedicated + demand.spot;
    const imageId = virtualMachineImageId(pool.spec);
    // An image id left open (a template parameter) is seldom a gallery image's: only a pool that could need more than one replica is listed as not checked.
    if (isUnknown(imageId) && nodes !== undefined && nodes <= NODES_PER_REPLICA) return;
    const id = known(imageId, 'the custom image id');
    if (typeof id !== 'string' || !GALLERY_IMAGE_ID.test(id)) return;

    const replicas = fact(facts.imageReplicas(id));
    const location = facts.location();
    const region = location.known ? ` (${location.value})` : '';
    if (replicas === 0) {
      report({ path: IMAGE_ID_PATH, messageId: 'noReplicaInRegion', data: { image: id, region, regionName: location.known ? location.value : "the account's region" } });
      return;
    }
    if (isUnknown(demand)) return notChecked(`the node count of this pool from a gallery image is not known: ${demand.reason}`);
    const needed = Math.ceil(nodes! / NODES_PER_REPLICA);
    if (replicas >= needed) return;
    report(shortage(demand, { image: id, region, replicas, needed }));
  },
};

/** Where the node count was asked for: a fixed target, or an autoscale formula's upper bound (what it may ask for, on the formula). */
function shortage(demand: NodeDemand, data: { image: string; region: string; replicas: number; needed: number }): Report {
  const target = demand.dedicated > 0 ? 'targetDedicatedNodes' : 'targetLowPriorityNodes';
  return {
    path: demand.fromFormula ? ['autoScaleFormula'] : [target],
    severity: 'warning',
    messageId: 'tooFewReplicas',
    data: {
      ...data,
      asked: demand.fromFormula ? 'The autoscale formula can ask for up to' : 'The pool asks for',
      nodes: demand.dedicated + demand.spot,
      dedicated: demand.dedicated,
      spot: demand.spot,
    },
  };
}
