import type { SecurityRule } from './environment.ts';

/**
 * Azure's default rules, present in every NSG below the custom ones (priorities 65000–65500); a rule set
 * read without them gets these.
 */
export const DEFAULT_SECURITY_RULES: readonly SecurityRule[] = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow', protocol: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', destinationPortRange: '*' },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow', protocol: '*', sourceAddressPrefix: 'AzureLoadBalancer', destinationAddressPrefix: '*', destinationPortRange: '*' },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', destinationPortRange: '*' },
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', access: 'Allow', protocol: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', destinationPortRange: '*' },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', access: 'Allow', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: 'Internet', destinationPortRange: '*' },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', destinationPortRange: '*' },
];

/** TCP traffic on one port between the pool's nodes and an Azure service, named by its service tag (e.g. `BatchNodeManagement.eastus`). */
export interface ServiceTraffic {
  direction: 'Inbound' | 'Outbound';
  port: number;
  serviceTag: string;
}

export interface Verdict {
  allowed: boolean;
  /** The rule that decided; undefined only if no rule matched at all (never, with the default rules). */
  rule: SecurityRule | undefined;
}

/** The first rule by priority that matches the flow decides it, as Azure evaluates NSGs. */
export function evaluateNsg(rules: readonly SecurityRule[], defaultRules: readonly SecurityRule[] | undefined, traffic: ServiceTraffic): Verdict {
  const ordered = [...rules, ...(defaultRules?.length ? defaultRules : DEFAULT_SECURITY_RULES)]
    .filter((rule) => rule.direction.toLowerCase() === traffic.direction.toLowerCase())
    .sort((a, b) => a.priority - b.priority);
  const rule = ordered.find((candidate) => matches(candidate, traffic));
  return { allowed: rule?.access.toLowerCase() === 'allow', rule };
}

function matches(rule: SecurityRule, traffic: ServiceTraffic): boolean {
  if (!['*', 'tcp', 'any'].includes((rule.protocol ?? '*').toLowerCase())) return false;
  const ports = [rule.destinationPortRange, ...(rule.destinationPortRanges ?? [])].filter((range): range is string => range !== undefined && range !== '');
  if (!ports.some((range) => portInRange(traffic.port, range))) return false;
  // The service sits at the far end: the destination of outbound traffic, the source of inbound traffic.
  const far = traffic.direction === 'Outbound'
    ? [rule.destinationAddressPrefix, ...(rule.destinationAddressPrefixes ?? [])]
    : [rule.sourceAddressPrefix, ...(rule.sourceAddressPrefixes ?? [])];
  return far.some((prefix) => prefix !== undefined && coversServiceTag(prefix, traffic.serviceTag));
}

function portInRange(port: number, range: string): boolean {
  const trimmed = range.trim();
  if (trimmed === '*') return true;
  const [low, high = low] = trimmed.split('-').map((part) => Number(part));
  return low !== undefined && high !== undefined && port >= low && port <= high;
}

/**
 * Whether an NSG address prefix takes in an Azure service tag's addresses. `Internet` and `AzureCloud`
 * cover Azure's public service addresses; a tag without a region covers its regional forms. Literal
 * address ranges are not matched: Batch's addresses change, and batchlint does not guess them.
 */
function coversServiceTag(prefix: string, serviceTag: string): boolean {
  const written = prefix.trim().toLowerCase();
  const tag = serviceTag.toLowerCase();
  const [service] = tag.split('.');
  if (written === '*' || written === '0.0.0.0/0' || written === 'internet') return true;
  if (written === 'azurecloud') return true;
  if (written.startsWith('azurecloud.')) return tag.endsWith(written.slice('azurecloud'.length));
  return written === tag || written === service;
}
