import type { VmSizeInfo } from '../src/catalog/types.ts';
import type { PoolRule, Report } from '../src/model/rule.ts';
import { byName } from '../src/facts/by-name.ts';
import type { AccountFacts, ExistingPool, QuotaUsage, SubscriptionQuotas } from '../src/model/environment.ts';
import { describeExisting, existingPoolOf, heldBy, type ExistingMatch } from '../src/pool/existing-pool.ts';
import { nodeDemand, type NodeDemand } from '../src/pool/node-demand.ts';
import type { Path } from '../src/model/location.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** One quota the pool's cores count against. */
interface QuotaCheck {
  /** "the Batch account's dedicated core quota" */
  quota: string;
  /** Where to ask for more, for the message. */
  raise: string;
  /** The resize error Batch reports when the quota runs out, when it has a documented one. */
  errorCode?: string;
  needed: number;
  /** Cores already in use, when known. */
  used: number | undefined;
  limit: number;
  path: Path;
  /** The cores an existing pool holds in this quota (undefined: its VM size is not known); they are in `used`. */
  heldBy: (pool: ExistingPool) => number | undefined;
}

/** Per kind of quota, the cores an existing pool's nodes hold in it. */
interface HeldCores {
  dedicated: QuotaCheck['heldBy'];
  family: QuotaCheck['heldBy'];
  spot: QuotaCheck['heldBy'];
}

/** A quota the pool counts against that the facts do not give: why it was not compared. */
interface MissingQuota {
  missing: string;
}

const ACCOUNT_QUOTAS = 'on the Batch account (its Quotas page, or a support request)';
const SUBSCRIPTION_QUOTAS = "on the subscription (Subscriptions › Usage + quotas, in the account's region)";

export const coreQuotaHeadroomRule: PoolRule = {
  meta: {
    id: 'core-quota-headroom',
    description: 'The pool needs more vCPUs than the quota has left: nodes stay unallocated with a quota resize error.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog', 'environment'],
    messages: {
      overQuota:
        'The pool needs {{needed}} cores ({{nodes}} × {{size}}, {{vCPUs}} vCPUs each); {{used}} that is {{total}}, ' +
        'over {{quota}} of {{limit}}. Nodes beyond it are never allocated{{error}}. Either ask for more of {{quota}} {{raise}}, ' +
        'or ask for at most {{fits}} node(s) of this size.',
      formulaOverQuota:
        'The autoscale formula can ask for up to {{needed}} cores ({{nodes}} × {{size}}, {{vCPUs}} vCPUs each); {{used}} that is {{total}}, ' +
        'over {{quota}} of {{limit}}. At its peak, nodes beyond the quota are never allocated{{error}}. Either ask for more of {{quota}} {{raise}}, ' +
        'or cap the formula at {{fits}} node(s) of this size.',
    },
    docs: {
      facts:
        "embedded catalog: the size's vCPUs and family; Azure environment: a context file or `--live` — the account's allocation mode, core quotas and cores in use (UserSubscription: the subscription's regional vCPU quotas and usage)",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    if (vmSize === undefined) return;
    const size = facts.vmSize(vmSize);
    if (!size) return notChecked(`the vCPUs of ${vmSize} are not known`);
    const demand = nodeDemand(pool.spec);
    if (isUnknown(demand)) return notChecked(`the cores were not compared with the quota: ${demand.reason}`);
    if (demand.dedicated + demand.spot === 0) return;
    const account = fact(facts.account());

    const held = heldCores((name) => facts.vmSize(name), size);
    let checks: (QuotaCheck | MissingQuota)[];
    const mode = account.poolAllocationMode;
    if (mode === undefined) {
      return notChecked("the Batch account's pool allocation mode (account.poolAllocationMode) is not known, so neither is which quotas the pool counts against");
    } else if (mode === 'UserSubscription') {
      checks = subscriptionChecks(fact(facts.subscriptionQuotas()), size, demand, held);
    } else {
      checks = accountChecks(account, size, demand, held);
    }
    const existing = existingPoolOf(pool.spec, account);
    for (const check of checks) {
      if ('missing' in check) {
        notChecked(check.missing);
        continue;
      }
      const own = heldBy(existing, check.heldBy);
      if (check.used === undefined) {
        // The pool's own nodes are in the usage too, so it ends with at least its full demand in use.
        if (check.needed <= check.limit) notChecked(`the pool's ${check.needed} cores fit ${check.quota} of ${check.limit}, but the cores already in use are not known`);
        else if (check.needed > own.max) report(quotaReport(check, size, 0, existing, demand));
        else
          notChecked(
            `the pool's ${check.needed} cores exceed ${check.quota} of ${check.limit}, but it may be ${describeExisting(existing as Exclude<ExistingMatch, { kind: 'new' }>)}, and neither the cores in use nor how many of them are its own are known`,
          );
        continue;
      }
      if (isOver(check, own.max)) report(quotaReport(check, size, own.max, existing, demand));
      else if (isOver(check, own.min)) notChecked(unsureOwnCores(check, existing as Exclude<ExistingMatch, { kind: 'new' }>));
    }
  },
};

