import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextSnapshot } from '../../src/cli/context-snapshot.ts';
import type { LintReport } from '../../src/engine/lint.ts';
import { FORMAT_NAMES, loadFormatter } from '../../src/formatters/index.ts';
import { allRules } from '../../rules/index.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { azureCliEnvironment } from '../helpers/fake-az-cli.ts';
import { runCli, runCliAsync } from '../helpers/run-cli.ts';
import { parseJsonReport, parseSarifLog } from '../helpers/cli-output.ts';

/** Each secret is unique text, so finding it anywhere in the output means it leaked. */
const SECRET = {
  sasSignature: 'SasSig0a1b2c3d4e5f',
  registryPassword: 'RegistryPw-7f3k9q',
  userPassword: '31415926535',
  accountKey: 'AcctKeyQ1w2e3r4t5y6u7i8o9p0==',
  bearerToken: 'eyJhbGciOiJSUzI1NiJ9.BearerBody.Sig',
  connectionKey: 'ConnStrKeyZ9y8x7w6==',
  mountKey: 'MountKeyM1n2b3v4==',
  tfRegistryPassword: 'TfRegistryPw-x8c7v6',
  tfUserPassword: 'TfUserPw-b5n4m3',
  tfSasSignature: 'TfSasSig9z8y7x',
  hclTokenA: 'HclTokenAlpha77',
  hclTokenB: 'HclTokenBravo88',
  armPin: '27182818',
  debugSignature: 'DebugSig5t6y7u',
};

const SAS_URL = `https://acct.blob.core.windows.net/setup/install.sh?sv=2022-11-02&se=2030-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=${SECRET.sasSignature}`;
// Shell features (&&, >) make start-task-shell report this line and offer a fix that would quote it whole.
const COMMAND_LINE = `az storage blob download --account-key ${SECRET.accountKey} -c setup -n install.sh > install.log && curl -H "Authorization: Bearer ${SECRET.bearerToken}" https://api.example.com/ready`;

const JSON_POOL = JSON.stringify(
  {
    id: 'secret-json',
    vmSize: 'Standard_D2s_v3',
    virtualMachineConfiguration: {
      imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
      containerConfiguration: { type: 'dockerCompatible', containerRegistries: [{ registryServer: 'contoso.azurecr.io', username: 'contoso', password: SECRET.registryPassword }] },
    },
    targetDedicatedNodes: 2,
    userAccounts: [{ name: 'runner', password: Number(SECRET.userPassword), elevationLevel: 'admin' }],
    startTask: {
      commandLine: COMMAND_LINE,
      resourceFiles: [{ httpUrl: SAS_URL, filePath: 'install.sh' }],
      environmentSettings: [{ name: 'STORAGE', value: `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRET.connectionKey};EndpointSuffix=core.windows.net` }],
      waitForSuccess: true,
      maxTaskRetryCount: 1,
    },
    mountConfiguration: [{ azureBlobFileSystemConfiguration: { accountName: 'acct', containerName: 'data', accountKey: SECRET.mountKey, relativeMountPath: 'data' } }],
  },
  null,
  2,
);

// An unquoted number is what YAML makes of a digits-only password; the schema rule quotes the value it got.
const YAML_POOL = `id: secret-yaml
vmSize: Standard_D2s_v3
virtualMachineConfiguration:
  imageReference: { publisher: Canonical, offer: 0001-com-ubuntu-server-jammy, sku: 22_04-lts-gen2, version: latest }
  nodeAgentSKUId: batch.node.ubuntu 22.04
targetDedicatedNodes: 2
userAccounts:
  - name: runner
    password: ${SECRET.userPassword}
startTask:
  commandLine: ${JSON.stringify(COMMAND_LINE)}
  resourceFiles:
    - { httpUrl: "${SAS_URL}", filePath: install.sh }
  maxTaskRetryCount: 1
`;

const TERRAFORM_POOL = `resource "azurerm_batch_pool" "secret" {
  name                = "secret-tf"
  resource_group_name = "batch-rg"
  account_name        = "acct"
  vm_size             = "Standard_D2s_v3"
  node_agent_sku_id   = "batch.node.ubuntu 22.04"
  storage_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
  fixed_scale { target_dedicated_nodes = 2 }
  container_configuration {
    type = "DockerCompatible"
    container_registries {
      registry_server = "contoso.azurecr.io"
      user_name       = "contoso"
      password        = "${SECRET.tfRegistryPassword}"
    }
  }
  user_accounts {
    name            = "runner"
    password        = "${SECRET.tfUserPassword}"
    elevation_level = "Admin"
  }
  start_task {
    command_line = ${JSON.stringify(COMMAND_LINE)}
    resource_file {
      http_url  = "${SAS_URL.replace(SECRET.sasSignature, SECRET.tfSasSignature)}"
      file_path = "install.sh"
    }
    user_identity {
      auto_user { elevation_level = "Admin" }
    }
  }
}
`;

