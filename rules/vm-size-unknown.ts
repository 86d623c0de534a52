import type { PoolRule } from '../src/model/rule.ts';

export const vmSizeUnknownRule: PoolRule = {
  meta: {
    id: 'vm-size-unknown',
    description: 'The VM size is not one Azure offers (per the embedded catalog): the pool can never allocate a node.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      notInCatalog:
        '"{{vmSize}}" is not a VM size in batchlint\'s catalog (data of {{catalogDate}}).{{didYouMean}} ' +
        'Check the name with `az batch location list-skus`; if the size is newer than the catalog, turn this rule off for the file.',
    },
    docs: {
      facts: 'embedded catalog of VM sizes (its data date is printed with every run)',
    },
  },
  check(pool, { facts, report, known }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    if (typeof vmSize !== 'string' || facts.vmSize(vmSize)) return;
    // A cloud service size ("small") belongs to the retired Cloud Services pools, which pool-schema reports.
    if (pool.spec.cloudServiceConfiguration !== undefined) return;
    const suggestions = facts.closestVmSizeNames(vmSize, 3);
    const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.map((name) => `"${name}"`).join(', ')}?` : ' It may be a size Azure has retired.';
    report({ path: ['vmSize'], messageId: 'notInCatalog', data: { vmSize, catalogDate: facts.catalogDate, didYouMean } });
  },
};
