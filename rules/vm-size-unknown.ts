import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { isUnknown } from '../src/model/unknown.ts';

export const vmSizeUnknownRule: PoolRule = {
  meta: {
    id: 'vm-size-unknown',
    description: 'The VM size is not one Azure offers (per the embedded catalog): the pool can never allocate a node.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    docs: {
      facts: 'embedded catalog of VM sizes (its data date is printed with every run)',
    },
  },
  check(pool, { facts, report, notChecked }) {
    const vmSize = pool.spec.vmSize;
    if (isUnknown(vmSize)) return notChecked(notStatic('the VM size', vmSize));
    if (typeof vmSize !== 'string' || facts.vmSize(vmSize)) return;
    // A cloud service size ("small") belongs to the retired Cloud Services pools, which pool-schema reports.
    if (pool.spec.cloudServiceConfiguration !== undefined) return;
    const suggestions = facts.closestVmSizeNames(vmSize, 3);
    const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.map((name) => `"${name}"`).join(', ')}?` : ' It may be a size Azure has retired.';
    report({
      path: ['vmSize'],
      message:
        `"${vmSize}" is not a VM size in batchlint's catalog (data of ${facts.catalogDate}).${didYouMean} ` +
        `Check the name with \`az batch location list-skus\`; if the size is newer than the catalog, turn this rule off for the file.`,
    });
  },
};
