import { afterEach, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/engine/lint.ts';
import type { LiveOptions } from '../../src/live/live-options.ts';
import { loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor, STATIC_TOKEN } from '../helpers/live-run.ts';

const POOLS = 'fixtures/azure/pools';
const SUBSCRIPTION = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b';
const RENDER_SUBNET = `${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render/subnets/render`;

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

async function lintScenario(name: string, options: Partial<LiveOptions> = {}): Promise<LintReport> {
  const scenario = await loadScenario(name);
  fake = await startFakeAzure(scenario.routes, scenario.options);
  return lintLive([POOLS], liveOptionsFor(fake, scenario.accountId, options));
}

const findings = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.map(({ ruleId, poolId, line, column, message }) => ({ ruleId, poolId, line, column, message })));
const ruleAndPool = (report: LintReport) =>
  findings(report)
    .map(({ ruleId, poolId }) => `${ruleId} ${poolId}`)
    .sort();
/** These read no Azure facts, and cannot judge these pools' images (Ubuntu 24.04, newer than the catalog's lists; a gallery image). */
const CATALOG_IMAGE_RULES = new Set(['image-node-agent-mismatch', 'vm-size-architecture']);
const notChecked = (report: LintReport) =>
  report.notChecked.filter(({ ruleId }) => !CATALOG_IMAGE_RULES.has(ruleId)).map(({ ruleId, poolId, reason }) => ({ ruleId, poolId, reason }));

describe('live mode when Azure misbehaves', () => {
  it('reads everything when all goes well, sending the token it was given and nothing else', async () => {
    const report = await lintScenario('paged.yaml');
    expect(findings(report)).toEqual(findings(await lintFixtures([POOLS])));
    expect(new Set(fake!.requests.map((request) => request.authorization))).toEqual(new Set([`Bearer ${STATIC_TOKEN}`]));
  });

  it('follows nextLink through every page of a list', async () => {
    const report = await lintScenario('paged.yaml');
    expect(ruleAndPool(report)).toContain('resource-lock etl');
    expect(fake!.requestsFor(`${SUBSCRIPTION}/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/renderfarm/pools`).length).toBe(2);
    expect(fake!.requestsFor(`${SUBSCRIPTION}/providers/Microsoft.Compute/skus`).length).toBeGreaterThan(2);
    expect(findings(report)).toEqual(findings(await lintFixtures([POOLS])));
  });

  it('waits as long as a 429 says and then reads the answer', async () => {
    const report = await lintScenario('throttled.yaml', { maxRetries: 2 });
    expect(fake!.requestsFor(RENDER_SUBNET).length).toBe(2);
    expect(ruleAndPool(report)).toContain('subnet-ip-capacity render');
    expect(notChecked(report)).toEqual([]);
  });

  it('says which permission a 403 lacked, and still checks what it could read', async () => {
    const report = await lintScenario('forbidden-network.yaml');
    expect(ruleAndPool(report)).toEqual([
      'core-quota-headroom render',
      'core-quota-headroom render',
      'core-quota-headroom sim',
      'resource-lock etl',
      'subnet-nsg-batch-traffic etl',
      'vm-size-hypervisor-generation etl',
      'vnet-custom-dns etl',
    ]);
    const reasons = notChecked(report).filter(({ poolId }) => poolId === 'render');
    expect(reasons.map(({ ruleId }) => ruleId).sort()).toEqual(['resource-lock', 'subnet-delegation', 'subnet-ip-capacity', 'subnet-nsg-batch-traffic', 'vnet-custom-dns']);
    for (const ruleId of ['subnet-ip-capacity', 'subnet-delegation']) {
      expect(reasons.find((entry) => entry.ruleId === ruleId)!.reason).toMatch(/403 AuthorizationFailed: the identity lacks Microsoft\.Network\/virtualNetworks\/subnets\/read/);
    }
    expect(reasons.find(({ ruleId }) => ruleId === 'resource-lock')!.reason).toMatch(
      /locks could not be read: 403 AuthorizationFailed: the identity lacks Microsoft\.Authorization\/locks\/read/,
    );
  });

  it('leaves the account checks open when the account is not found, and runs the subnet checks', async () => {
    const report = await lintScenario('missing-account.yaml');
    expect(ruleAndPool(report)).not.toContain('core-quota-headroom render');
    expect(ruleAndPool(report)).toContain('subnet-ip-capacity render');
    expect(notChecked(report)).toContainEqual({ ruleId: 'core-quota-headroom', poolId: 'render', reason: expect.stringMatching(/404 ResourceNotFound/) });
  });

  it('leaves the size checks open when the SKU list fails', async () => {
    const report = await lintScenario('sku-outage.yaml');
    expect(notChecked(report)).toContainEqual({ ruleId: 'vm-size-unavailable', poolId: 'sim', reason: expect.stringMatching(/^.*500.*$/) });
    expect(ruleAndPool(report)).toContain('subnet-ip-capacity render');
  });

  it('gives up on an answer that does not come in time, and says so', async () => {
    const report = await lintScenario('slow-nsg.yaml', { timeoutMs: 300 });
    expect(notChecked(report)).toContainEqual({ ruleId: 'subnet-nsg-batch-traffic', poolId: 'sim', reason: expect.stringMatching(/did not answer in time/) });
    expect(ruleAndPool(report)).toContain('subnet-nsg-batch-traffic etl');
  });

  it('says when Azure cannot be reached at all', async () => {
    const scenario = await loadScenario('paged.yaml');
    fake = await startFakeAzure(scenario.routes, scenario.options);
    const unreachable = { ...fake, endpoint: 'https://127.0.0.1:9' };
    const report = await lintLive([POOLS], liveOptionsFor(unreachable, scenario.accountId));
    expect(notChecked(report)).toContainEqual({
      ruleId: 'subnet-ip-capacity',
      poolId: 'render',
      reason: expect.stringMatching(/could not reach Azure Resource Manager \(connect ECONNREFUSED 127\.0\.0\.1:9\)/),
    });
  });

  it('without credentials, fails the run with a sign-in error before any request', async () => {
    const scenario = await loadScenario('paged.yaml');
    fake = await startFakeAzure(scenario.routes, scenario.options);
    const noLogin = { getToken: () => Promise.reject(Object.assign(new Error('Please run az login'), { name: 'CredentialUnavailableError' })) };
    await expect(lintLive([POOLS], liveOptionsFor(fake, scenario.accountId, { credential: noLogin }))).rejects.toMatchObject({
      name: 'LiveSignInError',
      details: 'Please run az login',
    });
    expect(fake.requests).toEqual([]);
  });

  it('asks the credential for a token once per Azure API (Resource Manager, the Batch account), not once per client or request', async () => {
    const scenario = await loadScenario('paged.yaml');
    fake = await startFakeAzure(scenario.routes, scenario.options);
    const asked: string[] = [];
    const counting = {
      getToken: async (scopes: string | string[]) => (asked.push([scopes].flat().join(' ')), { token: 'static-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    await lintLive([POOLS], liveOptionsFor(fake, scenario.accountId, { credential: counting }));
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(asked.sort()).toEqual([`${fake.endpoint}/.default`, 'https://batch.core.windows.net//.default']);
  });
});
