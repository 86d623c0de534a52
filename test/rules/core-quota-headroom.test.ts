import { describe, expect, it } from 'vitest';
import { coreQuotaHeadroomRule } from '../../rules/core-quota-headroom.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { AccountFacts, Environment } from '../../src/model/environment.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('core-quota-headroom', {
  // The formula's cap of 20 nodes against the total and the family quota: warnings on the formula.
  'autoscale-cap-over-quota.yaml': [
    {
      line: 8,
      column: 19,
      severity: 'warning',
      messageId: 'formulaOverQuota',
      message: ['can ask for up to 80 cores', "the Batch account's dedicated core quota of 100", 'cap the formula at 10 node(s)'],
    },
    { line: 8, column: 19, severity: 'warning', messageId: 'formulaOverQuota', message: ['standardDSv3Family dedicated core quota of 100'] },
  ],
  'over-dedicated.json': [
    {
      line: 8,
      column: 27,
      message: [
        '64 cores (16 × Standard_D4s_v3, 4 vCPUs each)',
        '60 in use that is 124',
        'dedicated core quota of 100',
        'AccountCoreQuotaReached',
        'on the Batch account',
        'at most 10 node(s)',
      ],
    },
    { line: 8, column: 27, message: ['standardDSv3Family dedicated core quota of 100', 'AccountVMSeriesCoreQuotaReached'] },
  ],
  'over-spot.yaml': [{ line: 7, column: 25, message: ['120 cores', 'Spot/low-priority core quota of 20', 'AccountLowPriorityCoreQuotaReached', 'at most 0 node(s)'] }],
  'family-quota-zero.yaml': [
    { line: 14, column: 23, message: ['with 60 in use that is 180', 'dedicated core quota of 100'] },
    { line: 14, column: 23, message: ['with 0 in use that is 120', 'standardHBv3Family dedicated core quota of 0'] },
  ],
  'existing-pool-grows.yaml': [
    {
      line: 7,
      column: 23,
      message: [
        '104 cores (26 × Standard_D4s_v3',
        "with 60 in use, 60 of them this pool's own (existing pool steady (15 dedicated + 0 Spot node(s) of Standard_D4s_v3)) and counted once, that is 104",
        'dedicated core quota of 100',
        'at most 25 node(s)',
      ],
    },
    { line: 7, column: 23, message: ['that is 104', 'standardDSv3Family dedicated core quota of 100'] },
  ],
});

const FIXTURES = 'fixtures/rules/core-quota-headroom';
const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';

/** The rule alone on a fixture pool, against an environment given here rather than the folder's context file. */
async function check(fixture: string, environment: Environment) {
  const report = await lint({ patterns: [`${FIXTURES}/${fixture}`], cwd: PROJECT_ROOT, facts: createFacts({ environment, source: 'context' }), rules: [coreQuotaHeadroomRule] });
  return { messages: report.results.flatMap((result) => result.findings.map((finding) => finding.message)), notChecked: report.notChecked.map((entry) => entry.reason) };
}

const batchService = (account: Omit<AccountFacts, 'id' | 'poolAllocationMode'>): Environment => ({
  location: 'eastus',
  account: { id: ACCOUNT_ID, poolAllocationMode: 'BatchService', ...account },
});