/** A password from a parameter's default: only the evaluated pool says which value is the password. */
const ARM_TEMPLATE = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { pin: { type: 'int', defaultValue: Number(SECRET.armPin) } },
    resources: [
      {
        type: 'Microsoft.Batch/batchAccounts/pools',
        apiVersion: '2024-07-01',
        name: 'acct/secret-arm',
        properties: {
          vmSize: 'Standard_D2s_v3',
          deploymentConfiguration: {
            virtualMachineConfiguration: {
              imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
              nodeAgentSkuId: 'batch.node.ubuntu 22.04',
            },
          },
          userAccounts: [{ name: 'runner', password: "[parameters('pin')]" }],
          startTask: { commandLine: COMMAND_LINE, maxTaskRetryCount: 1 },
        },
      },
    ],
  },
  null,
  2,
);

/** The HCL parser quotes the token it stopped at: here, the second word of an unquoted password. */
const BROKEN_TERRAFORM = `resource "azurerm_batch_pool" "broken" {
  name = "broken"
  user_accounts {
    password = ${SECRET.hclTokenA} ${SECRET.hclTokenB}
  }
}
`;

function plantedRepository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-secrets-'));
  mkdirSync(join(folder, 'pools'));
  const files = {
    'secret.json': JSON_POOL,
    'secret.yaml': YAML_POOL,
    'secret.tf': TERRAFORM_POOL,
    'secret.arm.json': ARM_TEMPLATE,
    'broken.tf': BROKEN_TERRAFORM,
    // Not a pool: --debug names it as skipped, and a file name is as good a carrier as any other debug text.
    [`notes&sig=${SECRET.debugSignature}.json`]: '{ "notes": [] }',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, 'pools', name), text);
  return folder;
}

/** A JSON pool file as `--fix` left it. */
const readPool = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { startTask: { commandLine: string } };

function expectNoSecret(output: string): void {
  for (const [name, value] of Object.entries(SECRET)) expect(output.includes(value), `${name} leaked:\n${output}`).toBe(false);
}

