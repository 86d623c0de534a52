import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allRules } from '../../rules/index.ts';
import { contextSnapshot } from '../../src/cli/context-snapshot.ts';
import { batchScope } from '../../src/live/batch-data-plane.ts';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import type { Environment } from '../../src/model/environment.ts';
import { contextFacts } from '../../src/facts/context-locator.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAnswer, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor, STATIC_TOKEN } from '../helpers/live-run.ts';

const ACCOUNT = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
const FOLDER = 'fixtures/environments/supported-images';
const POOLS = `${FOLDER}/pools.yaml`;
const WITHOUT_MARKETPLACE_IMAGE = `${FOLDER}/gallery-image-pool.yaml`;

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

/** The fake Azure serving the fixture's context file, with these answers first for the account's list of supported images. */
async function serving(supportedImagesAnswers: FakeAnswer[] = [], change: (environment: Environment) => void = () => {}) {
  const environment = await loadContextFile(join(PROJECT_ROOT, FOLDER, 'batchlint.context.yaml'), PROJECT_ROOT);
  change(environment);
  const routes = environmentRoutes(
    environment,
    ACCOUNT,
    supportedImagesAnswers.length > 0 ? [{ path: '/supportedimages', answers: supportedImagesAnswers.map((answer) => ({ ...answer, times: 1 })) }] : [],
  );
  fake = await startFakeAzure(routes, environmentOptions(environment));
  return fake;
}

const mismatches = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.filter((finding) => finding.ruleId === 'image-node-agent-mismatch').map(({ line, messageId }) => ({ line, messageId })));
const notCheckedReasons = (report: LintReport) =>
  report.notChecked.filter((entry) => entry.ruleId === 'image-node-agent-mismatch').map(({ poolId, reason }) => ({ poolId, reason }));

