import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextSnapshot } from '../../src/cli/context-snapshot.ts';
import { runCli } from '../helpers/run-cli.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';

function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'batchlint-files-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const CLEAN_POOL = readFileSync(new URL('../../fixtures/examples/clean-pool.json', import.meta.url), 'utf8');

const BICEP = `param location string = resourceGroup().location
param vmSize string = 'STANDARD_D4DS_V5'

resource pool 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {
  name: 'acct/render'
  properties: {
    vmSize: vmSize
  }
}
`;

const BICEP_PARAMS = `using './main.bicep'

param location = 'westeurope'
`;

const BICEP_PARAMS_SIZE = `using './main.bicep'

param vmSize = 'Standard_D4sd_v5'
`;

const NEXTFLOW_CONFIG = `process {
  executor = 'azurebatch'
}
azure {
  batch {
    pools {
      auto { vmType = 'Standard_D4ds_v5' }
    }
  }
}
`;

const TFVARS = `# prod values
location = "westeurope"
node_count = 4
tags = {
  env   = "prod"
  owner = "render-team"
}
subnets = ["10.0.1.0/24", "10.0.2.0/24"]
`;

const TERRAFORM_POOL = `resource "azurerm_batch_pool" "render" {
  name                = "render"
  resource_group_name = "rg"
  account_name        = "acct"
  vm_size             = "Standard_D4ds_v5"
  node_agent_sku_id   = "batch.node.ubuntu 22.04"
  storage_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
  fixed_scale {
    target_dedicated_nodes = var.node_count
  }
}
variable "node_count" {
  type = number
}
`;

/** A Helm chart's template: YAML only once rendered. */
const HELM_TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "worker.fullname" . }}
  labels:
    {{- include "worker.labels" . | nindent 4 }}