describe('core-quota-headroom never passes a quota it does not know', () => {
  it('says a quota the facts leave out was not compared (16 × D4s_v3 dedicated, 1 × HB120rs_v3 Spot)', async () => {
    expect(await check('invalid/over-dedicated.json', batchService({ quotas: { perFamilyEnforced: false }, usage: { dedicatedCores: 0 } }))).toEqual({
      messages: [],
      notChecked: [expect.stringContaining('dedicated core quota (account.quotas.dedicatedCores) is not known')],
    });
    expect((await check('invalid/over-spot.yaml', batchService({ quotas: {} }))).notChecked).toEqual([
      expect.stringContaining('Spot/low-priority core quota (account.quotas.lowPriorityCores) is not known'),
    ]);
  });

  it('does not assume per-family quotas are off, nor that a family left out of the list has a quota of 0', async () => {
    const unknownEnforcement = await check(
      'invalid/over-dedicated.json',
      batchService({ quotas: { dedicatedCores: 500, perFamily: { standardDSv3Family: 10 } }, usage: { dedicatedCores: 0 } }),
    );
    expect(unknownEnforcement).toEqual({ messages: [], notChecked: [expect.stringContaining('per-family dedicated core quotas (account.quotas.perFamilyEnforced) is not known')] });
    const familyLeftOut = await check(
      'invalid/over-dedicated.json',
      batchService({ quotas: { dedicatedCores: 500, perFamilyEnforced: true, perFamily: { standardDv3Family: 10 } }, usage: { dedicatedCores: 0 } }),
    );
    expect(familyLeftOut).toEqual({
      messages: [],
      notChecked: [expect.stringContaining('standardDSv3Family dedicated core quota (account.quotas.perFamily.standardDSv3Family) is not known')],
    });
  });

  it('with the cores in use unknown, reports only what is over the quota on its own, and lists the rest as not checked', async () => {
    const fits = await check('invalid/over-dedicated.json', batchService({ quotas: { dedicatedCores: 100, perFamilyEnforced: false } }));
    expect(fits).toEqual({
      messages: [],
      notChecked: [expect.stringContaining("the pool's 64 cores fit the Batch account's dedicated core quota of 100, but the cores already in use are not known")],
    });
    const over = await check('invalid/over-dedicated.json', batchService({ quotas: { dedicatedCores: 60, perFamilyEnforced: false } }));
    expect(over).toEqual({
      messages: [expect.stringContaining("even counting none in use (the cores in use are not known), that is 64, over the Batch account's dedicated core quota of 60")],
      notChecked: [],
    });
  });

  it('does not take an account of unknown allocation mode for a BatchService one', async () => {
    const environment: Environment = { location: 'eastus', account: { id: ACCOUNT_ID, quotas: { dedicatedCores: 10, perFamilyEnforced: false }, usage: { dedicatedCores: 0 } } };
    expect(await check('invalid/over-dedicated.json', environment)).toEqual({
      messages: [],
      notChecked: [expect.stringContaining('pool allocation mode (account.poolAllocationMode) is not known')],
    });
  });
});

