import { describe, expect, it } from 'vitest';
import type { SecurityRule } from '../../src/model/environment.ts';
import { evaluateNsg, type ServiceTraffic, type Verdict } from '../../src/facts/nsg-evaluation.ts';

const batchOut: ServiceTraffic = { direction: 'Outbound', port: 443, serviceTag: 'BatchNodeManagement.eastus', nodePrefixes: ['10.0.1.0/24'] };
const rule = (fields: Partial<SecurityRule>): SecurityRule => ({
  priority: 100,
  direction: 'Outbound',
  access: 'Deny',
  protocol: '*',
  sourceAddressPrefix: '*',
  destinationAddressPrefix: '*',
  destinationPortRange: '*',
  ...fields,
});
const outcome = (verdict: Verdict) => (verdict.decided ? (verdict.allowed ? 'allowed' : 'denied') : 'unknown');
const evaluate = (rules: SecurityRule[], traffic: ServiceTraffic = batchOut) => outcome(evaluateNsg(rules, undefined, traffic));

describe('NSG evaluation, first matching rule by priority', () => {
  it('allows outbound to Batch with only the default rules (AllowInternetOutBound)', () => {
    expect(evaluateNsg([], undefined, batchOut)).toMatchObject({ decided: true, allowed: true, rule: { name: 'AllowInternetOutBound' } });
  });

  it('lets the lower priority number win, whatever the order the rules are listed in', () => {
    const rules = [rule({ name: 'deny', priority: 200 }), rule({ name: 'allow', priority: 150, access: 'Allow', destinationAddressPrefix: 'BatchNodeManagement' })];
    expect(evaluateNsg(rules, undefined, batchOut).rule?.name).toBe('allow');
  });

  it('matches port ranges and lists, and skips rules for other ports or protocols', () => {
    expect(evaluate([rule({ destinationPortRange: '400-500' })])).toBe('denied');
    expect(evaluate([rule({ destinationPortRange: undefined, destinationPortRanges: ['22', '443'] })])).toBe('denied');
    expect(evaluate([rule({ destinationPortRange: '80' })])).toBe('allowed');
    expect(evaluate([rule({ protocol: 'Udp' })])).toBe('allowed');
    expect(evaluate([rule({ protocol: 'Tcp' })])).toBe('denied');
  });

  it('knows which tags cover Batch: *, Internet, AzureCloud(.region), the tag with or without region; not VirtualNetwork or other regions', () => {
    for (const prefix of ['*', 'Internet', 'AzureCloud', 'AzureCloud.EastUS', 'BatchNodeManagement', 'batchnodemanagement.eastus', '0.0.0.0/0']) {
      expect(evaluate([rule({ destinationAddressPrefix: prefix })]), prefix).toBe('denied');
    }
    for (const prefix of ['VirtualNetwork', 'BatchNodeManagement.westus', 'AzureCloud.westus', 'Storage', '10.0.0.0/8', '192.168.4.0/24', 'fd00::/8']) {
      expect(evaluate([rule({ destinationAddressPrefix: prefix })]), prefix).toBe('allowed');
    }
  });

  it('reads a destinationAddressPrefixes list: one covering entry is enough', () => {
    expect(evaluate([rule({ destinationAddressPrefix: undefined, destinationAddressPrefixes: ['10.2.0.0/16', 'Internet'] })])).toBe('denied');
  });

  it('reads inbound rules by their source, and denies inbound from Batch by default', () => {
    const inbound: ServiceTraffic = { direction: 'Inbound', port: 29876, serviceTag: 'BatchNodeManagement.eastus', nodePrefixes: ['10.0.1.0/24'] };
    expect(evaluateNsg([], undefined, inbound)).toMatchObject({ decided: true, allowed: false, rule: { name: 'DenyAllInBound' } });
    const allow = rule({ direction: 'Inbound', access: 'Allow', sourceAddressPrefix: 'BatchNodeManagement', destinationPortRange: '29876-29877' });
    expect(evaluate([allow], inbound)).toBe('allowed');
  });

  it('decides each port on its own: a deny of one port of a range is not skipped', () => {
    const rules = [
      rule({ name: 'deny-one', direction: 'Inbound', priority: 100, sourceAddressPrefix: '*', destinationPortRange: '29877' }),
      rule({ name: 'allow-both', direction: 'Inbound', priority: 200, access: 'Allow', sourceAddressPrefix: 'BatchNodeManagement', destinationPortRange: '29876-29877' }),
    ];
    const inbound = (port: number): ServiceTraffic => ({ direction: 'Inbound', port, serviceTag: 'BatchNodeManagement.eastus' });
    expect(evaluateNsg(rules, undefined, inbound(29876))).toMatchObject({ allowed: true, rule: { name: 'allow-both' } });
    expect(evaluateNsg(rules, undefined, inbound(29877))).toMatchObject({ allowed: false, rule: { name: 'deny-one' } });
  });

  it("applies a rule only to traffic from the nodes' side: its source (outbound) must hold the subnet", () => {
    expect(evaluate([rule({ sourceAddressPrefix: '10.9.0.0/16' })])).toBe('allowed');
    expect(evaluate([rule({ sourceAddressPrefix: '10.0.0.0/16' })])).toBe('denied');
    expect(evaluate([rule({ sourceAddressPrefix: 'VirtualNetwork' })])).toBe('denied');
    expect(evaluate([rule({ sourceAddressPrefix: 'AzureLoadBalancer' })])).toBe('allowed');
    expect(
      evaluate([
        rule({
          sourceAddressPrefix: undefined,
          sourceApplicationSecurityGroups: [{ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/applicationSecurityGroups/web' }],
        }),
      ]),
    ).toBe('allowed');
    const allowFromElsewhere = rule({ name: 'allow-other-subnet', access: 'Allow', sourceAddressPrefix: '10.9.0.0/16', destinationAddressPrefix: 'BatchNodeManagement' });
    expect(evaluateNsg([allowFromElsewhere, rule({ name: 'deny-all', priority: 200 })], undefined, batchOut)).toMatchObject({
      decided: true,
      allowed: false,
      rule: { name: 'deny-all' },
    });
  });

  it('reads a rule without addresses or ports as any', () => {
    expect(evaluate([{ priority: 100, direction: 'Outbound', access: 'Deny' }])).toBe('denied');
  });

  it('cannot tell, and says why, when the outcome hangs on a public address range or on a part of the subnet', () => {
    const publicRange = evaluateNsg([rule({ name: 'deny-range', destinationAddressPrefix: '20.0.0.0/8' })], undefined, batchOut);
    expect(publicRange).toMatchObject({ decided: false, rule: { name: 'deny-range' }, reason: expect.stringContaining('20.0.0.0/8') });
    const part = evaluateNsg([rule({ name: 'deny-half', sourceAddressPrefix: '10.0.1.0/25' })], undefined, batchOut);
    expect(part).toMatchObject({ decided: false, reason: expect.stringContaining('only some of the subnet') });
    expect(evaluate([rule({ sourceAddressPrefix: '10.0.1.0/25' })], { ...batchOut, nodePrefixes: undefined })).toBe('unknown');
  });

  it('is decided anyway when the uncertain rule ends the same way as the rules after it', () => {
    const rules = [rule({ name: 'deny-range', destinationAddressPrefix: '20.0.0.0/8' }), rule({ name: 'deny-all', priority: 200 })];
    expect(evaluateNsg(rules, undefined, batchOut)).toMatchObject({ decided: true, allowed: false, rule: { name: 'deny-all' } });
    expect(evaluate([rule({ access: 'Allow', destinationAddressPrefix: '20.0.0.0/8' })])).toBe('allowed');
  });
});
