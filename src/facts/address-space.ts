/** Azure keeps five addresses of every subnet: network, gateway, two for Azure DNS, and broadcast. */
export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;

/**
 * Addresses Azure lets resources use in the subnet's IPv4 prefixes (IPv6 prefixes of a dual-stack subnet
 * are left out: Batch nodes take an IPv4 address); undefined when no prefix is IPv4.
 */
export function usableIpv4Addresses(prefixes: readonly string[]): number | undefined {
  const sizes = prefixes.flatMap((prefix) => {
    const match = /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(prefix.trim());
    return match ? [2 ** (32 - Number(match[1]))] : [];
  });
  if (sizes.length === 0) return undefined;
  return sizes.reduce((total, size) => total + Math.max(0, size - AZURE_RESERVED_ADDRESSES_PER_SUBNET), 0);
}
