import { describe, expect, it } from 'vitest';
import { poolSizeLimitRule } from '../../rules/pool-size-limit.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

// The fixtures have no context file: the account's allocation mode is not known, so inter-node pools are held to 100.
describeRuleFixtures('pool-size-limit', {
  'inter-node-150.json': [
    {
      line: 14,
      column: 27,
      messageId: 'interNodeTooLarge',
      message: [
        'The pool asks for 150 nodes (150 dedicated + 0 Spot) with inter-node communication enabled,',
        'at most 100 nodes in such a pool (100 in BatchService pool allocation mode; 80 in UserSubscription mode)',
        'cannot be raised',
        'set enableInterNodeCommunication to false',
      ],
    },
  ],
  'inter-node-provider-default.tf': [
    {
      line: 17,
      column: 33,
      message: ['asks for 120 nodes (20 dedicated + 100 Spot)', 'it is not set, and the azurerm provider defaults it to "Enabled"', 'set inter_node_communication to "Disabled"'],
    },
  ],
  'inter-node-autoscale.yaml': [
    { line: 8, column: 19, severity: 'warning', message: ['The autoscale formula can ask for up to 120 nodes (120 dedicated + 0 Spot)', 'at most 100 nodes'] },
  ],
  'inter-node-managed-image.yaml': [{ line: 9, column: 23, messageId: 'interNodeTooLarge', message: ['asks for 2500 nodes', 'at most 100 nodes'] }],
  'managed-image-over.yaml': [
    {
      line: 7,
      column: 23,
      messageId: 'managedImageTooLarge',
      message: ['The pool asks for 2500 dedicated nodes from a managed image', 'at most 2000 dedicated nodes', 'Azure Compute Gallery image version'],
    },
    { line: 8, column: 25, messageId: 'managedImageTooLarge', message: ['asks for 1200 Spot nodes', 'at most 1000 Spot nodes'] },
  ],
});

describeSameDefect('pool-size-limit', {
  'Batch JSON': { line: 14, column: 27 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 40, column: 37 },
  Bicep: { line: 22, column: 31 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 19 },
  Terraform: { line: 21, column: 30 },
});

const FIXTURES = 'fixtures/rules/pool-size-limit';
const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';

async function check(fixture: string, environment?: Environment) {
  const facts = createFacts(environment ? { environment, source: 'context' } : {});
  const report = await lint({ patterns: [`${FIXTURES}/${fixture}`], cwd: PROJECT_ROOT, facts, rules: [poolSizeLimitRule] });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ line, message }) => ({ line, message }))),
    notChecked: report.notChecked.map((entry) => `${entry.poolId}: ${entry.reason}`),
  };
}

const inMode = (poolAllocationMode: 'BatchService' | 'UserSubscription'): Environment => ({ location: 'eastus', account: { id: ACCOUNT_ID, poolAllocationMode } });

describe("pool-size-limit and the account's allocation mode", () => {
  it('with the mode unknown, says an inter-node pool of 81 to 100 nodes was not checked against the UserSubscription limit', async () => {
    expect(await check('valid/inter-node-within.yaml')).toEqual({
      findings: [],
      notChecked: [
        expect.stringMatching(
          /^mpi-100: the inter-node communication pool's 100 nodes are within the limit of 100, but over the limit of 80 in UserSubscription mode, .*poolAllocationMode/,
        ),
      ],
    });
  });

  it('holds an inter-node pool to 80 nodes in UserSubscription mode, and to 100 in BatchService mode', async () => {
    const userSubscription = await check('valid/inter-node-within.yaml', inMode('UserSubscription'));
    expect(userSubscription.notChecked).toEqual([]);
    expect(userSubscription.findings).toEqual([
      {
        line: 8,
        message: expect.stringContaining(
          'The pool asks for 100 nodes (100 dedicated + 0 Spot) with inter-node communication enabled, but Batch allows at most 80 nodes in such a pool in UserSubscription pool allocation mode',
        ),
      },
    ]);
    expect(await check('valid/inter-node-within.yaml', inMode('BatchService'))).toEqual({ findings: [], notChecked: [] });
    expect((await check('invalid/inter-node-150.json', inMode('BatchService'))).findings).toEqual([
      { line: 14, message: expect.stringContaining('at most 100 nodes in such a pool in BatchService pool allocation mode') },
    ]);
  });
});

describe('pool-size-limit with settings the definition leaves open', () => {
  it('says so where a limit could apply, and says nothing for a pool under every limit', async () => {
    expect(await check('valid/settings-not-known.json')).toEqual({
      findings: [],
      notChecked: [
        expect.stringMatching(/^mpi: whether inter-node communication is enabled is not known statically/),
        expect.stringMatching(/^farm: the custom image id is not known statically/),
      ],
    });
  });
});
