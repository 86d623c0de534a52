import type { PoolRule } from '../src/model/rule.ts';
import type { AccountFacts } from '../src/model/environment.ts';
import type { Fact } from '../src/model/facts.ts';
import { parseResourceId } from '../src/facts/resource-id.ts';

const BATCH_PROVIDER = 'Microsoft.Batch';

/** Built-in roles that let Batch manage the pool's VMs in the subscription, by lower-case name and by role definition GUID. */
const SUFFICIENT_ROLES = new Map([
  ['owner', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'],
  ['contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
  ['azure batch service orchestration role', 'a35466a1-cfd6-450a-b35e-683fcdf30363'],
]);

/** Built-in roles that only read, so hold none of what Batch needs. */
const READ_ONLY_ROLES = new Map([['reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7']]);

export const batchAccessRule: PoolRule = {
  meta: {
    id: 'batch-access',
    description: "Batch lacks what it needs in the account's subscription (Microsoft.Batch registered; in UserSubscription mode, a role for Batch).",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      notRegistered:
        "The Microsoft.Batch resource provider is {{state}} in the Batch account's subscription{{subscription}}: {{consequence}}. " +
        'Register it (`az provider register --namespace Microsoft.Batch`) and wait until it reads Registered.',
      noRole:
        'In UserSubscription mode Batch creates the pool\'s VMs in the account\'s subscription{{subscription}}, but "Microsoft Azure Batch" holds {{held}} there: ' +
        'nodes are not allocated (AllocationFailed, "Azure Batch Service does not have the desired permissions") and deleting the pool stalls. ' +
        'Assign "Microsoft Azure Batch" the Azure Batch Service Orchestration Role, Contributor or Owner on the subscription.',
    },
    docs: {
      facts:
        'Azure environment: a context file or `--live` — the registration state of Microsoft.Batch in the account\'s subscription; in UserSubscription mode the roles "Microsoft Azure Batch" holds there (context file only)',
    },
  },
  check(_pool, { facts, report, notChecked }) {
    const account = facts.account();
    const mode = account.known ? account.value.poolAllocationMode : undefined;
    const subscription = subscriptionOf(account);

    const state = facts.providerRegistration(BATCH_PROVIDER);
    if (!state.known) notChecked(state.reason);
    else if (/^registering$/i.test(state.value)) notChecked(`${BATCH_PROVIDER} is still Registering in the Batch account's subscription; lint again once it reads Registered`);
    else if (!/^registered$/i.test(state.value)) {
      const consequence =
        mode === 'UserSubscription'
          ? "Batch cannot create the pool's VMs there, and deleting the pool stalls in the deleting state"
          : 'deleting the pool can stall in the deleting state';
      report({ path: [], messageId: 'notRegistered', data: { state: state.value, subscription, consequence } });
    }

    if (!account.known) return notChecked(account.reason);
    if (mode === undefined)
      return notChecked("the Batch account's pool allocation mode (account.poolAllocationMode) is not known, so neither is whether Batch needs a role on the subscription");
    if (mode !== 'UserSubscription') return;
    const roles = facts.batchRoleAssignments();
    if (!roles.known) return notChecked(roles.reason);
    if (roles.value.some((role) => isOneOf(role, SUFFICIENT_ROLES))) return;
    const readOnly = roles.value.filter((role) => isOneOf(role, READ_ONLY_ROLES));
    if (readOnly.length < roles.value.length) {
      return notChecked(
        `whether the role(s) ${roles.value.filter((role) => !readOnly.includes(role)).join(', ')} of "Microsoft Azure Batch" grant what Batch needs on the subscription is not known (only Owner, Contributor and the Azure Batch Service Orchestration Role are)`,
      );
    }
    report({ path: [], messageId: 'noRole', data: { subscription, held: readOnly.length === 0 ? 'no role' : `only ${readOnly.join(', ')}` } });
  },
};

/** " (<id>)" for messages, when the account's id names its subscription. */
function subscriptionOf(account: Fact<AccountFacts>): string {
  const id = account.known && account.value.id ? parseResourceId(account.value.id)?.subscriptionId : undefined;
  return id ? ` (${id})` : '';
}

/** A role named by its name, its GUID, or a role definition id ending in the GUID. */
function isOneOf(role: string, roles: ReadonlyMap<string, string>): boolean {
  const written = role.trim().toLowerCase();
  return [...roles].some(([name, guid]) => written === name || written === guid || written.endsWith(`/roledefinitions/${guid}`));
}
