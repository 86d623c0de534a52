import type { PoolRule } from '../src/model/rule.ts';
import { nodeDemand, type NodeDemand } from '../src/pool/node-demand.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** Each user-managed public IP serves up to this many dedicated nodes, and as many Spot/low-priority nodes. */
const NODES_PER_IP = 100;

const IP_LIST = ['networkConfiguration', 'publicIPAddressConfiguration', 'ipAddressIds'];

export const publicIpCapacityRule: PoolRule = {
  meta: {
    id: 'public-ip-capacity',
    description: 'User-managed public IPs too few for the pool: Batch allocates only part of the nodes, and the list cannot grow once the pool exists.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    messages: {
      tooFew:
        'The pool asks for {{nodes}}, which need at least {{needed}} public IP address(es) (each serves at most 100 dedicated and 100 Spot nodes), ' +
        'but {{name}} lists {{count}}. Batch allocates only part of the nodes and reports a resize error, and the list cannot be changed ' +
        'once the pool exists. List at least {{recommended}} ({{basis}}, plus a buffer of {{buffer}} as Batch recommends).',
      formulaTooFew:
        'The autoscale formula can ask for up to {{nodes}}, which need at least {{needed}} public IP address(es) (each serves at most 100 dedicated ' +
        'and 100 Spot nodes), but {{name}} lists {{count}}. At its peak Batch allocates only part of the nodes and reports a resize error, and ' +
        'the list cannot be changed once the pool exists. List at least {{recommended}} ({{basis}}, plus a buffer of {{buffer}} as Batch recommends).',
    },
    docs: {
      severityNote: 'an autoscale formula whose upper bound needs more addresses is a warning',
    },
  },
  check(pool, { report, notChecked, known }) {
    const network = known(pool.spec.networkConfiguration, 'the network configuration');
    const publicIPs = network && known(network.publicIPAddressConfiguration, 'the public IP address configuration');
    if (!publicIPs) return;
    const provision = known(publicIPs.provision, 'the public IP provisioning type');
    if (typeof provision !== 'string' || provision.toLowerCase() !== 'usermanaged') return;
    const ids = known(publicIPs.ipAddressIds, 'the list of public IP addresses');
    if (!Array.isArray(ids) || ids.length === 0) return;

    const demand = nodeDemand(pool.spec);
    if (isUnknown(demand)) return notChecked(`the public IP addresses were not compared with the node count: ${demand.reason}`);
    const shared = Math.max(ipsFor(demand.dedicated), ipsFor(demand.spot));
    const apart = ipsFor(demand.dedicated) + ipsFor(demand.spot);
    const count = ids.length;
    if (count >= apart) return;
    if (count >= shared) {
      return notChecked(
        `the pool's ${describeNodes(demand)} fit ${count} public IP address(es) only if one address serves dedicated and Spot nodes at once; ` +
          `Batch's documentation does not say whether they share an address (${apart} if they do not)`,
      );
    }
    const buffer = Math.max(1, Math.ceil(apart / 10));
    const basis =
      apart > shared ? `${apart} for the nodes counting dedicated and Spot apart, as the documentation does not say whether they share an address` : `${apart} for the nodes`;
    report({
      ...(demand.fromFormula ? { path: ['autoScaleFormula'], severity: 'warning', messageId: 'formulaTooFew' } : { path: IP_LIST, messageId: 'tooFew' }),
      data: { nodes: describeNodes(demand), needed: shared, name: pool.displayName(IP_LIST), count, recommended: apart + buffer, basis, buffer },
    });
  },
};

function ipsFor(nodes: number): number {
  return Math.ceil(nodes / NODES_PER_IP);
}

function describeNodes({ dedicated, spot }: NodeDemand): string {
  if (spot === 0) return `${dedicated} dedicated node(s)`;
  if (dedicated === 0) return `${spot} Spot/low-priority node(s)`;
  return `${dedicated} dedicated and ${spot} Spot/low-priority node(s)`;
}
