import { notStatic, type PoolRule } from '../src/engine/rule.ts';
import { evaluateNsg, type ServiceTraffic } from '../src/facts/nsg-evaluation.ts';
import type { SecurityRule } from '../src/facts/environment.ts';
import { poolSubnetId, pullsFromStorage } from '../src/pool/network.ts';
import { isUnknown } from '../src/sources/unknown.ts';

/** Traffic the nodes need on one or more ports, and why. */
interface RequiredFlow extends Omit<ServiceTraffic, 'port'> {
  ports: number[];
  purpose: string;
}

export const subnetNsgBatchTrafficRule: PoolRule = {
  meta: {
    id: 'subnet-nsg-batch-traffic',
    description: "The subnet's network security group blocks traffic Batch nodes need: nodes go unusable while billed.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
  },
  check(pool, { facts, report, notChecked }) {
    const subnetId = poolSubnetId(pool.spec);
    if (subnetId === undefined) return;
    if (isUnknown(subnetId)) return notChecked(notStatic('the subnet', subnetId));
    const subnet = facts.subnet(subnetId);
    if (!subnet.known) return notChecked(subnet.reason);
    const nsg = subnet.value.networkSecurityGroup;
    if (!nsg) return;
    const rules = nsg.securityRules;
    if (!rules) {
      const why = nsg.id && facts.unreadReason('nsg', nsg.id);
      return notChecked(`the rules of the subnet's network security group${nsg.id ? ` ${nsg.id}` : ''} are not known${why ? `: ${why}` : ''}`);
    }
    const location = facts.location();
    if (!location.known) return notChecked(location.reason);
    const region = location.value.toLowerCase().replace(/\s+/g, '');

    const nodePrefixes = subnet.value.addressPrefixes;
    for (const flow of requiredFlows(pool.spec, region)) {
      const verdicts = flow.ports.map((port) => ({ port, verdict: evaluateNsg(rules, nsg.defaultSecurityRules, { ...flow, port, nodePrefixes }) }));
      const denied = verdicts.flatMap(({ port, verdict }) => (verdict.decided && !verdict.allowed ? [{ port, rule: verdict.rule }] : []));
      const undecided = verdicts.flatMap(({ port, verdict }) => (verdict.decided ? [] : [{ port, ...verdict }]));
      const verdict = denied[0];
      if (!verdict) {
        const first = undecided[0];
        if (first) {
          notChecked(
            `whether the subnet's network security group lets ${flow.direction.toLowerCase()} TCP ${portList(undecided.map(({ port }) => port))} ` +
              `${flow.direction === 'Outbound' ? 'to' : 'from'} ${flow.serviceTag} through is not known: rule "${first.rule.name ?? 'unnamed'}" (priority ${first.rule.priority}) may or may not match, ${first.reason}`,
          );
        }
        continue;
      }
      report({
        path: ['networkConfiguration', 'subnetId'],
        message:
          `The subnet's network security group ${describe(verdict.rule)} ${flow.direction.toLowerCase()} TCP ${portList(denied.map(({ port }) => port))} ` +
          `${flow.direction === 'Outbound' ? 'to' : 'from'} ${flow.serviceTag}, which ${flow.purpose}. Nodes go unusable while still billed. ` +
          `Add an Allow rule for it with a lower priority number than ${verdict.rule ? verdict.rule.priority : 'the deny'}.`,
      });
    }
  },
};

function requiredFlows(spec: Parameters<PoolRule['check']>[0]['spec'], region: string): RequiredFlow[] {
  const flows: RequiredFlow[] = [
    { direction: 'Outbound', ports: [443], serviceTag: `BatchNodeManagement.${region}`, purpose: 'every node needs to reach the Batch service (simplified node communication)' },
  ];
  if (pullsFromStorage(spec)) {
    flows.push({ direction: 'Outbound', ports: [443], serviceTag: `Storage.${region}`, purpose: 'the pool needs to download its resource files, application packages or container images' });
  }
  const mode = spec.targetNodeCommunicationMode;
  if (typeof mode === 'string' && mode.toLowerCase() === 'classic') {
    flows.push({
      direction: 'Inbound',
      ports: [29876, 29877],
      serviceTag: `BatchNodeManagement.${region}`,
      purpose: 'a pool asking for classic node communication needs (classic mode was retired on 31 March 2026; switch to simplified)',
    });
  }
  return flows;
}

function describe(rule: SecurityRule | undefined): string {
  return rule ? `denies, by rule "${rule.name ?? 'unnamed'}" (priority ${rule.priority}),` : 'denies';
}

/** "port 443", or "ports 29876-29877" for a run of consecutive ports. */
function portList(ports: number[]): string {
  return ports.length === 1 ? `port ${ports[0]}` : `ports ${ports[0]}-${ports[ports.length - 1]}`;
}
