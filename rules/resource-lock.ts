import { notStatic, type PoolRule, type Report } from '../src/engine/rule.ts';
import type { LockFacts } from '../src/facts/environment.ts';
import { isWithinScope, parseResourceId, resourceGroupId } from '../src/facts/resource-id.ts';
import { poolSubnetId } from '../src/pool/network.ts';
import type { Path } from '../src/sources/location.ts';
import { isUnknown } from '../src/sources/unknown.ts';

/** A scope Batch writes to for this pool, and what it writes there. */
interface WrittenScope {
  resourceId: string;
  what: string;
  path: Path;
  /** Batch only joins nodes to it, never deletes it: a CanNotDelete lock there is harmless. */
  joinedOnly?: boolean;
}

export const resourceLockRule: PoolRule = {
  meta: {
    id: 'resource-lock',
    description: 'A lock on a scope Batch must write to for the pool: allocation or pool deletion fails with ScopeLocked.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
  },
  check(pool, { facts, report, notChecked }) {
    const scopes: WrittenScope[] = [];
    const subnetId = poolSubnetId(pool.spec);
    if (isUnknown(subnetId)) notChecked(notStatic('the subnet', subnetId));
    else if (subnetId !== undefined) {
      const subnet = parseResourceId(subnetId);
      const group = subnet && resourceGroupId(subnet);
      if (group) {
        const path = ['networkConfiguration', 'subnetId'];
        scopes.push({ resourceId: group, what: "the network security group, public IP and load balancer Batch creates for the pool's nodes in the VNet's resource group", path });
        scopes.push({ resourceId: subnetId, what: "the pool's nodes joining the subnet", path, joinedOnly: true });
      }
    }
    const account = facts.account();
    if (account.known && account.value.id) {
      const userSubscription = account.value.poolAllocationMode === 'UserSubscription';
      scopes.push({
        resourceId: account.value.id,
        what: userSubscription ? "the pool's virtual machines, which Batch creates in the account's subscription" : "the pool itself, which is a child of the Batch account",
        path: [],
      });
    } else if (!account.known && facts.environmentSource !== 'none') {
      notChecked(account.reason);
    }

    for (const scope of scopes) {
      const locks = facts.locksCovering(scope.resourceId);
      if (!locks.known) {
        notChecked(locks.reason);
        continue;
      }
      const relevant = locks.value.filter((lock) => !(scope.joinedOnly && (lock.level === 'CanNotDelete' || scopes.some((other) => other !== scope && isWithinScope(other.resourceId, lock.scope)))));
      const lock = mostRestrictive(relevant);
      if (lock) report(lockReport(lock, scope));
    }
  },
};

function mostRestrictive(locks: LockFacts[]): LockFacts | undefined {
  return locks.find((lock) => lock.level === 'ReadOnly') ?? locks[0];
}

function lockReport(lock: LockFacts, scope: WrittenScope): Report {
  const named = `${lock.level} lock${lock.name ? ` "${lock.name}"` : ''} on ${lock.scope}`;
  if (lock.level === 'ReadOnly') {
    return {
      path: scope.path,
      message:
        `A ${named} blocks every write below it, including ${scope.what}: the pool fails to allocate (AllocationFailed with ScopeLocked) ` +
        `and cannot be resized or deleted. Remove the lock, or move the pool's resources out of the locked scope.`,
    };
  }
  return {
    path: scope.path,
    severity: 'warning',
    message:
      `A ${named} stops Batch from deleting ${scope.what}: resizing the pool to 0 or deleting it hangs, with ScopeLocked in the activity log. ` +
      'Lock only resources Batch does not manage, or lift the lock before deleting the pool.',
  };
}
