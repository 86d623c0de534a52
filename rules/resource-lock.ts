import { notStatic, type PoolRule, type Report } from '../src/model/rule.ts';
import type { LockFacts } from '../src/model/environment.ts';
import { isWithinScope, parseResourceId, resourceGroupId } from '../src/facts/resource-id.ts';
import { poolSubnetId } from '../src/pool/network.ts';
import type { Path } from '../src/model/location.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** A scope Batch writes to for this pool, and what it writes there. */
interface WrittenScope {
  resourceId: string;
  what: string;
  path: Path;
  /** What a CanNotDelete lock over the scope does to the pool; undefined when Batch never deletes there, so such a lock is harmless. */
  undeletable?: string;
}

export const resourceLockRule: PoolRule = {
  meta: {
    id: 'resource-lock',
    description: 'A lock on a scope Batch must write to for the pool: allocation or pool deletion fails with ScopeLocked.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      readOnly:
        'A {{lock}} blocks every write below it, including {{what}}: expect the pool to fail to allocate, and it can be neither ' +
        "resized nor deleted while the lock stays (ScopeLocked). Remove the lock, or move the pool's resources out of the locked scope.",
      cannotDelete:
        'A {{lock}} stops Batch from deleting {{what}}: {{consequence}}. ' + 'Lock only resources Batch does not manage, or lift the lock before shrinking or deleting the pool.',
    },
    docs: {
      severityNote: 'a `CanNotDelete` lock is a warning',
      facts: "Azure environment: a context file or `--live` — management locks over the pool's subnet and the Batch account, and the account's allocation mode",
    },
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
        scopes.push({
          resourceId: group,
          what: "the network security group, public IP and load balancer Batch creates for the pool's nodes in the VNet's resource group",
          path,
          undeletable: "resizing the pool to 0 or deleting it hangs at 'X → 0 nodes', with ScopeLocked on Batch's load balancer in that resource group's activity log",
        });
        scopes.push({ resourceId: subnetId, what: "the pool's nodes joining the subnet", path });
      }
    }
    const account = facts.account();
    if (!account.known) notChecked(account.reason);
    else if (!account.value.id) notChecked("the Batch account's resource id (account.id) is not known, so locks over the account were not looked for");
    else {
      const userSubscription = account.value.poolAllocationMode === 'UserSubscription';
      scopes.push({
        resourceId: account.value.id,
        what: userSubscription ? "the pool's virtual machines, which Batch creates in the account's subscription" : 'the pool itself, which is a child of the Batch account',
        path: [],
        undeletable: 'deleting the pool fails at once with ScopeLocked',
      });
    }

    for (const scope of scopes) {
      const locks = facts.locksCovering(scope.resourceId);
      if (!locks.known) {
        notChecked(locks.reason);
        continue;
      }
      // On the subnet only ReadOnly matters, and a lock that also covers the VNet's group or the account is reported there.
      const relevant = locks.value.filter(
        (lock) => scope.undeletable !== undefined || (lock.level === 'ReadOnly' && !scopes.some((other) => other !== scope && isWithinScope(other.resourceId, lock.scope))),
      );
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
  if (lock.level === 'ReadOnly') return { path: scope.path, messageId: 'readOnly', data: { lock: named, what: scope.what } };
  return { path: scope.path, severity: 'warning', messageId: 'cannotDelete', data: { lock: named, what: scope.what, consequence: scope.undeletable ?? '' } };
}
