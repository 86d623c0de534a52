import { ipv4Block, type Ipv4Block } from './address-space.ts';
import type { SecurityRule } from '../model/environment.ts';

/**
 * Azure's default rules, present in every NSG below the custom ones (priorities 65000–65500); a rule set
 * read without them gets these.
 */
export const DEFAULT_SECURITY_RULES: readonly SecurityRule[] = [
  {
    name: 'AllowVnetInBound',
    priority: 65000,
    direction: 'Inbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: 'VirtualNetwork',
    destinationAddressPrefix: 'VirtualNetwork',
    destinationPortRange: '*',
  },
  {
    name: 'AllowAzureLoadBalancerInBound',
    priority: 65001,
    direction: 'Inbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: 'AzureLoadBalancer',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
  },
  {
    name: 'DenyAllInBound',
    priority: 65500,
    direction: 'Inbound',
    access: 'Deny',
    protocol: '*',
    sourceAddressPrefix: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
  },
  {
    name: 'AllowVnetOutBound',
    priority: 65000,
    direction: 'Outbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: 'VirtualNetwork',
    destinationAddressPrefix: 'VirtualNetwork',
    destinationPortRange: '*',
  },
  {
    name: 'AllowInternetOutBound',
    priority: 65001,
    direction: 'Outbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: '*',
    destinationAddressPrefix: 'Internet',
    destinationPortRange: '*',
  },
  {
    name: 'DenyAllOutBound',
    priority: 65500,
    direction: 'Outbound',
    access: 'Deny',
    protocol: '*',
    sourceAddressPrefix: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
  },
];

/** TCP traffic on one port between the pool's nodes and an Azure service, named by its service tag (e.g. `BatchNodeManagement.eastus`). */
export interface ServiceTraffic {
  direction: 'Inbound' | 'Outbound';
  port: number;
  serviceTag: string;
  /** The subnet's address prefixes, which the nodes take their addresses from; undefined when not known. */
  nodePrefixes?: readonly string[];
}

export type Verdict =
  | { decided: true; allowed: boolean; rule: SecurityRule | undefined }
  /** A rule may or may not match, and the outcome depends on it. */
  | { decided: false; rule: SecurityRule; reason: string };

/** Whether a rule matches: yes, no, or "cannot tell", with why. */
type Match = boolean | { uncertain: string };

/**
 * The first rule by priority that matches the traffic decides it, as Azure evaluates NSGs. A rule that may
 * or may not match leaves the traffic undecided, unless the rules after it end the same way.
 */
export function evaluateNsg(rules: readonly SecurityRule[], defaultRules: readonly SecurityRule[] | undefined, traffic: ServiceTraffic): Verdict {
  const ordered = [...rules, ...(defaultRules?.length ? defaultRules : DEFAULT_SECURITY_RULES)]
    .filter((rule) => rule.direction.toLowerCase() === traffic.direction.toLowerCase())
    .sort((a, b) => a.priority - b.priority);
  const nodeBlocks = (traffic.nodePrefixes ?? []).flatMap((prefix) => ipv4Block(prefix) ?? []);
  return decide(ordered, 0, traffic, nodeBlocks);
}

function decide(ordered: readonly SecurityRule[], from: number, traffic: ServiceTraffic, nodeBlocks: readonly Ipv4Block[]): Verdict {
  for (let index = from; index < ordered.length; index++) {
    const rule = ordered[index]!;
    const match = matches(rule, traffic, nodeBlocks);
    if (match === false) continue;
    const allowed = rule.access.toLowerCase() === 'allow';
    if (match === true) return { decided: true, allowed, rule };
    const otherwise = decide(ordered, index + 1, traffic, nodeBlocks);
    if (otherwise.decided && otherwise.allowed === allowed) return otherwise;
    return { decided: false, rule, reason: match.uncertain };
  }
  return { decided: true, allowed: false, rule: undefined };
}