/**
 * Over the quota once the pool's nodes replace the ones it holds. A pool that changes its VM size is emptied
 * first (Batch takes a new size only for a pool with no nodes), so its old cores are free by then too; a pool
 * that adds no cores to a quota allocates nothing against it.
 */
function isOver(check: QuotaCheck, held: number): boolean {
  return check.needed > held && check.used! - held + check.needed > check.limit;
}

function unsureOwnCores(check: QuotaCheck, existing: Exclude<ExistingMatch, { kind: 'new' }>): string {
  const why = existing.kind === 'same' ? `the vCPUs of its VM size are not known` : `the pool's id is not known, so it was not matched`;
  return (
    `the pool's ${check.needed} cores would exceed ${check.quota} of ${check.limit} with ${check.used} in use, unless it is ${describeExisting(existing)}, ` +
    `whose nodes are in that count: ${why}`
  );
}

/**
 * The cores an existing pool's nodes hold, under its current VM size (undefined when that size's vCPUs are not
 * known): in a family's quota only when its size is of the linted size's family.
 */
function heldCores(sizeOf: (name: string) => VmSizeInfo | undefined, size: VmSizeInfo): HeldCores {
  const cores = (pool: ExistingPool, nodes: number) => {
    if (nodes === 0) return 0;
    const current = sizeOf(pool.vmSize);
    return current && nodes * current.vCPUs;
  };
  return {
    dedicated: (pool) => cores(pool, pool.currentDedicatedNodes),
    spot: (pool) => cores(pool, pool.currentLowPriorityNodes),
    family: (pool) => {
      if (pool.currentDedicatedNodes === 0) return 0;
      const family = sizeOf(pool.vmSize)?.family;
      if (!family || !size.family) return undefined;
      return family.toLowerCase() === size.family.toLowerCase() ? cores(pool, pool.currentDedicatedNodes) : 0;
    },
  };
}

/** BatchService mode: dedicated cores count against the total and, when enforced, the family's quota; Spot cores against one total. */
function accountChecks(account: AccountFacts, size: VmSizeInfo, demand: NodeDemand, held: HeldCores): (QuotaCheck | MissingQuota)[] {
  const { quotas = {}, usage } = account;
  const checks: (QuotaCheck | MissingQuota)[] = [];
  const dedicated = demand.dedicated * size.vCPUs;
  const spot = demand.spot * size.vCPUs;
  if (dedicated > 0) {
    checks.push(
      quotas.dedicatedCores === undefined
        ? { missing: "the Batch account's dedicated core quota (account.quotas.dedicatedCores) is not known" }
        : {
            quota: "the Batch account's dedicated core quota",
            raise: ACCOUNT_QUOTAS,
            errorCode: 'AccountCoreQuotaReached',
            needed: dedicated,
            used: usage?.dedicatedCores,
            limit: quotas.dedicatedCores,
            path: ['targetDedicatedNodes'],
            heldBy: held.dedicated,
          },
    );
    checks.push(...familyCheck(account, size, dedicated, held.family));
  }
  if (spot > 0) {
    checks.push(
      quotas.lowPriorityCores === undefined
        ? { missing: "the Batch account's Spot/low-priority core quota (account.quotas.lowPriorityCores) is not known" }
        : {
            quota: "the Batch account's Spot/low-priority core quota",
            raise: ACCOUNT_QUOTAS,
            errorCode: 'AccountLowPriorityCoreQuotaReached',
            needed: spot,
            used: usage?.lowPriorityCores,
            limit: quotas.lowPriorityCores,
            path: ['targetLowPriorityNodes'],
            heldBy: held.spot,
          },
    );
  }
  return checks;
}

