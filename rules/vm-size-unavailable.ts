import { notStatic, type PoolRule } from '../src/engine/rule.ts';
import { daysBetween, RETIREMENT_WARNING_DAYS } from '../src/facts/retirement.ts';
import { isUnknown } from '../src/sources/unknown.ts';

export const vmSizeUnavailableRule: PoolRule = {
  meta: {
    id: 'vm-size-unavailable',
    description: "The VM size is not offered in the account's region, is restricted for the subscription, or is retired.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog', 'environment'],
  },
  check(pool, { facts, report, notChecked }) {
    const { vmSize } = pool.spec;
    if (vmSize === undefined) return;
    if (isUnknown(vmSize)) return notChecked(notStatic('the VM size', vmSize));
    const size = facts.vmSize(vmSize);
    if (!size) return; // vm-size-unknown reports it
    const path = ['vmSize'];
    const retirement = size.retirementDate?.slice(0, 10);
    if (retirement && retirement <= facts.today) {
      return report({ path, message: `${size.name} was retired on ${retirement}: Azure no longer allocates it. Choose a current size of the same vCPUs.` });
    }
    const offering = facts.sizeOffering(size.name);
    if (!offering.known) return notChecked(offering.reason);
    const { location, offered, restrictions } = offering.value;
    if (!offered.known) notChecked(`whether ${size.name} is offered in ${location} is not known: ${offered.reason}`);
    else if (!offered.value) {
      return report({ path, message: `${size.name} is not offered in ${location}, the Batch account's region: the pool cannot allocate a node. Choose a size offered there, or an account in another region.` });
    }
    if (retirement && daysBetween(facts.today, retirement) <= RETIREMENT_WARNING_DAYS) {
      report({
        path,
        severity: 'warning',
        message:
          `${size.name} retires on ${retirement}, in ${daysBetween(facts.today, retirement)} day(s): from then on Azure allocates none, ` +
          'and the pool loses its nodes. Move the pool to a current size of the same vCPUs before then.',
      });
    }
    if (!restrictions.known) notChecked(restrictions.reason);
    else if (restrictions.value.length > 0) {
      report({
        path,
        message:
          `${size.name} is restricted for this subscription in ${location} (${restrictions.value.join(', ')}): allocation fails. ` +
          'Ask for access to the size (a quota or SKU-enablement request), or choose another size.',
      });
    }
  },
};
