import { describe, expect, it } from 'vitest';
import { ipv4Block, usableIpv4Addresses } from '../../src/facts/address-space.ts';

describe('subnet address space', () => {
  it("takes Azure's five reserved addresses from each IPv4 prefix", () => {
    expect(usableIpv4Addresses(['10.0.0.0/24'])).toBe(251);
    expect(usableIpv4Addresses(['10.0.1.0/26', '10.0.9.0/27'])).toBe(59 + 27);
    expect(usableIpv4Addresses(['10.0.0.0/29'])).toBe(3);
  });

  it('leaves IPv6 prefixes out, and knows nothing when there is no IPv4 prefix', () => {
    expect(usableIpv4Addresses(['10.0.0.0/24', 'fd00:db8::/64'])).toBe(251);
    expect(usableIpv4Addresses(['fd00:db8::/64'])).toBeUndefined();
    expect(usableIpv4Addresses([])).toBeUndefined();
  });

  it('reads addresses and prefixes as blocks, and nothing else', () => {
    expect(ipv4Block('10.0.1.0/24')).toEqual({ first: 167772416, last: 167772671 });
    expect(ipv4Block('10.0.1.77/24')).toEqual({ first: 167772416, last: 167772671 });
    expect(ipv4Block('255.255.255.255')).toEqual({ first: 4294967295, last: 4294967295 });
    expect(ipv4Block('0.0.0.0/0')).toEqual({ first: 0, last: 4294967295 });
    for (const text of ['10.0.0.256/24', '10.0.0.0/33', 'Internet', 'fd00::/8', '']) expect(ipv4Block(text), text).toBeUndefined();
  });
});