data:
  {{- range $key, $value := .Values.env }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
`;

/** An Ansible playbook templated with Jinja before Ansible reads it. */
const JINJA_PLAYBOOK = `- name: Prepare build agents
  hosts: "{{ target_hosts }}"
  tasks:
{% for package in packages %}
    - name: Install {{ package }}
      ansible.builtin.apt:
        name: "{{ package }}"
{% endfor %}
`;

/** A pool in YAML with one line mis-indented. */
const BROKEN_YAML_POOL = `id: render
vmSize: Standard_D4ds_v5
virtualMachineConfiguration:
  imageReference:
    publisher: Canonical
   offer: 0001-com-ubuntu-server-jammy
targetDedicatedNodes: 2
`;

function utf16(text: string, byteOrder: 'le' | 'be'): Buffer {
  const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return byteOrder === 'le' ? littleEndian : littleEndian.swap16();
}

describe('a file named on the command line that batchlint does not read', () => {
  it('is not linted, and the summary says why and what it reads, without a finding or exit 1', () => {
    const folder = tempTree({ 'nextflow.config': NEXTFLOW_CONFIG });
    const run = runCli(['lint', 'nextflow.config'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('parse-error');
    expect(run.stdout).toContain('1 file(s) or folder(s) not linted:');
    expect(run.stdout).toContain(
      'batchlint does not read .config files; it reads pool definitions in JSON (.json, .jsonc), YAML (.yaml, .yml), Bicep (.bicep) and Terraform (.tf) — nextflow.config',
    );
    expect(run.stderr).toBe('');
  });

  it('is listed in --format json under notLinted, with the reason for each kind of file', () => {
    const folder = tempTree({ 'prod.bicepparam': BICEP_PARAMS, 'nextflow.config': NEXTFLOW_CONFIG, 'README.md': '# Pools\n', 'pool.json': CLEAN_POOL });
    const run = runCli(['lint', 'prod.bicepparam', 'nextflow.config', 'README.md', 'pool.json', '--format', 'json'], { cwd: folder });
    expect(run.status).toBe(0);
    const report = parseJsonReport(run.stdout);
    expect(report.results.map((result: { filePath: string }) => result.filePath)).toEqual(['pool.json']);
    expect(report.notLinted).toEqual([
      {
        path: 'nextflow.config',
        reason: 'batchlint does not read .config files; it reads pool definitions in JSON (.json, .jsonc), YAML (.yaml, .yml), Bicep (.bicep) and Terraform (.tf)',
      },
      { path: 'README.md', reason: expect.stringContaining('batchlint does not read .md files') },
      { path: 'prod.bicepparam', reason: expect.stringContaining('Bicep parameters hold no pool; lint the .bicep file they are for') },
    ]);
    expect(report.summary).toMatchObject({ files: 1, pools: 1, errors: 0 });
  });

  it('is said under --debug too; matched by a glob it is only said under --debug', () => {
    const folder = tempTree({ 'infra/notes.md': '# Pools\n', 'infra/pool.json': CLEAN_POOL });
    const named = runCli(['lint', 'infra/notes.md', '--debug'], { cwd: folder });
    expect(named.stderr).toContain('batchlint: skipped infra/notes.md: batchlint does not read .md files');
    const globbed = runCli(['lint', 'infra/*', '--debug', '--format', 'json'], { cwd: folder });
    expect(globbed.status).toBe(0);
    expect(parseJsonReport(globbed.stdout).notLinted).toEqual([]);
    expect(globbed.stderr).toContain('batchlint: skipped infra/notes.md: batchlint does not read .md files');
  });
});

describe('a Bicep file', () => {
  it('is linted natively, with the values of the .bicepparam beside it, and a value from there is reported in it', () => {
    const folder = tempTree({ 'main.bicep': BICEP, 'main.bicepparam': BICEP_PARAMS_SIZE });
    const run = runCli(['lint', 'main.bicep', '--format', 'json'], { cwd: folder });
    const report = parseJsonReport(run.stdout);
    expect(report.summary).toMatchObject({ files: 1, pools: 1 });
    const unknownSize = report.results
      .flatMap((result: { findings: { ruleId: string; filePath: string; line: number; column: number }[] }) => result.findings)
      .find((finding: { ruleId: string }) => finding.ruleId === 'vm-size-unknown');
    expect(unknownSize).toMatchObject({ filePath: 'main.bicepparam', line: 3, column: 16 });
  });

  it('given alone, its .bicepparam holds no pool: a note says to lint the .bicep file', () => {
    const folder = tempTree({ 'main.bicep': BICEP, 'prod.bicepparam': BICEP_PARAMS });
    const run = runCli(['lint', 'prod.bicepparam', '--format', 'json'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(parseJsonReport(run.stdout).notLinted).toEqual([{ path: 'prod.bicepparam', reason: expect.stringContaining('Bicep parameters hold no pool') }]);
  });
});

describe('a Terraform variables file', () => {
  it('named alone is read as HCL, not YAML: no parse error, and a note that it holds no pool', () => {
    const folder = tempTree({ 'prod.tfvars': TFVARS });
    const run = runCli(['lint', 'prod.tfvars', '--format', 'json'], { cwd: folder });
    expect(run.status).toBe(0);
    const report = parseJsonReport(run.stdout);
    expect(report.results).toEqual([]);
    expect(report.notLinted).toEqual([{ path: 'prod.tfvars', reason: expect.stringMatching(/^Terraform variables hold no pool; lint the \.tf files of the module/) }]);
  });

  it('named with the .tf files it gives values to is passed over quietly', () => {
    const folder = tempTree({ 'terraform.tfvars': TFVARS, 'main.tf': TERRAFORM_POOL });
    const run = runCli(['lint', 'main.tf', 'terraform.tfvars', '--format', 'json', '--debug'], { cwd: folder });
    const report = parseJsonReport(run.stdout);
    expect(report.notLinted).toEqual([]);
    expect(report.results.map((result: { filePath: string }) => result.filePath)).toEqual(['main.tf']);
    expect(report.summary).toMatchObject({ pools: 1, errors: 0 });
    expect(run.stderr).toContain('skipped terraform.tfvars: not a pool definition');
  });
});

describe('a file that does not parse', () => {
  const repository = () =>
    tempTree({
      'charts/worker/templates/configmap.yaml': HELM_TEMPLATE,
      'ansible/playbook.yml': JINJA_PLAYBOOK,
      'pools/render.yaml': BROKEN_YAML_POOL,
      'pools/etl.json': CLEAN_POOL,
    });

  it('found in a folder is skipped when it shows no sign of a pool (templates), and keeps its parse error when it does', () => {
    const run = runCli(['lint', '.', '--format', 'json', '--debug'], { cwd: repository() });
    expect(run.status).toBe(1);
    const report = parseJsonReport(run.stdout);
    expect(report.results.map((result: { filePath: string }) => result.filePath)).toEqual(['pools/etl.json', 'pools/render.yaml']);
    expect(report.results[1]!.findings).toEqual([expect.objectContaining({ ruleId: 'parse-error', line: 6 })]);
    expect(run.stderr).toContain('skipped charts/worker/templates/configmap.yaml: does not parse and shows no sign of a pool definition');
    expect(run.stderr).toContain('skipped ansible/playbook.yml: does not parse and shows no sign of a pool definition');
  });

  it('found by a glob is skipped the same way', () => {
    const run = runCli(['lint', '**/*.{yaml,yml}', '--format', 'json'], { cwd: repository() });
    expect(parseJsonReport(run.stdout).results.map((result: { filePath: string }) => result.filePath)).toEqual(['pools/render.yaml']);
  });

  it('that happens to parse although templated (a `{{ x }}:` key) is read without warnings on stderr', () => {
    const folder = tempTree({ 'vars.yaml': 'models:\n  {{ model }}:\n    enabled: true\n', 'pool.json': CLEAN_POOL });
    const run = runCli(['lint', '.'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('named on the command line keeps its parse error', () => {
    const run = runCli(['lint', 'charts/worker/templates/configmap.yaml', 'ansible/playbook.yml', '--format', 'json'], { cwd: repository() });
    expect(run.status).toBe(1);
    const findings = parseJsonReport(run.stdout).results.map((result: { findings: { ruleId: string }[] }) => result.findings.map((finding) => finding.ruleId));
    expect(findings).toEqual([['parse-error'], ['parse-error']]);
  });

  it('named under --skip-non-pool-files (as the pre-commit hook names staged files) is skipped like one a folder search found', () => {
    const run = runCli(['lint', 'charts/worker/templates/configmap.yaml', 'ansible/playbook.yml', 'pools/render.yaml', '--skip-non-pool-files', '--format', 'json'], {
      cwd: repository(),
    });
    expect(run.status).toBe(1);
    const report = parseJsonReport(run.stdout);
    expect(report.results.map((result: { filePath: string }) => result.filePath)).toEqual(['pools/render.yaml']);
    expect(report.results[0]!.findings).toEqual([expect.objectContaining({ ruleId: 'parse-error' })]);
    expect(report.notLinted).toEqual([]);
  });

  it('found in a folder is skipped the same way in any format: a .tf or .json without a pool', () => {
    const folder = tempTree({
      'infra/network.tf': 'resource "azurerm_virtual_network" "main" {\n  name = "vnet"\n  address_space = [\n}\n',
      'app/settings.json': '{ "a": 1, }',
      'pool.json': CLEAN_POOL,
    });
    const run = runCli(['lint', '.', '--format', 'json'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(parseJsonReport(run.stdout).results.map((result) => result.filePath)).toEqual(['pool.json']);
  });
});

describe('a file saved as UTF-16', () => {
  it('is decoded and linted like its UTF-8 text, either byte order', () => {
    const pool = CLEAN_POOL.replace('Standard_D4ds_v5', 'Standard_D4ds_v99');
    const folder = tempTree({ 'utf8.json': pool, 'le.json': utf16(pool, 'le'), 'be.json': utf16(pool, 'be') });
    const report = parseJsonReport(runCli(['lint', '.', '--format', 'json'], { cwd: folder }).stdout);
    // Each finding names its file; apart from that, the three files' findings are the same.
    const findings = (name: string) =>
      report.results.find((result) => result.filePath === name)!.findings.map(({ filePath, ...finding }) => (expect(filePath).toBe(name), finding));
    expect(findings('utf8.json').map((finding) => finding.ruleId)).toContain('vm-size-unknown');
    expect(findings('le.json')).toEqual(findings('utf8.json'));
    expect(findings('be.json')).toEqual(findings('utf8.json'));
  });

  it('is written back by --fix in UTF-16, byte order mark included', () => {
    const unwrapped = CLEAN_POOL.replace(`"/bin/bash -c 'apt-get update && apt-get install -y jq'"`, '"apt-get update && apt-get install -y jq"');
    const folder = tempTree({ 'pool.json': utf16(unwrapped, 'le') });
    const run = runCli(['lint', 'pool.json', '--fix'], { cwd: folder });
    expect(run.stdout).toContain('fixed 1 file(s)');
    const written = readFileSync(join(folder, 'pool.json'));
    expect(written.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(written.subarray(2).toString('utf16le')).toBe(CLEAN_POOL);
  });

  it('is read by context snapshot too', async () => {
    const folder = tempTree({ 'pools/pool.json': utf16(CLEAN_POOL, 'le') });
    const snapshot = await contextSnapshot(['pools'], folder, {
      accountId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct',
      credential: { getToken: async () => ({ token: 'static-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      endpoint: 'https://127.0.0.1:9',
      maxRetries: 0,
    });
    expect(snapshot).toMatch(/^# batchlint context: read from Azure for 1 pool\(s\)/);
  });

  it('is a parse error when it is Terraform, which reads only UTF-8', () => {
    const folder = tempTree({ 'main.tf': utf16(TERRAFORM_POOL, 'le') });
    const run = runCli(['lint', '.', '--format', 'json'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(parseJsonReport(run.stdout).results[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', line: 1, column: 1, message: expect.stringContaining('saved as UTF-16 (UTF-16LE), and Terraform reads only UTF-8') }),
    ]);
  });
});