function familyCheck({ quotas = {}, usage }: AccountFacts, size: VmSizeInfo, dedicated: number, heldBy: QuotaCheck['heldBy']): (QuotaCheck | MissingQuota)[] {
  if (quotas.perFamilyEnforced === false) return [];
  if (quotas.perFamilyEnforced === undefined)
    return [{ missing: 'whether the Batch account enforces its per-family dedicated core quotas (account.quotas.perFamilyEnforced) is not known' }];
  if (!size.family) return [{ missing: `the quota family of ${size.name} is not known, so its per-family quota was not compared` }];
  const limit = byName(quotas.perFamily, size.family);
  if (limit === undefined) return [{ missing: `the Batch account's ${size.family} dedicated core quota (account.quotas.perFamily.${size.family}) is not known` }];
  return [
    {
      quota: `the Batch account's ${size.family} dedicated core quota`,
      raise: ACCOUNT_QUOTAS,
      errorCode: 'AccountVMSeriesCoreQuotaReached',
      needed: dedicated,
      // A usage list names the families in use; a family it leaves out has none.
      used: usage?.perFamily ? (byName(usage.perFamily, size.family) ?? 0) : undefined,
      limit,
      path: ['targetDedicatedNodes'],
      heldBy,
    },
  ];
}

/** UserSubscription mode: nodes are VMs of the subscription, counted against its regional vCPU quotas. */
function subscriptionChecks(quotas: SubscriptionQuotas, size: VmSizeInfo, demand: NodeDemand, held: HeldCores): (QuotaCheck | MissingQuota)[] {
  const checks: (QuotaCheck | MissingQuota)[] = [];
  const add = (quota: string, field: string, usage: QuotaUsage | undefined, needed: number, path: Path, heldBy: QuotaCheck['heldBy']) => {
    if (needed === 0) return;
    checks.push(
      usage
        ? { quota, raise: SUBSCRIPTION_QUOTAS, needed, used: usage.current, limit: usage.limit, path, heldBy }
        : { missing: `${quota} (subscriptionQuotas.${field}) is not known` },
    );
  };
  const dedicated = demand.dedicated * size.vCPUs;
  add("the subscription's Total Regional vCPUs quota", 'totalRegionalCores', quotas.totalRegionalCores, dedicated, ['targetDedicatedNodes'], held.dedicated);
  if (size.family)
    add(`the subscription's ${size.family} vCPU quota`, `families.${size.family}`, byName(quotas.families, size.family), dedicated, ['targetDedicatedNodes'], held.family);
  else if (dedicated > 0) checks.push({ missing: `the quota family of ${size.name} is not known, so the subscription's family vCPU quota was not compared` });
  add("the subscription's Total Regional Low-priority vCPUs quota", 'lowPriorityCores', quotas.lowPriorityCores, demand.spot * size.vCPUs, ['targetLowPriorityNodes'], held.spot);
  return checks;
}

/**
 * `held`: the cores in use that are the pool's own (it exists), counted once. An autoscale formula's cap is the
 * most it may ask for, not what it will: a warning, on the formula.
 */
function quotaReport(check: QuotaCheck, size: VmSizeInfo, held: number, existing: ExistingMatch, demand: NodeDemand): Report {
  const total = (check.used ?? 0) - held + check.needed;
  const used =
    check.used === undefined
      ? 'even counting none in use (the cores in use are not known),'
      : held > 0 && existing.kind !== 'new'
        ? `with ${check.used} in use, ${held} of them ${ownCores(existing)} and counted once,`
        : `with ${check.used} in use`;
  const spare = Math.max(0, check.limit - ((check.used ?? 0) - held));
  const error = check.errorCode ? ` (resize error ${check.errorCode})` : '';
  return {
    ...(demand.fromFormula ? { path: ['autoScaleFormula'], severity: 'warning', messageId: 'formulaOverQuota' } : { path: check.path, messageId: 'overQuota' }),
    data: {
      needed: check.needed,
      nodes: check.needed / size.vCPUs,
      size: size.name,
      vCPUs: size.vCPUs,
      used,
      total,
      quota: check.quota,
      limit: check.limit,
      error,
      raise: check.raise,
      fits: Math.floor(spare / size.vCPUs),
    },
  };
}

function ownCores(existing: Exclude<ExistingMatch, { kind: 'new' }>): string {
  return existing.kind === 'same' ? `this pool's own (${describeExisting(existing)})` : `of ${describeExisting(existing)}, which the pool may be (its id is not known)`;
}
