import { afterEach, describe, expect, it } from 'vitest';
import { applicationPackagesRule } from '../../rules/application-packages.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';

const ACCOUNT = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
const VALID = 'fixtures/rules/application-packages/valid/packages-the-account-has.yaml';
const WITHOUT_PACKAGES = 'fixtures/rules/resource-lock/valid/unlocked.yaml';

describe("live mode: the account's applications", () => {
  let fake: FakeAzure | undefined;
  afterEach(() => fake?.close());

  it('counts only active packages: a version still pending is reported as one the application does not have', async () => {
    const environment = { location: 'westeurope', account: { applications: { blender: { defaultVersion: '4.2', versions: ['4.2'] }, ffmpeg: { versions: ['6.1'] } } } };
    const routes = environmentRoutes(environment, ACCOUNT);
    const blenderPackages = routes.find((route) => route.path === `${ACCOUNT}/applications/blender/versions`)!;
    blenderPackages.answers = [
      {
        body: {
          value: [
            { name: '4.2', properties: { state: 'Active' } },
            { name: '4.1', properties: { state: 'Pending' } },
          ],
        },
      },
    ];
    fake = await startFakeAzure(routes, environmentOptions(environment));
    const report = await lintLive([VALID], liveOptionsFor(fake, ACCOUNT), [applicationPackagesRule]);
    const findings = report.results.flatMap((result) => result.findings.map(({ line, messageId }) => ({ line, messageId })));
    expect(findings).toEqual([{ line: 14, messageId: 'noVersion' }]);
  });

  it('reads no application when no pool references a package', async () => {
    const environment = { location: 'westeurope', account: { applications: { blender: { versions: ['4.2'] } } } };
    fake = await startFakeAzure(environmentRoutes(environment, ACCOUNT), environmentOptions(environment));
    await lintLive([WITHOUT_PACKAGES], liveOptionsFor(fake, ACCOUNT), [applicationPackagesRule]);
    expect(fake.requests.filter((request) => /\/applications/i.test(request.path))).toEqual([]);
    expect(fake.requestsFor(`${ACCOUNT}`).length).toBeGreaterThan(0);
  });
});
