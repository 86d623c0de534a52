import { describe, expect, it } from 'vitest';
import { batchAccessRule } from '../../rules/batch-access.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import type { EnvironmentSource } from '../../src/model/facts.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { describeSameDefect } from '../helpers/same-defect.ts';

const SUBSCRIPTION = '7c1d9e02-5b3a-4c8f-9e61-0a2b3c4d5e6f';
const ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/render`;

// Each case is a folder: a pool and the environment (batchlint.context.yaml) it is created in.
describeRuleFixtures('batch-access', {
  'not-registered': [
    {
      line: 1,
      column: 1,
      severity: 'error',
      messageId: 'notRegistered',
      message: [`is NotRegistered in the Batch account's subscription (${SUBSCRIPTION})`, 'deleting the pool can stall', 'az provider register --namespace Microsoft.Batch'],
    },
  ],
  'user-subscription-without-role': [
    {
      line: 1,
      column: 1,
      severity: 'error',
      messageId: 'noRole',
      message: ['"Microsoft Azure Batch" holds no role there', 'AllocationFailed', 'Azure Batch Service Orchestration Role, Contributor or Owner'],
    },
  ],
  'user-subscription-reader-only': [
    { line: 1, column: 1, messageId: 'notRegistered', message: ['is Unregistered', "Batch cannot create the pool's VMs there"] },
    { line: 1, column: 1, messageId: 'noRole', message: ['holds only Reader there'] },
  ],
});

/** The rule alone on one plain pool, against the environment given. */
async function check(environment: Environment, source: EnvironmentSource = 'context') {
  const report = await lint({
    patterns: ['fixtures/rules/batch-access/valid/registered/pool.yaml'],
    cwd: PROJECT_ROOT,
    facts: createFacts({ environment, source }),
    rules: [batchAccessRule],
  });
  return {
    messageIds: report.results.flatMap((result) => result.findings.map(({ messageId }) => messageId)),
    notChecked: report.notChecked.map(({ reason }) => reason),
  };
}

const userSubscription = (subscription: Environment['subscription']): Environment => ({
  account: { id: ACCOUNT_ID, poolAllocationMode: 'UserSubscription' },
  subscription,
});

describe('batch-access decisions', () => {
  it('does not run without a context file or --live', async () => {
    expect(await check({}, 'none')).toEqual({ messageIds: [], notChecked: [] });
  });

  it('says what is missing instead of passing when the context file has no subscription part', async () => {
    const { messageIds, notChecked } = await check({ account: { id: ACCOUNT_ID, poolAllocationMode: 'UserSubscription' } });
    expect(messageIds).toEqual([]);
    expect(notChecked).toEqual([
      "the registration state of Microsoft.Batch in the Batch account's subscription (subscription.providers) is not in the context file",
      'the roles "Microsoft Azure Batch" holds on the subscription (subscription.batchRoleAssignments) is not in the context file',
    ]);
  });

  it('waits for a provider still Registering rather than reporting it', async () => {
    const { messageIds, notChecked } = await check(userSubscription({ providers: { 'Microsoft.Batch': 'Registering' }, batchRoleAssignments: ['Owner'] }));
    expect(messageIds).toEqual([]);
    expect(notChecked).toEqual([expect.stringContaining('still Registering')]);
  });

  it('accepts Owner and Contributor by name or by role definition id, in any case', async () => {
    for (const role of [
      'owner',
      'CONTRIBUTOR',
      '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
    ]) {
      expect(await check(userSubscription({ providers: { 'Microsoft.Batch': 'Registered' }, batchRoleAssignments: [role] }))).toEqual({ messageIds: [], notChecked: [] });
    }
  });

  it('cannot judge a custom role, and says which', async () => {
    const { messageIds, notChecked } = await check(userSubscription({ providers: { 'Microsoft.Batch': 'Registered' }, batchRoleAssignments: ['Reader', 'Batch VM Operator'] }));
    expect(messageIds).toEqual([]);
    expect(notChecked).toEqual([expect.stringMatching(/^whether the role\(s\) Batch VM Operator of "Microsoft Azure Batch" grant what Batch needs/)]);
  });

  it('asks for no role in BatchService mode', async () => {
    const environment: Environment = { account: { id: ACCOUNT_ID, poolAllocationMode: 'BatchService' }, subscription: { providers: { 'Microsoft.Batch': 'Registered' } } };
    expect(await check(environment)).toEqual({ messageIds: [], notChecked: [] });
  });

  it('still checks the provider when the allocation mode is not known, and says the role was not', async () => {
    const { messageIds, notChecked } = await check({ account: {}, subscription: { providers: { 'Microsoft.Batch': 'NotRegistered' } } });
    expect(messageIds).toEqual(['notRegistered']);
    expect(notChecked).toEqual([expect.stringContaining('pool allocation mode (account.poolAllocationMode) is not known')]);
  });

  it('in live mode, says the roles are not read there and how to give them', async () => {
    const { notChecked } = await check(userSubscription({ providers: { 'Microsoft.Batch': 'Registered' } }), 'live');
    expect(notChecked).toEqual([expect.stringContaining("are not read by live mode (finding Batch's service principal needs Microsoft Graph); give them in a context file")]);
  });
});

// The shared same-defect environment has Microsoft.Batch NotRegistered; the finding is on the pool itself.
describeSameDefect('batch-access', {
  'Batch JSON': { line: 1, column: 1 },
  'ARM template with a parameters file': { line: 10, column: 5 },
  'Bicep-built JSON': { line: 18, column: 5 },
  Bicep: { line: 3, column: 66 },
  'Bicep with a .bicepparam': { file: 'azuredeploy.bicep', line: 3, column: 66 },
  Terraform: { line: 1, column: 1 },
});