describe("live mode: the account's list of supported images, from its data plane", () => {
  it('pairs images newer than the catalog with their agents, as the context file does', async () => {
    const fromContext = await lint({
      rules: allRules,
      patterns: [POOLS],
      cwd: PROJECT_ROOT,
      facts: await contextFacts(join(PROJECT_ROOT, FOLDER, 'batchlint.context.yaml'), PROJECT_ROOT),
    });
    await serving();
    const live = await lintLive([POOLS], liveOptionsFor(fake!, ACCOUNT));
    expect(mismatches(live)).toEqual([
      { line: 11, messageId: 'otherOs' },
      { line: 17, messageId: 'otherAgent' },
    ]);
    expect(mismatches(fromContext)).toEqual(mismatches(live));
    const [request] = fake!.requestsFor('/supportedimages');
    expect(request?.authorization).toBe(`Bearer ${STATIC_TOKEN}`);
    expect(request?.query.get('api-version')).toBe('2024-07-01.20.0');
  });

  it("judges no image by the catalog's older copy when the account's list lacks it", async () => {
    const report = await lintLive([POOLS], liveOptionsFor(await serving(), ACCOUNT));
    const reason = "Batch's supported-images list for the account (read from Azure) does not list the image MicrosoftWindowsServer/WindowsServer/2022-datacenter";
    expect(notCheckedReasons(report)).toEqual([
      { poolId: 'windows-2022', reason },
      { poolId: 'windows-2022-with-an-ubuntu-agent', reason },
    ]);
  });

  it('follows the odata.nextLink of a paged list, one request per page', async () => {
    await serving();
    const routes = environmentRoutes(await loadContextFile(join(PROJECT_ROOT, FOLDER, 'batchlint.context.yaml'), PROJECT_ROOT), ACCOUNT);
    routes.find((route) => route.path === '/supportedimages')!.pageSize = 1;
    await fake!.close();
    fake = await startFakeAzure(routes);
    const report = await lintLive([POOLS], liveOptionsFor(fake, ACCOUNT));
    expect(mismatches(report)).toEqual([
      { line: 11, messageId: 'otherOs' },
      { line: 17, messageId: 'otherAgent' },
    ]);
    expect(fake.requestsFor('/supportedimages').map((request) => request.query.has('$skiptoken'))).toEqual([false, true]);
  });

  it('asks nothing of the data plane when no pool uses a marketplace image', async () => {
    await serving();
    await lintLive([WITHOUT_MARKETPLACE_IMAGE], liveOptionsFor(fake!, ACCOUNT));
    expect(fake!.requestsFor('/supportedimages')).toEqual([]);
    expect(fake!.requestsFor(ACCOUNT).length).toBeGreaterThan(0);
  });

  it("falls back to the catalog's copy when the list cannot be read, and says why", async () => {
    await serving([{ status: 403, body: { code: 'AuthorizationFailure', message: { lang: 'en-US', value: 'This request is not authorized.' } } }]);
    const report = await lintLive([POOLS], liveOptionsFor(fake!, ACCOUNT));
    expect(mismatches(report)).toEqual([
      { line: 17, messageId: 'otherAgent' },
      { line: 30, messageId: 'otherOs' },
    ]);
    expect(notCheckedReasons(report)).toContainEqual({
      poolId: 'noble-with-its-agent',
      reason:
        "the catalog's copy (2022) of Batch's supported-images list (the account's own list could not be read: 403 AuthorizationFailure: the identity lacks read access to the Batch account's service API (Microsoft Entra ID authentication, not shared keys)) does not list the image canonical/ubuntu-24_04-lts/server",
    });
  });

  it('waits out a throttled answer (429 with Retry-After) within its retries', async () => {
    await serving([{ status: 429, headers: { 'retry-after': '1' }, body: { code: 'TooManyRequests', message: { lang: 'en-US', value: 'slow down' } } }]);
    const report = await lintLive([POOLS], liveOptionsFor(fake!, ACCOUNT, { maxRetries: 1 }));
    expect(mismatches(report)).toEqual([
      { line: 11, messageId: 'otherOs' },
      { line: 17, messageId: 'otherAgent' },
    ]);
    expect(fake!.requestsFor('/supportedimages')).toHaveLength(2);
  });

  it('gives up on an answer slower than the time limit, and finishes', async () => {
    await serving([{ delayMs: 30_000, body: { value: [] } }]);
    const started = Date.now();
    const report = await lintLive([POOLS], liveOptionsFor(fake!, ACCOUNT, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(notCheckedReasons(report).map(({ reason }) => reason)).toContain(
      "the catalog's copy (2022) of Batch's supported-images list (the account's own list could not be read: Azure did not answer in time) does not list the image canonical/ubuntu-24_04-lts/server",
    );
  });

  it('goes into the snapshot, the entries of the images the pools use, and a lint from the snapshot finds what live mode found', async () => {
    await serving([], (environment) => {
      environment.account!.supportedImages!.push({ publisher: 'debian', offer: 'debian-12', sku: '12', nodeAgentSkuId: 'batch.node.debian 12', osType: 'linux' });
    });
    const options = liveOptionsFor(fake!, ACCOUNT);
    const snapshot = await contextSnapshot([POOLS], PROJECT_ROOT, options);
    const written = parse(snapshot) as Environment;
    expect(written.account?.supportedImages?.map(({ offer }) => offer)).toEqual(['ubuntu-24_04-lts', '0001-com-ubuntu-server-jammy']);
    const file = join(mkdtempSync(join(tmpdir(), 'batchlint-snapshot-')), 'batchlint.context.yaml');
    writeFileSync(file, snapshot);
    const fromSnapshot = await lint({ rules: allRules, patterns: [POOLS], cwd: PROJECT_ROOT, facts: await contextFacts(file, PROJECT_ROOT) });
    const live = await lintLive([POOLS], options);
    expect(mismatches(fromSnapshot)).toEqual(mismatches(live));
    expect(notCheckedReasons(fromSnapshot).map(({ poolId }) => poolId)).toEqual(['windows-2022', 'windows-2022-with-an-ubuntu-agent']);
    expect(notCheckedReasons(live).map(({ poolId }) => poolId)).toEqual(['windows-2022', 'windows-2022-with-an-ubuntu-agent']);
  });

  it("falls back to the catalog's copy, with the reason, when the answer is not a list", async () => {
    await serving([{ body: { unexpected: true } }]);
    const report = await lintLive([POOLS], liveOptionsFor(fake!, ACCOUNT));
    expect(mismatches(report)).toContainEqual({ line: 17, messageId: 'otherAgent' });
    expect(notCheckedReasons(report).map(({ reason }) => reason)).toContain(
      "the catalog's copy (2022) of Batch's supported-images list (the account's own list could not be read: the Batch account answered the list of supported images with something other than a list) does not list the image canonical/ubuntu-24_04-lts/server",
    );
  });

  it('does not follow a next page to another host, where the token would go', async () => {
    await serving([{ body: { value: [], 'odata.nextLink': 'https://elsewhere.example/supportedimages?page=2' } }]);
    const report = await lintLive([POOLS], liveOptionsFor(fake!, ACCOUNT));
    expect(notCheckedReasons(report).map(({ reason }) => reason)).toContainEqual(expect.stringContaining("the Batch account's next page is on another host (elsewhere.example)"));
  });
});

describe("the Batch service API's token scope", () => {
  it("is the cloud's Batch resource, told by the account's host", () => {
    expect(batchScope('https://acct.westeurope.batch.azure.com')).toBe('https://batch.core.windows.net//.default');
    expect(batchScope('https://acct.chinanorth3.batch.chinacloudapi.cn')).toBe('https://batch.chinacloudapi.cn//.default');
    expect(batchScope('https://acct.usgovvirginia.batch.usgovcloudapi.net')).toBe('https://batch.core.usgovcloudapi.net//.default');
  });
});
