import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGN_IN_HELP } from '../../src/live/sign-in.ts';
import { azureCliEnvironment } from '../helpers/fake-az-cli.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

const ACCOUNT = '/subscriptions/S/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';

function poolsFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-sign-in-'));
  mkdirSync(join(folder, 'pools'));
  cpSync(join(PROJECT_ROOT, 'fixtures/azure/pools/three-subnets.yaml'), join(folder, 'pools/three-subnets.yaml'));
  return folder;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

let fake: FakeAzure;
afterEach(() => fake?.close());

describe('--live without a sign-in (the built CLI, the real credential chain)', () => {
  it('stops before any request with one message on how to sign in, exit 2, and no "no problems"', async () => {
    fake = await startFakeAzure([]);
    const env = azureCliEnvironment({ ca: fake.ca, signedIn: false });
    const run = await runCliAsync(['lint', 'pools/', '--live', '--account', ACCOUNT, '--arm-endpoint', fake.endpoint], { cwd: poolsFolder(), env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`batchlint: ${SIGN_IN_HELP}\n`);
    expect(fake.requests).toEqual([]);
  });

  it('says what the credentials said only with --debug', async () => {
    fake = await startFakeAzure([]);
    const env = azureCliEnvironment({ ca: fake.ca, signedIn: false });
    const run = await runCliAsync(['lint', 'pools/', '--live', '--account', ACCOUNT, '--arm-endpoint', fake.endpoint, '--debug'], { cwd: poolsFolder(), env });
    expect(run.status).toBe(2);
    expect(occurrences(run.stderr, SIGN_IN_HELP)).toBe(1);
    expect(run.stderr).toContain('what the Azure credentials said');
    expect(run.stderr).toMatch(/az login/);
  });

  it('fails the same with no credential at all (the environment credential alone, nothing set)', async () => {
    fake = await startFakeAzure([]);
    const run = await runCliAsync(['lint', 'pools/', '--live', '--account', ACCOUNT, '--arm-endpoint', fake.endpoint], {
      cwd: poolsFolder(),
      env: { AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential', AZURE_CLIENT_ID: '', AZURE_TENANT_ID: '', AZURE_CLIENT_SECRET: '' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`batchlint: ${SIGN_IN_HELP}\n`);
    expect(fake.requests).toEqual([]);
  });

  it('stops context snapshot the same way, writing nothing', async () => {
    fake = await startFakeAzure([]);
    const env = azureCliEnvironment({ ca: fake.ca, signedIn: false });
    const run = await runCliAsync(['context', 'snapshot', 'pools/', '--account', ACCOUNT, '--arm-endpoint', fake.endpoint], { cwd: poolsFolder(), env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`batchlint: ${SIGN_IN_HELP}\n`);
  });
});
