import type { VmSizeInfo } from '../src/catalog/types.ts';
import { notStatic, type PoolRule, type Report } from '../src/engine/rule.ts';
import { byName } from '../src/facts/by-name.ts';
import type { AccountFacts, QuotaUsage, SubscriptionQuotas } from '../src/facts/environment.ts';
import { nodeDemand, type NodeDemand } from '../src/pool/node-demand.ts';
import type { Path } from '../src/sources/location.ts';
import { isUnknown } from '../src/sources/unknown.ts';

/** One quota the pool's cores count against. */
interface QuotaCheck {
  /** "the Batch account's dedicated core quota" */
  quota: string;
  /** How to raise it, for the message. */
  raise: string;
  needed: number;
  /** Cores already in use, when known. */
  used: number | undefined;
  limit: number;
  path: Path;
}

export const coreQuotaHeadroomRule: PoolRule = {
  meta: {
    id: 'core-quota-headroom',
    description: 'The pool needs more vCPUs than the quota has left: nodes stay unallocated with a quota resize error.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog', 'environment'],
  },
  check(pool, { facts, report, notChecked }) {
    const { vmSize } = pool.spec;
    if (vmSize === undefined) return;
    if (isUnknown(vmSize)) return notChecked(notStatic('the VM size', vmSize));
    const size = facts.vmSize(vmSize);
    if (!size) return notChecked(`the vCPUs of ${vmSize} are not known`);
    const demand = nodeDemand(pool.spec);
    if (isUnknown(demand)) return notChecked(`the cores were not compared with the quota: ${demand.reason}`);
    if (demand.dedicated + demand.spot === 0) return;
    const account = facts.account();
    if (!account.known) return notChecked(account.reason);

    let checks: QuotaCheck[];
    if (account.value.poolAllocationMode === 'UserSubscription') {
      const quotas = facts.subscriptionQuotas();
      if (!quotas.known) return notChecked(quotas.reason);
      checks = subscriptionChecks(quotas.value, size, demand);
    } else {
      checks = accountChecks(account.value, size, demand);
    }
    for (const check of checks) {
      const total = check.needed + (check.used ?? 0);
      if (total <= check.limit) continue;
      report(quotaReport(check, size, total));
    }
  },
};

function accountChecks(account: AccountFacts, size: VmSizeInfo, demand: NodeDemand): QuotaCheck[] {
  const { quotas = {}, usage } = account;
  const raise = 'request an increase on the Batch account (Quotas, or a support request)';
  const checks: QuotaCheck[] = [];
  const dedicated = demand.dedicated * size.vCPUs;
  const spot = demand.spot * size.vCPUs;
  if (dedicated > 0 && quotas.dedicatedCores !== undefined) {
    checks.push({ quota: "the Batch account's dedicated core quota", raise, needed: dedicated, used: usage?.dedicatedCores, limit: quotas.dedicatedCores, path: ['targetDedicatedNodes'] });
  }
  if (dedicated > 0 && quotas.perFamilyEnforced && size.family && quotas.perFamily) {
    checks.push({
      quota: `the Batch account's ${size.family} dedicated core quota`,
      raise,
      needed: dedicated,
      used: usage?.perFamily ? (byName(usage.perFamily, size.family) ?? 0) : undefined,
      limit: byName(quotas.perFamily, size.family) ?? 0,
      path: ['targetDedicatedNodes'],
    });
  }
  if (spot > 0 && quotas.lowPriorityCores !== undefined) {
    checks.push({ quota: "the Batch account's Spot/low-priority core quota", raise, needed: spot, used: usage?.lowPriorityCores, limit: quotas.lowPriorityCores, path: ['targetLowPriorityNodes'] });
  }
  return checks;
}

/** UserSubscription mode: nodes are VMs of the subscription, counted against its regional vCPU quotas. */
function subscriptionChecks(quotas: SubscriptionQuotas, size: VmSizeInfo, demand: NodeDemand): QuotaCheck[] {
  const raise = "request an increase of the subscription's regional vCPU quota (Subscriptions › Usage + quotas)";
  const checks: QuotaCheck[] = [];
  const add = (quota: string, usage: QuotaUsage | undefined, needed: number, path: Path) => {
    if (usage && needed > 0) checks.push({ quota, raise, needed, used: usage.current, limit: usage.limit, path });
  };
  add("the subscription's Total Regional vCPUs quota", quotas.totalRegionalCores, demand.dedicated * size.vCPUs, ['targetDedicatedNodes']);
  if (size.family) add(`the subscription's ${size.family} vCPU quota`, byName(quotas.families, size.family), demand.dedicated * size.vCPUs, ['targetDedicatedNodes']);
  add("the subscription's Total Regional Low-priority vCPUs quota", quotas.lowPriorityCores, demand.spot * size.vCPUs, ['targetLowPriorityNodes']);
  return checks;
}

function quotaReport(check: QuotaCheck, size: VmSizeInfo, total: number): Report {
  const used = check.used === undefined ? 'usage not known, so counted as 0' : `${check.used} in use`;
  const spare = Math.max(0, check.limit - (check.used ?? 0));
  return {
    path: check.path,
    message:
      `The pool needs ${check.needed} cores (${check.needed / size.vCPUs} × ${size.name}, ${size.vCPUs} vCPUs each); with ${used} that is ${total}, ` +
      `over ${check.quota} of ${check.limit}. Nodes beyond it are never allocated. Either ${check.raise}, ` +
      `or ask for at most ${Math.floor(spare / size.vCPUs)} node(s) of this size.`,
  };
}
