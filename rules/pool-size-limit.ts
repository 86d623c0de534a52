import type { PoolRule, Report } from '../src/model/rule.ts';
import type { PoolDefinition } from '../src/model/pool-definition.ts';
import type { Facts } from '../src/model/facts.ts';
import { virtualMachineImageId } from '../src/pool/image-source.ts';
import { nodeDemand, type NodeDemand } from '../src/pool/node-demand.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** Batch's pool size limits, which no support request raises (batch-quota-limit.md, "Pool size limits"). */
const INTER_NODE_LIMIT = { BatchService: 100, UserSubscription: 80 } as const;
const MANAGED_IMAGE_LIMIT = { dedicated: 2000, spot: 1000 } as const;
/** The lowest of the limits: a pool of at most this many nodes meets them all. */
const SMALLEST_LIMIT = INTER_NODE_LIMIT.UserSubscription;

/** A managed image resource, as opposed to an Azure Compute Gallery image (`…/galleries/…`), which these limits do not name. */
const MANAGED_IMAGE_ID = /\/providers\/Microsoft\.Compute\/images\/[^/]+\/?$/i;

export const poolSizeLimitRule: PoolRule = {
  meta: {
    id: 'pool-size-limit',
    description:
      'More nodes than Batch allows in an inter-node communication pool (100; 80 in UserSubscription mode) or a pool from a managed image (2,000 dedicated, 1,000 Spot).',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    messages: {
      interNodeTooLarge:
        '{{asked}} {{nodes}} nodes ({{dedicated}} dedicated + {{spot}} Spot) with inter-node communication enabled{{interNodeDefault}}, ' +
        'but Batch allows at most {{limit}} nodes in such a pool {{mode}}, a limit that cannot be raised: the pool never reaches that size. ' +
        'Ask for at most {{limit}} nodes, split the work across pools, or set {{interNodeOff}} if no task needs it (multi-instance tasks do).',
      managedImageTooLarge:
        '{{asked}} {{nodes}} {{kind}} nodes from a managed image, but Batch allows at most {{limit}} {{kind}} nodes in a pool created ' +
        'from a managed image resource, a limit that cannot be raised: the pool never reaches that size. Ask for at most {{limit}}, ' +
        'or use an Azure Compute Gallery image version instead (the limit is documented for managed images).',
    },
    docs: {
      severityNote: "a warning, on the formula, when the count is an autoscale formula's upper bound rather than a fixed target",
      fixableNote: 'the remedy is a design choice: fewer nodes, more pools, or another image source',
      facts:
        "optional: the Batch account's pool allocation mode, from a context file or `--live` (without it, an inter-node pool is held to 100 nodes, and 81 to 100 is not checked)",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const demand = nodeDemand(pool.spec);
    if (!isUnknown(demand) && demand.dedicated + demand.spot <= SMALLEST_LIMIT) return;
    const interNode = known(pool.spec.enableInterNodeCommunication, 'whether inter-node communication is enabled');
    if (interNode === true) {
      if (isUnknown(demand)) return notChecked(`the node count of this inter-node communication pool is not known: ${demand.reason}`);
      return checkInterNode(pool, demand, facts, report, notChecked);
    }
    // The managed-image limits are for pools without inter-node communication; those have the lower limit above.
    if (!isUnknown(demand) && demand.dedicated <= MANAGED_IMAGE_LIMIT.dedicated && demand.spot <= MANAGED_IMAGE_LIMIT.spot) return;
    const imageId = known(virtualMachineImageId(pool.spec), 'the custom image id');
    if (typeof imageId !== 'string' || !MANAGED_IMAGE_ID.test(imageId)) return;
    if (isUnknown(demand)) return notChecked(`the node count of this pool from a managed image is not known: ${demand.reason}`);
    checkManagedImage(demand, report);
  },
};

function checkInterNode(pool: PoolDefinition, demand: NodeDemand, facts: Facts, report: (report: Report) => void, notChecked: (reason: string) => void): void {
  const nodes = demand.dedicated + demand.spot;
  const mode = allocationMode(facts);
  const limit = INTER_NODE_LIMIT[mode ?? 'BatchService'];
  if (nodes <= limit) {
    if (mode === undefined && nodes > INTER_NODE_LIMIT.UserSubscription)
      notChecked(
        `the inter-node communication pool's ${nodes} nodes are within the limit of ${limit}, but over the limit of ${INTER_NODE_LIMIT.UserSubscription} in UserSubscription mode, ` +
          "and the Batch account's pool allocation mode (account.poolAllocationMode) is not known",
      );
    return;
  }
  const interNodeDefault =
    pool.format === 'terraform' && !pool.locate(['enableInterNodeCommunication']).exact ? ' (it is not set, and the azurerm provider defaults it to "Enabled")' : '';
  const { where, asked } = site(demand, demand.dedicated > 0 ? 'targetDedicatedNodes' : 'targetLowPriorityNodes');
  report({
    ...where,
    messageId: 'interNodeTooLarge',
    data: {
      asked,
      nodes,
      dedicated: demand.dedicated,
      spot: demand.spot,
      limit,
      interNodeDefault,
      interNodeOff: `${pool.displayName(['enableInterNodeCommunication'])} to ${pool.format === 'batch-json' || pool.format === 'batch-yaml' ? 'false' : '"Disabled"'}`,
      mode:
        mode === undefined
          ? `(${INTER_NODE_LIMIT.BatchService} in BatchService pool allocation mode; ${INTER_NODE_LIMIT.UserSubscription} in UserSubscription mode)`
          : `in ${mode} pool allocation mode`,
    },
  });
}

function checkManagedImage(demand: NodeDemand, report: (report: Report) => void): void {
  const over = (nodes: number, limit: number, kind: string, target: 'targetDedicatedNodes' | 'targetLowPriorityNodes') => {
    if (nodes <= limit) return;
    const { where, asked } = site(demand, target);
    report({ ...where, messageId: 'managedImageTooLarge', data: { asked, nodes, kind, limit } });
  };
  over(demand.dedicated, MANAGED_IMAGE_LIMIT.dedicated, 'dedicated', 'targetDedicatedNodes');
  over(demand.spot, MANAGED_IMAGE_LIMIT.spot, 'Spot', 'targetLowPriorityNodes');
}

/** A fixed target is an error at the target; an autoscale formula's upper bound is what it may ask for, not what it will: a warning, on the formula. */
function site(demand: NodeDemand, target: 'targetDedicatedNodes' | 'targetLowPriorityNodes'): { where: Pick<Report, 'path' | 'severity'>; asked: string } {
  return demand.fromFormula
    ? { where: { path: ['autoScaleFormula'], severity: 'warning' }, asked: 'The autoscale formula can ask for up to' }
    : { where: { path: [target] }, asked: 'The pool asks for' };
}

function allocationMode(facts: Facts): 'BatchService' | 'UserSubscription' | undefined {
  const account = facts.account();
  return account.known ? account.value.poolAllocationMode : undefined;
}
