import { usableIpv4Addresses } from '../src/facts/address-space.ts';
import { notStatic, type PoolRule } from '../src/engine/rule.ts';
import { poolSubnetId } from '../src/pool/network.ts';
import { nodeDemand } from '../src/pool/node-demand.ts';
import { isUnknown } from '../src/sources/unknown.ts';

/** Under this share of spare addresses beyond what the pool needs, a warning: the next resize or pool will not fit. */
const HEADROOM_SHARE = 0.1;

export const subnetIpCapacityRule: PoolRule = {
  meta: {
    id: 'subnet-ip-capacity',
    description: 'The subnet has fewer free IP addresses than the pool has nodes: allocation stops part-way with a resize error.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
  },
  check(pool, { facts, report, notChecked }) {
    const subnetId = poolSubnetId(pool.spec);
    if (subnetId === undefined) return;
    if (isUnknown(subnetId) && !pool.declaredSubnet) return notChecked(notStatic('the subnet', subnetId));
    const demand = nodeDemand(pool.spec);
    if (isUnknown(demand)) return notChecked(`the subnet's free addresses were not compared with the node count: ${demand.reason}`);
    const needed = demand.dedicated + demand.spot;
    if (needed === 0) return;

    let prefixes: string[] | undefined;
    let inUse = 0;
    let subnetName: string;
    if (pool.declaredSubnet) {
      prefixes = pool.declaredSubnet.addressPrefixes;
      subnetName = 'the subnet declared beside the pool';
    } else {
      const subnet = facts.subnet(subnetId as string);
      if (!subnet.known) return notChecked(subnet.reason);
      prefixes = subnet.value.addressPrefixes;
      if (subnet.value.ipConfigurationsInUse === undefined) return notChecked(`how many addresses of subnet ${subnetId as string} are in use is not known`);
      inUse = subnet.value.ipConfigurationsInUse;
      subnetName = `subnet ${lastSegment(subnetId as string)}`;
    }
    const usable = prefixes && usableIpv4Addresses(prefixes);
    if (usable === undefined) return notChecked(`the IPv4 address prefixes of ${subnetName} are not known`);

    const free = Math.max(0, usable - inUse);
    const size = `${prefixes!.join(', ')}: ${usable} usable after Azure's 5 reserved per prefix, ${inUse} in use`;
    const asked = `${needed} node(s) (${demand.dedicated} dedicated + ${demand.spot} Spot/low-priority)`;
    const path = ['networkConfiguration', 'subnetId'];
    if (needed > free) {
      report({
        path,
        message:
          `The pool asks for ${asked}, each taking one address, but ${subnetName} has only ${free} free (${size}). ` +
          `Allocation stops at ${free} node(s) with a resize error. Use a larger subnet or lower the target node count.`,
      });
    } else if (free - needed < Math.ceil(needed * HEADROOM_SHARE)) {
      report({
        path,
        severity: 'warning',
        message:
          `The pool's ${asked} fit in ${subnetName}, but only ${free - needed} address(es) stay free (${size}), under 10% headroom: ` +
          `the next resize or another pool on the subnet will fail to allocate. Plan a larger subnet.`,
      });
    }
  },
};

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
