import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { contextFacts } from '../../src/facts/context-locator.ts';
import type { Environment } from '../../src/model/environment.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';
import { allRules } from '../../rules/index.ts';

const SAME_DEFECT_CONTEXT = 'fixtures/rules/same-defect.context.yaml';

/** Every context file the fixtures are linted against; live mode must find the same in the same environment. */
const CONTEXT_FILES = [
  'fixtures/rules/application-packages/batchlint.context.yaml',
  'fixtures/rules/batch-access/invalid/not-registered/batchlint.context.yaml',
  'fixtures/rules/core-quota-headroom/batchlint.context.yaml',
  'fixtures/rules/nvme-disk-controller/batchlint.context.yaml',
  'fixtures/rules/resource-lock/batchlint.context.yaml',
  'fixtures/rules/subnet-delegation/batchlint.context.yaml',
  'fixtures/rules/subnet-ip-capacity/batchlint.context.yaml',
  'fixtures/rules/subnet-nsg-batch-traffic/batchlint.context.yaml',
  'fixtures/rules/vm-size-unavailable/batchlint.context.yaml',
  'fixtures/rules/vnet-custom-dns/batchlint.context.yaml',
  'fixtures/environments/gallery-images/batchlint.context.yaml',
  'fixtures/environments/user-subscription/batchlint.context.yaml',
  'fixtures/formats/terraform/batchlint.context.yaml',
  SAME_DEFECT_CONTEXT,
  'fixtures/azure/batchlint.context.yaml',
];

const ENVIRONMENT_RULES = [
  'application-packages',
  'batch-access',
  'core-quota-headroom',
  'resource-lock',
  'subnet-delegation',
  'subnet-ip-capacity',
  'subnet-nsg-batch-traffic',
  'vm-size-unavailable',
  'vnet-custom-dns',
  'vm-size-hypervisor-generation',
  'gallery-image-replicas',
  'nvme-disk-controller',
];

/** The account a context file names, or one in the subscription of its subnets. */
function accountOf(environment: Environment): string {
  if (environment.account?.id) return environment.account.id;
  const subscription = Object.keys(environment.subnets ?? {})[0]?.split('/')[2] ?? '00000000-0000-0000-0000-000000000001';
  return `/subscriptions/${subscription}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct`;
}

function findingsOf(report: LintReport) {
  return report.results.flatMap((result) =>
    result.findings
      .filter((finding) => ENVIRONMENT_RULES.includes(finding.ruleId))
      .map(({ ruleId, filePath, line, column, severity, message }) => ({ ruleId, filePath, line, column, severity, message })),
  );
}

describe.each(CONTEXT_FILES)('live mode against the fake Azure, serving %s', (contextFile) => {
  // The same-defect files of every rule share one context file beside the rules' folders.
  const folders =
    contextFile === SAME_DEFECT_CONTEXT
      ? allRules.map((rule) => `fixtures/rules/${rule.meta.id}/formats`).filter((folder) => existsSync(join(PROJECT_ROOT, folder)))
      : [dirname(contextFile)];
  let fake: FakeAzure;
  let accountId: string;

  beforeAll(async () => {
    const environment = await loadContextFile(join(PROJECT_ROOT, contextFile), PROJECT_ROOT);
    accountId = accountOf(environment);
    fake = await startFakeAzure(environmentRoutes(environment, accountId), environmentOptions(environment, 100));
  });
  afterAll(() => fake.close());

  it('reports what the context file makes the rules report, at the same places', async () => {
    const facts = await contextFacts(join(PROJECT_ROOT, contextFile), PROJECT_ROOT);
    const fromContext = findingsOf(await lint({ patterns: folders, cwd: PROJECT_ROOT, facts, rules: allRules }));
    const fromLive = findingsOf(await lintLive(folders, liveOptionsFor(fake, accountId)));
    expect(fromContext.length).toBeGreaterThan(0);
    expect(fromLive).toEqual(fromContext);
  });
});
