/** Azure keeps five addresses of every subnet: network, gateway, two for Azure DNS, and broadcast. */
export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;

/** A block of IPv4 addresses, its first and last address as numbers. */
export interface Ipv4Block {
  first: number;
  last: number;
}

/** An IPv4 address or CIDR prefix (`10.0.0.4`, `10.0.0.0/24`) as a block; undefined for anything else, IPv6 included. */
export function ipv4Block(text: string): Ipv4Block | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const length = match[5] === undefined ? 32 : Number(match[5]);
  if (octets.some((octet) => octet > 255) || length > 32) return undefined;
  const size = 2 ** (32 - length);
  const first = Math.floor(octets.reduce((address, octet) => address * 256 + octet, 0) / size) * size;
  return { first, last: first + size - 1 };
}

/**
 * Addresses Azure lets resources use in the subnet's IPv4 prefixes (IPv6 prefixes of a dual-stack subnet
 * are left out: Batch nodes take an IPv4 address); undefined when no prefix is IPv4.
 */
export function usableIpv4Addresses(prefixes: readonly string[]): number | undefined {
  const sizes = prefixes.flatMap((prefix) => {
    const block = prefix.includes('/') ? ipv4Block(prefix) : undefined;
    return block ? [block.last - block.first + 1] : [];
  });
  if (sizes.length === 0) return undefined;
  return sizes.reduce((total, size) => total + Math.max(0, size - AZURE_RESERVED_ADDRESSES_PER_SUBNET), 0);
}
