import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { galleryImageReplicasRule } from '../../rules/gallery-image-replicas.ts';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { contextFacts } from '../../src/facts/context-locator.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import type { FakeRoute } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';

const ACCOUNT = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
const FOLDER = 'fixtures/rules/gallery-image-replicas';
const CONTEXT = join(PROJECT_ROOT, FOLDER, 'batchlint.context.yaml');
const RENDER = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/img-rg/providers/Microsoft.Compute/galleries/studio/images/render';
/** The fixtures whose pools pin an image version. */
const PINNED = ['invalid/too-few-replicas.yaml', 'invalid/autoscale-formula.yaml', 'invalid/no-replica-in-region.yaml', 'valid/enough-replicas.yaml'].map(
  (file) => `${FOLDER}/${file}`,
);

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

const RULES = [galleryImageReplicasRule];
const findings = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.map(({ filePath, line, column, severity, message }) => ({ filePath, line, column, severity, message })));
const notChecked = (report: LintReport) => report.notChecked.map(({ poolId, reason }) => `${poolId}: ${reason}`);

async function serve(change?: (routes: FakeRoute[]) => void) {
  const environment = await loadContextFile(CONTEXT, PROJECT_ROOT);
  const routes = environmentRoutes(environment, ACCOUNT);
  change?.(routes);
  fake = await startFakeAzure(routes, environmentOptions(environment));
  return liveOptionsFor(fake, ACCOUNT);
}

describe("live mode: a gallery image version's replicas in the account's region", () => {
  it('finds what the context file makes the rule find, for pools that pin a version', async () => {
    const options = await serve();
    const fromContext = await lint({ patterns: PINNED, cwd: PROJECT_ROOT, facts: await contextFacts(CONTEXT, PROJECT_ROOT), rules: RULES });
    const live = await lintLive(PINNED, options, RULES);
    expect(findings(fromContext)).toHaveLength(3);
    expect(findings(live)).toEqual(findings(fromContext));
    expect(notChecked(live)).toEqual(['render-latest-600: ' + definitionNotRead()]);
  });

  it("does not resolve an image definition's latest version: not checked, with the reason", async () => {
    const report = await lintLive([`${FOLDER}/invalid/definition-latest.json`], await serve(), RULES);
    expect(findings(report)).toEqual([]);
    expect(notChecked(report)).toEqual(['render-latest: ' + definitionNotRead()]);
    expect(fake!.requests.filter((request) => /\/versions/i.test(request.path))).toEqual([]);
  });

  it("matches ARM's region display name, and takes the version's replicaCount where the region gives none", async () => {
    const options = await serve((routes) => {
      const version = routes.find((route) => route.path === `${RENDER}/versions/2.0.0`)!;
      const publishingProfile = { replicaCount: 1, targetRegions: [{ name: 'West Europe' }, { name: 'East US', regionalReplicaCount: 5 }] };
      version.answers = [{ body: { id: version.path, name: '2.0.0', location: 'westeurope', properties: { publishingProfile } } }];
    });
    const report = await lintLive([`${FOLDER}/invalid/too-few-replicas.yaml`], options, RULES);
    expect(findings(report).map(({ message }) => message)).toEqual([expect.stringContaining("which has 1 replica(s) in the Batch account's region (westeurope)")]);
  });

  it('says which permission a failed read of the version lacked', async () => {
    const options = await serve((routes) => {
      routes.find((route) => route.path === `${RENDER}/versions/2.0.0`)!.answers = [
        { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } } },
      ];
    });
    const report = await lintLive([`${FOLDER}/invalid/too-few-replicas.yaml`], options, RULES);
    expect(findings(report)).toEqual([]);
    expect(notChecked(report)).toEqual([
      expect.stringMatching(
        /^render-600: the replica count of image \S+ in the Batch account's region could not be read: 403 .*Microsoft\.Compute\/galleries\/images\/versions\/read/,
      ),
    ]);
  });

  it("says the account's region is not known when the account could not be read", async () => {
    const options = await serve((routes) => {
      routes.find((route) => route.path === ACCOUNT)!.answers = [{ status: 403, body: { error: { code: 'AuthorizationFailed', message: 'No.' } } }];
    });
    const report = await lintLive([`${FOLDER}/invalid/too-few-replicas.yaml`], options, RULES);
    expect(notChecked(report)).toEqual([
      expect.stringMatching(/^render-600: the replica count of image \S+ in the Batch account's region is not known: the Batch account's region could not be read: 403/),
    ]);
  });
});

function definitionNotRead(): string {
  return (
    `the replica count of image ${RENDER} in the Batch account's region is not read by live mode for an image definition, ` +
    "whose latest version Azure picks; pin a version, or give the definition's replicaCount in a context file"
  );
}
