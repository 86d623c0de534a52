import { usableIpv4Addresses } from '../src/facts/address-space.ts';
import { notStatic, type PoolRule } from '../src/model/rule.ts';
import type { ExistingPool } from '../src/model/environment.ts';
import { normalizeResourceId } from '../src/facts/resource-id.ts';
import { describeExisting, existingPoolOf, heldBy, nodesOf, type ExistingMatch } from '../src/pool/existing-pool.ts';
import { poolSubnetId } from '../src/pool/network.ts';
import { nodeDemand } from '../src/pool/node-demand.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** Under this share of spare addresses beyond what the pool needs, a warning: the next resize or pool will not fit. */
const HEADROOM_SHARE = 0.1;

export const subnetIpCapacityRule: PoolRule = {
  meta: {
    id: 'subnet-ip-capacity',
    description: 'The subnet has fewer free IP addresses than the pool has nodes: allocation stops part-way with a resize error.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      short:
        'The pool asks for {{asked}}, each taking one address, but {{subnet}} has only {{free}} free ({{size}}). ' +
        'Allocation stops at {{free}} node(s) with a resize error. Use a larger subnet or lower the target node count.',
      tight:
        "The pool's {{asked}} fit in {{subnet}}, but only {{spare}} address(es) stay free ({{size}}), under 10% headroom: " +
        'the next resize or another pool on the subnet will fail to allocate. Plan a larger subnet.',
      formulaShort:
        'The autoscale formula can ask for up to {{asked}}, each taking one address, but {{subnet}} has only {{free}} free ({{size}}). ' +
        'At its peak, allocation stops at {{free}} node(s) with a resize error. Use a larger subnet or cap the formula lower.',
    },
    docs: {
      severityNote: 'too little headroom is a warning',
      facts: 'Azure environment: a context file or `--live` — subnet address prefixes and IP configurations in use',
    },
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
    let existing: ExistingMatch = { kind: 'new' };
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
      const account = facts.account();
      existing = existingPoolOf(pool.spec, account.known ? account.value : undefined);
      subnetName = `subnet ${lastSegment(subnetId as string)}`;
    }
    const usable = prefixes && usableIpv4Addresses(prefixes);
    if (usable === undefined) return notChecked(`the IPv4 address prefixes of ${subnetName} are not known`);

    const held = heldBy(existing, (existingPool) => addressesHeld(existingPool, subnetId as string));
    const fit = (own: number) => fitOf(needed, usable - Math.max(0, inUse - own));
    if (fit(held.max) === 'fits' && fit(held.min) === 'short') {
      return notChecked(
        `the pool's ${needed} node(s) would not fit the ${Math.max(0, usable - inUse)} free address(es) of ${subnetName}, unless it is ${describeExisting(existing as Exclude<ExistingMatch, { kind: 'new' }>)}, ` +
          "whose nodes hold addresses there already: the pool's id is not known, so it was not matched",
      );
    }
    const own = held.max;
    const free = Math.max(0, usable - Math.max(0, inUse - own));
    const ownPart =
      own > 0 && existing.kind !== 'new' ? `, ${own} of them ${existing.kind === 'same' ? "this pool's own" : 'of the pool it may be'} (${describeExisting(existing)})` : '';
    const size = `${prefixes!.join(', ')}: ${usable} usable after Azure's 5 reserved per prefix, ${inUse} in use${ownPart}`;
    const asked = `${needed} node(s) (${demand.dedicated} dedicated + ${demand.spot} Spot/low-priority)`;
    const path = ['networkConfiguration', 'subnetId'];
    const data = { asked, subnet: subnetName, free, size, spare: free - needed };
    // A formula's cap is the most it may ask for, not what it will: only a shortfall is worth a warning.
    if (demand.fromFormula) {
      if (fit(own) === 'short') report({ path: ['autoScaleFormula'], severity: 'warning', messageId: 'formulaShort', data });
    } else if (fit(own) === 'short') report({ path, messageId: 'short', data });
    else if (fit(own) === 'tight') report({ path, severity: 'warning', messageId: 'tight', data });
  },
};

/** Whether `needed` nodes fit `free` addresses, and with the headroom the next resize needs. */
function fitOf(needed: number, free: number): 'short' | 'tight' | 'fits' {
  if (needed > free) return 'short';
  return free - needed < Math.ceil(needed * HEADROOM_SHARE) ? 'tight' : 'fits';
}

/**
 * The addresses an existing pool's nodes hold in the subnet. A pool with no subnet written is taken to be in the
 * linted one: Batch changes a pool's network configuration only while it has no nodes, so a pool that keeps its
 * nodes keeps its subnet (and counting them there can only miss a shortfall, never invent one).
 */
function addressesHeld(pool: ExistingPool, subnetId: string): number {
  if (pool.subnetId !== undefined && normalizeResourceId(pool.subnetId) !== normalizeResourceId(subnetId)) return 0;
  return nodesOf(pool);
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
