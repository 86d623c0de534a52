import type { PoolRule } from '../src/model/rule.ts';
import { poolSubnetId } from '../src/pool/network.ts';

/** A delegation to Batch itself is not "another service"; Batch's docs do not say whether a pool may use such a subnet. */
const isBatchDelegation = (service: string) => /^Microsoft\.Batch\//i.test(service.trim());

export const subnetDelegationRule: PoolRule = {
  meta: {
    id: 'subnet-delegation',
    description: "The pool's subnet is delegated to another Azure service, so Batch cannot allocate nodes in it.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      delegated:
        'The subnet is delegated to {{services}}. Batch does not support delegated subnets: the pool is created but allocates ' +
        'no nodes (AllocationFailed, "subnet has delegation to external resources"). Remove the delegation or use another subnet.',
    },
    docs: {
      facts: "Azure environment: a context file or `--live` — the subnet's delegations",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const subnetId = known(poolSubnetId(pool.spec), 'the subnet');
    if (subnetId === undefined) return;
    const { delegations } = fact(facts.subnet(subnetId));
    if (!delegations) return notChecked(`the delegations of subnet ${subnetId} are not known`);
    const others = delegations.filter((service) => !isBatchDelegation(service));
    if (others.length > 0) {
      return report({ path: ['networkConfiguration', 'subnetId'], messageId: 'delegated', data: { services: others.join(', ') } });
    }
    if (delegations.length > 0) {
      notChecked(`subnet ${subnetId} is delegated to ${delegations.join(', ')}, and Batch's documentation does not say whether a pool may use it`);
    }
  },
};
