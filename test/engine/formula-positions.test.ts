import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { PoolRule } from '../../src/model/rule.ts';

const TOKEN = '$PendingTasks';

/** A rule that reports the first `$PendingTasks` inside the pool's autoscale formula. */
const tokenRule: PoolRule = {
  meta: { id: 'test-formula-token', description: 'test', defaultSeverity: 'error', fixable: false, facts: [], docs: {}, messages: { token: 'token' } },
  check(pool, { report }) {
    const formula = pool.spec.autoScaleFormula;
    if (typeof formula !== 'string' || !formula.includes(TOKEN)) return;
    report({ path: ['autoScaleFormula'], messageId: 'token', within: { offset: formula.indexOf(TOKEN), length: TOKEN.length } });
  },
};

async function findingsIn(files: Record<string, string>, pattern: string) {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-formula-positions-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const report = await lint({ patterns: [pattern], cwd: folder, facts: createFacts(), rules: [tokenRule] });
  return report.results.flatMap((result) => result.findings.map(({ filePath, line, column, endLine, endColumn }) => ({ filePath, line, column, endLine, endColumn })));
}

const SCALED = {
  id: 'scaled',
  vmSize: 'Standard_D2s_v3',
  virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu-24_04-lts', sku: 'server' }, nodeAgentSKUId: 'batch.node.ubuntu 24.04' },
  enableAutoScale: true,
};

describe('a finding inside an autoscale formula lands on the character in the user file', () => {
  it('in Batch JSON, through escapes', async () => {
    const formula = '$a = 1;\n$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));';
    const text = JSON.stringify({ ...SCALED, autoScaleFormula: formula }, null, 2);
    const line = text.split('\n').findIndex((candidate) => candidate.includes('autoScaleFormula')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf(TOKEN) + 1;
    expect(await findingsIn({ 'pool.json': text }, 'pool.json')).toEqual([{ filePath: 'pool.json', line, column, endLine: line, endColumn: column + TOKEN.length }]);
  });

  it('in Batch YAML, in a block scalar', async () => {
    const text = `id: scaled\nvmSize: Standard_D2s_v3\nenableAutoScale: true\nautoScaleFormula: |\n  $a = 1;\n  $TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));\n`;
    expect(await findingsIn({ 'pool.yaml': text }, 'pool.yaml')).toEqual([{ filePath: 'pool.yaml', line: 6, column: 35, endLine: 6, endColumn: 48 }]);
  });

  it('in an ARM template, in the parameters file the formula comes from', async () => {
    const template = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { formula: { type: 'string' } },
        resources: [
          {
            type: 'Microsoft.Batch/batchAccounts/pools',
            apiVersion: '2024-07-01',
            name: 'account/scaled',
            properties: { vmSize: 'Standard_D2s_v3', scaleSettings: { autoScale: { formula: "[parameters('formula')]", evaluationInterval: 'PT5M' } } },
          },
        ],
      },
      null,
      2,
    );
    const parameters = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "formula": { "value": "$a = 1;\\n$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));" }\n  }\n}\n`;
    const findings = await findingsIn({ 'azuredeploy.json': template, 'azuredeploy.parameters.json': parameters }, 'azuredeploy.json');
    expect(findings).toEqual([{ filePath: 'azuredeploy.parameters.json', line: 5, column: 69, endLine: 5, endColumn: 82 }]);
  });

  const computed = (formula: string) =>
    `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "variables": { "cap": "10" },\n  "resources": [\n    {\n      "type": "Microsoft.Batch/batchAccounts/pools",\n      "apiVersion": "2024-07-01",\n      "name": "account/scaled",\n      "properties": {\n        "vmSize": "Standard_D2s_v3",\n        "scaleSettings": { "autoScale": { "formula": ${formula} } }\n      }\n    }\n  ]\n}\n`;

  it('in an ARM template, inside the literal argument of a concat', async () => {
    const template = computed(`"[concat('$TargetDedicatedNodes = min(', variables('cap'), ', $PendingTasks.GetSample(1));')]"`);
    const column = template.split('\n')[11]!.indexOf(TOKEN) + 1;
    expect(await findingsIn({ 'azuredeploy.json': template }, 'azuredeploy.json')).toEqual([
      { filePath: 'azuredeploy.json', line: 12, column, endLine: 12, endColumn: column + TOKEN.length },
    ]);
  });

  it('in an ARM template, on the whole expression when the range spans two arguments', async () => {
    const template = computed(`"[concat('$TargetDedicatedNodes = min(', variables('cap'), ', $Pending', 'Tasks.GetSample(1));')]"`);
    const line = template.split('\n')[11]!;
    const column = line.indexOf('"[concat') + 1;
    const endColumn = line.indexOf(' } }') + 1;
    expect(await findingsIn({ 'azuredeploy.json': template }, 'azuredeploy.json')).toEqual([{ filePath: 'azuredeploy.json', line: 12, column, endLine: 12, endColumn }]);
  });

  it('in Terraform, in an auto_scale heredoc', async () => {
    const text = `resource "azurerm_batch_pool" "scaled" {\n  name                = "scaled"\n  resource_group_name = "rg"\n  account_name        = "account"\n  vm_size             = "Standard_D2s_v3"\n  node_agent_sku_id   = "batch.node.ubuntu 24.04"\n  auto_scale {\n    evaluation_interval = "PT5M"\n    formula             = <<-EOF\n      $a = 1;\n      $TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));\n    EOF\n  }\n}\n`;
    expect(await findingsIn({ 'main.tf': text }, 'main.tf')).toEqual([{ filePath: 'main.tf', line: 11, column: 39, endLine: 11, endColumn: 52 }]);
  });
});
