import { describe, expect, it } from 'vitest';
import type { SecurityRule } from '../../src/facts/environment.ts';
import { evaluateNsg } from '../../src/facts/nsg-evaluation.ts';

const batchOut = { direction: 'Outbound', port: 443, serviceTag: 'BatchNodeManagement.eastus' } as const;
const rule = (fields: Partial<SecurityRule>): SecurityRule => ({ priority: 100, direction: 'Outbound', access: 'Deny', protocol: '*', destinationAddressPrefix: '*', destinationPortRange: '*', ...fields });

describe('NSG evaluation, first matching rule by priority', () => {
  it('allows outbound to Batch with only the default rules (AllowInternetOutBound)', () => {
    expect(evaluateNsg([], undefined, batchOut)).toMatchObject({ allowed: true, rule: { name: 'AllowInternetOutBound' } });
  });

  it('lets the lower priority number win, whatever the order the rules are listed in', () => {
    const rules = [rule({ name: 'deny', priority: 200 }), rule({ name: 'allow', priority: 150, access: 'Allow', destinationAddressPrefix: 'BatchNodeManagement' })];
    expect(evaluateNsg(rules, undefined, batchOut).rule?.name).toBe('allow');
  });

  it('matches port ranges and lists, and skips rules for other ports or protocols', () => {
    expect(evaluateNsg([rule({ destinationPortRange: '400-500' })], undefined, batchOut).allowed).toBe(false);
    expect(evaluateNsg([rule({ destinationPortRange: undefined, destinationPortRanges: ['22', '443'] })], undefined, batchOut).allowed).toBe(false);
    expect(evaluateNsg([rule({ destinationPortRange: '80' })], undefined, batchOut).allowed).toBe(true);
    expect(evaluateNsg([rule({ protocol: 'Udp' })], undefined, batchOut).allowed).toBe(true);
  });

  it('knows which tags cover Batch: *, Internet, AzureCloud(.region), the tag with or without region; not VirtualNetwork or other regions', () => {
    for (const prefix of ['*', 'Internet', 'AzureCloud', 'AzureCloud.EastUS', 'BatchNodeManagement', 'batchnodemanagement.eastus']) {
      expect(evaluateNsg([rule({ destinationAddressPrefix: prefix })], undefined, batchOut).allowed, prefix).toBe(false);
    }
    for (const prefix of ['VirtualNetwork', 'BatchNodeManagement.westus', 'AzureCloud.westus', 'Storage', '20.0.0.0/8']) {
      expect(evaluateNsg([rule({ destinationAddressPrefix: prefix })], undefined, batchOut).allowed, prefix).toBe(true);
    }
  });

  it('reads inbound rules by their source, and denies inbound from Batch by default', () => {
    const inbound = { direction: 'Inbound', port: 29876, serviceTag: 'BatchNodeManagement.eastus' } as const;
    expect(evaluateNsg([], undefined, inbound)).toMatchObject({ allowed: false, rule: { name: 'DenyAllInBound' } });
    const allow = rule({ direction: 'Inbound', access: 'Allow', sourceAddressPrefix: 'BatchNodeManagement', destinationPortRange: '29876-29877' });
    expect(evaluateNsg([allow], undefined, inbound).allowed).toBe(true);
  });

  it('decides each port on its own: a deny of one port of a range is not skipped', () => {
    const rules = [
      rule({ name: 'deny-one', direction: 'Inbound', priority: 100, sourceAddressPrefix: '*', destinationPortRange: '29877' }),
      rule({ name: 'allow-both', direction: 'Inbound', priority: 200, access: 'Allow', sourceAddressPrefix: 'BatchNodeManagement', destinationPortRange: '29876-29877' }),
    ];
    const inbound = (port: number) => ({ direction: 'Inbound', port, serviceTag: 'BatchNodeManagement.eastus' }) as const;
    expect(evaluateNsg(rules, undefined, inbound(29876))).toMatchObject({ allowed: true, rule: { name: 'allow-both' } });
    expect(evaluateNsg(rules, undefined, inbound(29877))).toMatchObject({ allowed: false, rule: { name: 'deny-one' } });
  });
});
