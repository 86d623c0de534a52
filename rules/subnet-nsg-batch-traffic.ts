import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { evaluateNsg, type ServiceTraffic } from '../src/facts/nsg-evaluation.ts';
import type { SecurityRule } from '../src/model/environment.ts';
import { poolSubnetId, pullsFromStorage } from '../src/pool/network.ts';
import type { PoolSpec } from '../src/model/pool-definition.ts';
import { isKnown, isUnknown } from '../src/model/unknown.ts';

/** Traffic the nodes need on one or more ports, and why. */
interface RequiredFlow extends Omit<ServiceTraffic, 'port'> {
  ports: number[];
  purpose: string;
  /** The traffic may instead go to a node-management private endpoint in the VNet. */
  privateEndpointMayCarry?: boolean;
  /** What goes wrong when the flow is blocked. */
  consequence: string;
  /** Needed only when a guess about the user's own resources holds: reported as a warning. */
  assumed?: true;
}

const UNUSABLE = 'Nodes go unusable while still billed.';

export const subnetNsgBatchTrafficRule: PoolRule = {
  meta: {
    id: 'subnet-nsg-batch-traffic',
    description: "The subnet's network security group blocks traffic Batch nodes need: nodes go unusable while billed.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      denied: "The subnet's network security group {{denial}} {{traffic}}, which {{purpose}}. {{consequence}} {{remedy}}",
    },
    docs: {
      facts: "Azure environment: a context file or `--live` — the account's region and the rules of the subnet's network security group",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const subnetId = known(poolSubnetId(pool.spec), 'the subnet');
    if (subnetId === undefined) return;
    const subnet = fact(facts.subnet(subnetId));
    const nsg = subnet.networkSecurityGroup;
    if (!nsg) return;
    const rules = nsg.securityRules;
    if (!rules) {
      const why = nsg.id && facts.unreadReason('nsg', nsg.id);
      return notChecked(`the rules of the subnet's network security group${nsg.id ? ` ${nsg.id}` : ''} are not known${why ? `: ${why}` : ''}`);
    }
    const region = fact(facts.location()).toLowerCase().replace(/\s+/g, '');

    const nodePrefixes = subnet.addressPrefixes;
    const mode = pool.spec.targetNodeCommunicationMode;
    if (isUnknown(mode)) notChecked(`the classic-mode traffic was not checked: ${notStatic('the node communication mode', mode)}`);
    for (const flow of requiredFlows(pool.spec, region)) {
      const verdicts = flow.ports.map((port) => ({ port, verdict: evaluateNsg(rules, nsg.defaultSecurityRules, { ...flow, port, nodePrefixes }) }));
      const denied = verdicts.flatMap(({ port, verdict }) => (verdict.decided && !verdict.allowed ? [{ port, rule: verdict.rule }] : []));
      const undecided = verdicts.flatMap(({ port, verdict }) => (verdict.decided ? [] : [{ port, ...verdict }]));
      const traffic = (ports: { port: number }[]) =>
        `${flow.direction.toLowerCase()} TCP ${portList(ports.map(({ port }) => port))} ${flow.direction === 'Outbound' ? 'to' : 'from'} ${flow.serviceTag}`;
      const first = denied[0];
      if (first && flow.privateEndpointMayCarry) {
        notChecked(
          `the subnet's network security group ${describe(first.rule)} ${traffic(denied)}, but the pool has no public IP addresses: with a node-management ` +
            'private endpoint that traffic stays in the VNet and needs no such rule, and whether the Batch account has one is not known',
        );
      } else if (first) {
        report({
          path: ['networkConfiguration', 'subnetId'],
          ...(flow.assumed && { severity: 'warning' }),
          messageId: 'denied',
          data: { denial: describe(first.rule), traffic: traffic(denied), purpose: flow.purpose, consequence: flow.consequence, remedy: remedy(first.rule, flow, traffic(denied)) },
        });
      } else if (undecided[0]) {
        const { rule, reason } = undecided[0];
        notChecked(
          `whether the subnet's network security group lets ${traffic(undecided)} through is not known: rule "${rule.name ?? 'unnamed'}" (priority ${rule.priority}) may or may not match, ${reason}`,
        );
      }
    }
  },
};

