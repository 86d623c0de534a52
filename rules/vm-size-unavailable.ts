import type { VmSizeInfo } from '../src/catalog/types.ts';
import type { PoolRule } from '../src/model/rule.ts';
import type { Facts } from '../src/model/facts.ts';
import { daysBetween, RETIREMENT_WARNING_DAYS } from '../src/facts/retirement.ts';

/**
 * Retirement is offline data (the catalog's dates), so that part runs without a context file; whether the
 * size is offered in the account's region, and to the subscription, needs the environment.
 */
export const vmSizeUnavailableRule: PoolRule = {
  meta: {
    id: 'vm-size-unavailable',
    description: "The VM size is retired; with a context file or --live, also a size not offered in the account's region or restricted for the subscription.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      retired: '{{size}} was retired on {{date}}{{laterElsewhere}}: Azure no longer allocates it. Choose a current size of the same vCPUs.',
      notOffered:
        "{{size}} is not offered in {{location}}, the Batch account's region: the pool cannot allocate a node. Choose a size offered there, or an account in another region.",
      retiresSoon:
        '{{size}} retires on {{date}}, in {{days}} day(s){{laterElsewhere}}: from then on Azure allocates none, ' +
        'and the pool loses its nodes. Move the pool to a current size of the same vCPUs before then.',
      restricted:
        '{{size}} is restricted for this subscription in {{location}} ({{restrictions}}): allocation fails. ' +
        'Ask for access to the size (a quota or SKU-enablement request), or choose another size.',
    },
    docs: {
      severityNote: 'a retirement within 180 days is a warning',
      facts:
        "embedded catalog: the size's retirement date (no context file needed) and regions; Azure environment, from a context file or `--live`: the account's region, and the region's resource SKUs (whether the size is offered, and its restrictions)",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    if (vmSize === undefined) return;
    const size = facts.vmSize(vmSize);
    if (!size) return; // vm-size-unknown reports it
    const path = ['vmSize'];
    const retirement = retirementOf(size, facts);
    if (retirement && retirement.date <= facts.today) {
      return report({ path, messageId: 'retired', data: { size: size.name, date: retirement.date, laterElsewhere: retirement.laterElsewhere } });
    }
    const withEnvironment = facts.environmentSource !== 'none';
    const offering = withEnvironment ? facts.sizeOffering(size.name) : undefined;
    if (offering && !offering.known) return notChecked(offering.reason);
    if (offering?.known) {
      const { location, offered } = offering.value;
      if (!offered.known) notChecked(`whether ${size.name} is offered in ${location} is not known: ${offered.reason}`);
      else if (!offered.value) {
        return report({ path, messageId: 'notOffered', data: { size: size.name, location } });
      }
    }
    if (retirement && daysBetween(facts.today, retirement.date) <= RETIREMENT_WARNING_DAYS) {
      const days = daysBetween(facts.today, retirement.date);
      report({ path, severity: 'warning', messageId: 'retiresSoon', data: { size: size.name, date: retirement.date, days, laterElsewhere: retirement.laterElsewhere } });
    }
    if (!offering?.known) return;
    const { location, restrictions } = offering.value;
    if (!restrictions.known) notChecked(restrictions.reason);
    else if (restrictions.value.length > 0) {
      report({ path, messageId: 'restricted', data: { size: size.name, location, restrictions: restrictions.value.join(', ') } });
    }
  },
};

interface Retirement {
  date: string;
  /** How the date differs in regions where Azure extended the series, when the account's region is not known. */
  laterElsewhere: string;
}

/** The size's retirement in the account's region when that is known; else the general date, naming the regions that retire later. */
function retirementOf(size: VmSizeInfo, facts: Facts): Retirement | undefined {
  const general = size.retirementDate?.slice(0, 10);
  if (!general) return undefined;
  const regional = Object.entries(size.regionalRetirementDates ?? {});
  const location = facts.environmentSource === 'none' ? undefined : facts.location();
  if (location?.known) {
    const region = location.value.toLowerCase().replace(/\s+/g, '');
    return { date: regional.find(([name]) => name === region)?.[1] ?? general, laterElsewhere: '' };
  }
  const later = regional.filter(([, date]) => date > facts.today);
  if (later.length === 0) return { date: general, laterElsewhere: '' };
  return { date: general, laterElsewhere: ` (in ${later.map(([name, date]) => `${name} on ${date}`).join(', ')})` };
}