function matches(rule: SecurityRule, traffic: ServiceTraffic, nodeBlocks: readonly Ipv4Block[]): Match {
  if (!['*', 'tcp', 'any'].includes((rule.protocol ?? '*').toLowerCase())) return false;
  const ports = [rule.destinationPortRange, ...(rule.destinationPortRanges ?? [])].filter((range): range is string => range !== undefined && range !== '');
  if (ports.length > 0 && !ports.some((range) => portInRange(traffic.port, range))) return false;
  // The service sits at the far end: the destination of outbound traffic, the source of inbound traffic.
  const outbound = traffic.direction.toLowerCase() === 'outbound';
  const source = { side: 'source', prefixes: [rule.sourceAddressPrefix, ...(rule.sourceAddressPrefixes ?? [])], groups: rule.sourceApplicationSecurityGroups };
  const destination = {
    side: 'destination',
    prefixes: [rule.destinationAddressPrefix, ...(rule.destinationAddressPrefixes ?? [])],
    groups: rule.destinationApplicationSecurityGroups,
  };
  const [service, nodes] = outbound ? [destination, source] : [source, destination];
  const serviceMatch = sideMatches(service, (prefix) => coversService(prefix, traffic.serviceTag, service.side));
  if (serviceMatch === false) return false;
  const nodeMatch = sideMatches(nodes, (prefix) => coversNodes(prefix, nodeBlocks, nodes.side, traffic.nodePrefixes));
  if (nodeMatch === false) return false;
  return serviceMatch === true ? nodeMatch : serviceMatch;
}

interface RuleSide {
  side: string;
  prefixes: (string | undefined)[];
  groups: unknown[] | undefined;
}

/**
 * One side of a rule matches when any of its prefixes does. A side written with no prefix at all is any
 * address (as the portal and the CLI default it), unless it names application security groups, which
 * Batch's nodes are never in.
 */
function sideMatches({ prefixes, groups }: RuleSide, covers: (prefix: string) => Match): Match {
  const written = prefixes.filter((prefix): prefix is string => prefix !== undefined && prefix.trim() !== '');
  if (written.length === 0) return !groups?.length;
  const results = written.map(covers);
  return results.includes(true) ? true : (results.find((result) => result !== false) ?? false);
}

function portInRange(port: number, range: string): boolean {
  const trimmed = range.trim();
  if (trimmed === '*') return true;
  const [low, high = low] = trimmed.split('-').map((part) => Number(part));
  return low !== undefined && high !== undefined && port >= low && port <= high;
}

const ANY = ['*', 'any'];
const ALL_IPV4: Ipv4Block = { first: 0, last: 2 ** 32 - 1 };
/** Private, shared and link-local blocks: never the address of an Azure service's public endpoint. */
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].map((prefix) => ipv4Block(prefix)!);

/**
 * Whether a prefix on the service's side takes in an Azure service tag's addresses. `Internet` and
 * `AzureCloud` cover Azure's public service addresses; a tag without a region covers its regional forms.
 * A public address range may hold some of the service's addresses, which change over time: that is
 * "cannot tell", never a guess.
 */
function coversService(prefix: string, serviceTag: string, side: string): Match {
  const written = prefix.trim().toLowerCase();
  const tag = serviceTag.toLowerCase();
  const [service] = tag.split('.');
  if (ANY.includes(written) || written === 'internet' || written === 'azurecloud' || written === tag || written === service) return true;
  if (written.startsWith('azurecloud.')) return tag.endsWith(written.slice('azurecloud'.length));
  const block = ipv4Block(written);
  // Another service tag, or an IPv6 range: not the service's IPv4 addresses.
  if (!block) return false;
  if (block.first === ALL_IPV4.first && block.last === ALL_IPV4.last) return true;
  if (NON_PUBLIC.some((range) => within(block, range))) return false;
  return { uncertain: `its ${side} ${prefix.trim()} is an address range, and the addresses behind ${serviceTag} change, so batchlint cannot tell whether it holds them` };
}

/** Whether a prefix on the nodes' side takes in the subnet's addresses; `VirtualNetwork` does, service tags do not. */
function coversNodes(prefix: string, nodeBlocks: readonly Ipv4Block[], side: string, nodePrefixes: readonly string[] | undefined): Match {
  const written = prefix.trim().toLowerCase();
  if (ANY.includes(written) || written === 'virtualnetwork') return true;
  const block = ipv4Block(written);
  if (!block) return false;
  if (nodeBlocks.length === 0) return { uncertain: `its ${side} ${prefix.trim()} is an address range, and the subnet's address prefixes are not known` };
  if (nodeBlocks.every((node) => within(node, block))) return true;
  if (!nodeBlocks.some((node) => node.first <= block.last && block.first <= node.last)) return false;
  return { uncertain: `its ${side} ${prefix.trim()} holds only some of the subnet's addresses (${nodePrefixes?.join(', ')})` };
}

function within(inner: Ipv4Block, outer: Ipv4Block): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}