function requiredFlows(spec: PoolSpec, region: string): RequiredFlow[] {
  const classic = typeof spec.targetNodeCommunicationMode === 'string' && spec.targetNodeCommunicationMode.toLowerCase() === 'classic';
  const flows: RequiredFlow[] = [
    {
      direction: 'Outbound',
      ports: [443],
      serviceTag: `BatchNodeManagement.${region}`,
      purpose: 'every node needs to reach the Batch service (simplified node communication)',
      privateEndpointMayCarry: mayHaveNoPublicIp(spec),
      consequence: UNUSABLE,
    },
  ];
  if (classic) {
    flows.push({
      direction: 'Outbound',
      ports: [443],
      serviceTag: `Storage.${region}`,
      purpose: 'a pool asking for classic node communication needs (classic mode was retired on 31 March 2026; switch to simplified)',
      consequence: UNUSABLE,
    });
  } else if (pullsFromStorage(spec)) {
    flows.push({
      direction: 'Outbound',
      ports: [443],
      serviceTag: `Storage.${region}`,
      purpose:
        "the nodes need to download the pool's resource files or application packages from Azure Storage, if the storage account is in the " +
        "Batch account's region and not reached through a private endpoint (one elsewhere needs Storage.<its region>)",
      consequence: 'The downloads fail, and with them the start task or the application packages.',
      assumed: true,
    });
  }
  if (classic) {
    flows.push({
      direction: 'Inbound',
      ports: [29876, 29877],
      serviceTag: `BatchNodeManagement.${region}`,
      purpose: 'a pool asking for classic node communication needs (classic mode was retired on 31 March 2026; switch to simplified)',
      consequence: UNUSABLE,
    });
  }
  return flows;
}

/** A pool without public IPs may reach Batch through a node-management private endpoint, which no service-tag rule governs. */
function mayHaveNoPublicIp(spec: PoolSpec): boolean {
  const network = spec.networkConfiguration;
  if (!isKnown(network)) return false;
  const publicIps = network.publicIPAddressConfiguration;
  if (isUnknown(publicIps)) return true;
  const provision = isKnown(publicIps) ? publicIps.provision : undefined;
  return isUnknown(provision) || (typeof provision === 'string' && provision.toLowerCase() === 'nopublicipaddresses');
}

function describe(rule: SecurityRule | undefined): string {
  return rule ? `denies, by rule "${rule.name ?? 'unnamed'}" (priority ${rule.priority}),` : 'denies';
}

/** Custom rules take priorities 100 to 4096; a deny at 100 cannot be preceded, only renumbered or narrowed. */
function remedy(rule: SecurityRule | undefined, flow: RequiredFlow, traffic: string): string {
  const allow = `an ${flow.direction.toLowerCase()} Allow rule for ${traffic.slice(traffic.indexOf(' ') + 1)}`;
  const tagsOnly = "(name the service tag, not IP addresses: Batch's addresses change)";
  if (!rule) return `Add ${allow} ${tagsOnly}.`;
  if (rule.priority <= 100) {
    return `Rule "${rule.name ?? 'unnamed'}" already has the lowest priority number a rule can have: renumber it and add ${allow} before it ${tagsOnly}, or narrow it so it no longer matches this traffic.`;
  }
  return `Add ${allow} with a lower priority number than ${rule.priority} ${tagsOnly}.`;
}

/** "port 443", or "ports 29876-29877" for a run of consecutive ports. */
function portList(ports: number[]): string {
  return ports.length === 1 ? `port ${ports[0]}` : `ports ${ports[0]}-${ports[ports.length - 1]}`;
}