describe('core-quota-headroom in UserSubscription mode', () => {
  const userSubscription = (subscriptionQuotas: Environment['subscriptionQuotas']): Environment => ({
    location: 'eastus',
    account: { id: ACCOUNT_ID, poolAllocationMode: 'UserSubscription' },
    ...(subscriptionQuotas && { subscriptionQuotas }),
  });

  it("counts dedicated cores against the subscription's regional and family vCPU quotas, and Spot against its low-priority quota", async () => {
    const dedicated = await check(
      'invalid/over-dedicated.json',
      userSubscription({
        totalRegionalCores: { limit: 100, current: 50 },
        families: { standardDSv3Family: { limit: 60, current: 0 } },
        lowPriorityCores: { limit: 0, current: 0 },
      }),
    );
    expect(dedicated.notChecked).toEqual([]);
    expect(dedicated.messages).toEqual([
      expect.stringMatching(
        /with 50 in use that is 114, over the subscription's Total Regional vCPUs quota of 100\. .*on the subscription \(Subscriptions › Usage \+ quotas.*at most 12 node\(s\)/,
      ),
      expect.stringMatching(/with 0 in use that is 64, over the subscription's standardDSv3Family vCPU quota of 60\..*at most 15 node\(s\)/),
    ]);
    const spot = await check('invalid/over-spot.yaml', userSubscription({ totalRegionalCores: { limit: 0, current: 0 }, lowPriorityCores: { limit: 100, current: 0 } }));
    expect(spot).toEqual({
      messages: [
        expect.stringContaining(
          "120 cores (1 × Standard_HB120rs_v3, 120 vCPUs each); with 0 in use that is 120, over the subscription's Total Regional Low-priority vCPUs quota of 100",
        ),
      ],
      notChecked: [],
    });
  });

  it("never uses the account's quotas, and says which subscription quota is missing", async () => {
    const environment = userSubscription({ totalRegionalCores: { limit: 1000, current: 0 } });
    environment.account!.quotas = { dedicatedCores: 1, lowPriorityCores: 1 };
    expect(await check('invalid/over-dedicated.json', environment)).toEqual({
      messages: [],
      notChecked: [expect.stringContaining('standardDSv3Family vCPU quota (subscriptionQuotas.families.standardDSv3Family) is not known')],
    });
    expect((await check('invalid/over-dedicated.json', userSubscription(undefined))).notChecked).toEqual([expect.stringContaining("the subscription's vCPU quotas is not in")]);
  });
});

describe('core-quota-headroom on a pool that already exists', () => {
  /** The account with an existing pool of 15 dedicated nodes. */
  const steady = (vmSize: string, quotas: NonNullable<AccountFacts['quotas']>, usage: NonNullable<AccountFacts['usage']>, id = 'steady'): Environment =>
    batchService({ quotas: { perFamilyEnforced: true, ...quotas }, usage, pools: { [id]: { vmSize, currentDedicatedNodes: 15, currentLowPriorityNodes: 0 } } });

  it('lists a pool whose id is not known as not checked when it fits only as one of the existing pools', async () => {
    const report = await lintFixtures(['fixtures/rules/core-quota-headroom/valid/pool-id-unknown.json'], ['core-quota-headroom']);
    expect(report.notChecked.map((entry) => entry.reason)).toEqual([
      expect.stringMatching(
        /the pool's 60 cores would exceed the Batch account's dedicated core quota of 100 with 60 in use, unless it is one of the existing pools steady \(15 dedicated \+ 0 Spot node\(s\) of Standard_D4s_v3\), whose nodes are in that count: the pool's id is not known/,
      ),
      expect.stringContaining('standardDSv3Family dedicated core quota of 100 with 60 in use, unless it is one of the existing pools steady'),
    ]);
  });

  it("counts a pool whose VM size changes by its new cores only, its old nodes freed from its old family's count", async () => {
    const environment = steady('Standard_E4s_v3', { dedicatedCores: 100, perFamily: { standardDSv3Family: 50 } }, { dedicatedCores: 60, perFamily: { standardESv3Family: 60 } });
    expect(await check('valid/existing-pool-unchanged.yaml', environment)).toEqual({
      messages: [
        expect.stringContaining("60 cores (15 × Standard_D4s_v3, 4 vCPUs each); with 0 in use that is 60, over the Batch account's standardDSv3Family dedicated core quota of 50"),
      ],
      notChecked: [],
    });
  });

  it('does not count off the cores of an existing pool whose VM size it does not know', async () => {
    const environment = steady('Standard_Unknown_v9', { dedicatedCores: 100, perFamilyEnforced: false }, { dedicatedCores: 60 });
    expect(await check('valid/existing-pool-unchanged.yaml', environment)).toEqual({
      messages: [],
      notChecked: [
        expect.stringContaining(
          'unless it is existing pool steady (15 dedicated + 0 Spot node(s) of Standard_Unknown_v9), whose nodes are in that count: the vCPUs of its VM size are not known',
        ),
      ],
    });
  });

  it('reports nothing for a pool that adds no cores (15 nodes down to 10), even to a quota already over', async () => {
    const environment = steady(
      'Standard_D4s_v3',
      { dedicatedCores: 40, perFamily: { standardDSv3Family: 40 } },
      { dedicatedCores: 60, perFamily: { standardDSv3Family: 60 } },
      'fits',
    );
    expect(await check('valid/within-quota.yaml', environment)).toEqual({
      messages: [],
      notChecked: [expect.stringContaining('Spot/low-priority core quota (account.quotas.lowPriorityCores) is not known')],
    });
  });
});

describeSameDefect('core-quota-headroom', {
  'Batch JSON': { line: 13, column: 27 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 33, column: 22 },
  Bicep: { line: 3, column: 14 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 24 },
  Terraform: { line: 16, column: 30 },
});