describe('secrets in pool files', () => {
  const folder = plantedRepository();

  it('are planted where the rules do report, and do quote what they saw', () => {
    const json = parseJsonReport(runCli(['lint', 'pools', '--format', 'json'], { cwd: folder }).stdout);
    const messages = json.results.flatMap((result: { filePath: string; findings: { ruleId: string; message: string }[] }) =>
      result.findings.map((finding) => `${result.filePath} ${finding.ruleId} ${finding.message}`),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^pools\/secret\.yaml pool-schema "userAccounts\[0\]\.password" must be a string, got REDACTED$/));
    expect(messages).toContainEqual(
      expect.stringMatching(/^pools\/secret\.arm\.json pool-schema "userAccounts\[0\]\.password" must be a string, got REDACTED \(value from the default of parameter 'pin'\)$/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^pools\/broken\.tf parse-error invalid HCL: .*found "REDACTED"/));
    for (const file of ['secret.json', 'secret.yaml', 'secret.tf', 'secret.arm.json'])
      expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^pools/${file.replaceAll('.', '\\.')} start-task-shell `)));
  });

  for (const format of FORMAT_NAMES) {
    it(`never reach --format ${format}, nor --debug`, () => {
      const run = runCli(['lint', 'pools', '--format', format, '--debug'], { cwd: folder });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('skipped pools/notes&sig=REDACTED');
      expectNoSecret(run.stdout + run.stderr);
    });
  }

  it('leave out a fix that would carry one, and --fix still applies it with the secret intact', () => {
    const fixable = (output: string) =>
      parseJsonReport(output).results.flatMap((result: { findings: { ruleId: string; fix?: unknown }[] }) =>
        result.findings.filter((finding) => finding.ruleId === 'start-task-shell' && finding.fix),
      );
    expect(fixable(runCli(['lint', 'pools', '--format', 'json'], { cwd: folder }).stdout)).toEqual([]);
    const sarif = parseSarifLog(runCli(['lint', 'pools', '--format', 'sarif'], { cwd: folder }).stdout);
    expect(sarif.runs[0]!.results.filter((result: { ruleId: string; fixes?: unknown }) => result.ruleId === 'start-task-shell' && result.fixes)).toEqual([]);

    const fixing = plantedRepository();
    runCli(['lint', 'pools/secret.json', '--fix'], { cwd: fixing });
    expect(readPool(join(fixing, 'pools/secret.json')).startTask.commandLine).toBe(`/bin/bash -c '${COMMAND_LINE}'`);
  });

  it('leave out a fix whose edit holds a value only the file says is a secret', () => {
    const linux = { imageReference: { publisher: 'canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }, nodeAgentSKUId: 'batch.node.ubuntu 24.04' };
    const pool = {
      id: 'net-user',
      vmSize: 'Standard_D2s_v3',
      virtualMachineConfiguration: linux,
      targetDedicatedNodes: 1,
      userAccounts: [{ name: 'runner', password: SECRET.registryPassword }],
      startTask: { commandLine: `echo ${SECRET.registryPassword} > pw.txt`, maxTaskRetryCount: 1 },
    };
    const alone = mkdtempSync(join(tmpdir(), 'batchlint-secret-fix-'));
    writeFileSync(join(alone, 'pool.json'), JSON.stringify(pool, null, 2));
    const json = runCli(['lint', 'pool.json', '--format', 'json'], { cwd: alone }).stdout;
    expect(parseJsonReport(json).results[0]!.findings.map((finding) => finding.ruleId)).toContain('start-task-shell');
    runCli(['lint', 'pool.json', '--fix'], { cwd: alone });
    expect(readPool(join(alone, 'pool.json')).startTask.commandLine).toBe(`/bin/bash -c 'echo ${SECRET.registryPassword} > pw.txt'`);
    expectNoSecret(json + runCli(['lint', 'pool.json', '--format', 'sarif'], { cwd: alone }).stdout);
  });

  it("never reach the Action's annotations, summary, SARIF file or outputs", () => {
    const runnerFiles = mkdtempSync(join(tmpdir(), 'batchlint-secrets-runner-'));
    const [summary, outputs] = [join(runnerFiles, 'summary.md'), join(runnerFiles, 'outputs.txt')];
    // The runner creates both files before the step starts.
    writeFileSync(summary, '');
    writeFileSync(outputs, '');
    const env = {
      PATH: process.env.PATH ?? '',
      GITHUB_WORKSPACE: folder,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      INPUT_FILES: 'pools',
      'INPUT_SARIF-FILE': 'out.sarif',
      INPUT_FORMAT: 'json',
    };
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/action/main.js')], { cwd: folder, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=pools\/secret\.yaml,.*title=pool-schema::.*got REDACTED/m);
    expectNoSecret(run.stdout + run.stderr + readFileSync(summary, 'utf8') + readFileSync(outputs, 'utf8') + readFileSync(join(folder, 'out.sarif'), 'utf8'));
  });
});

describe('secrets in what formatters are handed', () => {
  const report: LintReport = {
    environment: 'context',
    results: [
      {
        filePath: 'pools/a.json',
        findings: [
          {
            ruleId: 'start-task-shell',
            severity: 'error',
            message: `saw ${SAS_URL} and --account-key ${SECRET.accountKey}`,
            filePath: 'pools/a.json',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
            docsUrl: 'https://example/start-task-shell.md',
            fix: { description: `quote Bearer ${SECRET.bearerToken}`, edits: [{ offset: 0, length: 1, text: `x --password ${SECRET.registryPassword}` }] },
          },
        ],
      },
    ],
    notChecked: [{ ruleId: 'subnet-ip-capacity', filePath: 'pools/a.json', reason: `read failed for https://x/?sig=${SECRET.sasSignature}: AccountKey=${SECRET.connectionKey}` }],
    notLinted: [{ path: `pools/notes&sig=${SECRET.debugSignature}.bicep`, reason: 'batchlint does not read Bicep yet' }],
    summary: { files: 1, pools: 1, errors: 1, warnings: 0, infos: 0, fixed: 0 },
  };
  const context = { color: false, catalogDate: '2026-08-01', cwd: '/repo', rules: allRules, version: '0.1.0' };

  for (const format of FORMAT_NAMES) {
    it(`are redacted from messages, fixes and not-checked reasons by --format ${format}`, async () => {
      const output = (await loadFormatter(format)!)(report, context);
      expect(output).toContain('REDACTED');
      expectNoSecret(output);
    });
  }
});

describe('batchlint context snapshot', () => {
  it('prints no secret of the pools, nor one that a failed Azure read quotes', async () => {
    const folder = plantedRepository();
    // Signs in with a token about to expire; the refresh each read then asks for fails, quoting secrets.
    let asked = 0;
    const leakyCredential = {
      getToken: async () => {
        if (asked++ === 0) return { token: 'short-lived', expiresOnTimestamp: Date.now() + 60_000 };
        throw new Error(`token request to https://login.example/?client_secret=${SECRET.accountKey}&sig=${SECRET.sasSignature} failed`);
      },
    };
    const snapshot = await contextSnapshot(['pools'], folder, {
      accountId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct',
      credential: leakyCredential,
      endpoint: 'https://127.0.0.1:9',
      maxRetries: 0,
    });
    expect(snapshot).toMatch(/^# not read: .*client_secret=REDACTED&sig=REDACTED/m);
    expectNoSecret(snapshot);
  });

  it('prints no secret that a failed sign-in quotes, with --debug either', async () => {
    const env = azureCliEnvironment({
      ca: '',
      signedIn: false,
      says: `token request to https://login.example/?client_secret=${SECRET.accountKey}&sig=${SECRET.sasSignature} failed`,
    });
    const account = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
    const run = await runCliAsync(['context', 'snapshot', 'pools', '--account', account, '--arm-endpoint', 'https://127.0.0.1:9', '--debug'], { cwd: plantedRepository(), env });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/client_secret=REDACTED&sig=REDACTED/);
    expectNoSecret(run.stdout + run.stderr);
  });
});
