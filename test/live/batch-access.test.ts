import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { batchAccessRule } from '../../rules/batch-access.ts';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { contextFacts } from '../../src/facts/context-locator.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';

const CASE = 'fixtures/rules/batch-access/invalid/user-subscription-reader-only';
const CONTEXT = join(PROJECT_ROOT, CASE, 'batchlint.context.yaml');
const SUBSCRIPTION = '/subscriptions/7c1d9e02-5b3a-4c8f-9e61-0a2b3c4d5e6f';
const ACCOUNT = `${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/render`;
// Three pools of one account: the provider is still read once.
const POOLS = ['fixtures/rules/batch-access/formats/pool.json', 'fixtures/rules/batch-access/formats/main.tf', `${CASE}/pool.yaml`];

const results = (report: LintReport) => ({
  findings: report.results.flatMap((result) => result.findings.map(({ filePath, line, messageId }) => ({ filePath, line, messageId }))),
  notChecked: report.notChecked.map(({ poolId, reason }) => ({ poolId, reason })),
});

describe('live mode: what Batch needs in the subscription', () => {
  let fake: FakeAzure | undefined;
  afterEach(() => fake?.close());

  it("reads the Microsoft.Batch provider's registration once, and finds what the context file makes the rule find", async () => {
    const environment = await loadContextFile(CONTEXT, PROJECT_ROOT);
    fake = await startFakeAzure(environmentRoutes(environment, ACCOUNT), environmentOptions(environment));
    const live = results(await lintLive(POOLS, liveOptionsFor(fake, ACCOUNT), [batchAccessRule]));
    const fromContext = results(await lint({ patterns: POOLS, cwd: PROJECT_ROOT, facts: await contextFacts(CONTEXT, PROJECT_ROOT), rules: [batchAccessRule] }));

    expect(fake.requestsFor(`${SUBSCRIPTION}/providers/Microsoft.Batch`)).toHaveLength(1);
    expect(live.findings).toEqual(fromContext.findings.filter(({ messageId }) => messageId === 'notRegistered'));
    expect(live.findings).toHaveLength(3);
    // The role half: the context file says Reader only; live mode cannot find Batch's service principal, and says so.
    expect(fromContext.findings.filter(({ messageId }) => messageId === 'noRole')).toHaveLength(3);
    expect(live.notChecked).toEqual(['render', 'render', 'render'].map((poolId) => ({ poolId, reason: expect.stringContaining('are not read by live mode') })));
  });

  it('names the permission a 403 on the provider lacked, and reports nothing', async () => {
    const environment = await loadContextFile(CONTEXT, PROJECT_ROOT);
    const routes = environmentRoutes(environment, ACCOUNT, [
      { path: `${SUBSCRIPTION}/providers/Microsoft.Batch`, answers: [{ status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no.' } } }] },
    ]);
    fake = await startFakeAzure(routes, environmentOptions(environment));
    const live = results(await lintLive([`${CASE}/pool.yaml`], liveOptionsFor(fake, ACCOUNT), [batchAccessRule]));
    expect(live.findings).toEqual([]);
    expect(live.notChecked).toContainEqual({
      poolId: 'render',
      reason: expect.stringMatching(
        /Microsoft\.Batch in the Batch account's subscription \(subscription\.providers\) could not be read: 403 .*Microsoft\.Resources\/subscriptions\/providers\/read/,
      ),
    });
  });
});
