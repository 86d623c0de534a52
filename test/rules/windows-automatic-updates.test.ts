import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowsAutomaticUpdatesRule } from '../../rules/windows-automatic-updates.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { describeSameDefect } from '../helpers/same-defect.ts';

describeRuleFixtures('windows-automatic-updates', {
  'windows-default.json': [{ line: 4, column: 3, severity: 'warning', message: ['enableAutomaticUpdates is not set', 'recommended in general', 'set it to false'], noFix: true }],
  'windows-config-without-setting.yaml': [{ line: 10, column: 3, message: ['virtualMachineConfiguration.windowsConfiguration.enableAutomaticUpdates'] }],
  'auto-os-upgrade-updates-on.json': [
    {
      line: 7,
      column: 57,
      severity: 'error',
      message: ['enableAutomaticUpdates is true while upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade is on', 'Batch requires it to be false', 'Set it to false'],
    },
  ],
  'auto-os-upgrade-updates-unset.json': [
    { line: 4, column: 3, severity: 'warning', message: ['is not set, so it takes its default true', 'Set it to false.', /^(?!.*set it to true)/] },
  ],
});

describe('windows-automatic-updates with Auto OS Upgrade in an ARM template', () => {
  it('reads the pool-level upgradePolicy of a Microsoft.Batch/batchAccounts/pools resource', async () => {
    const pool = {
      type: 'Microsoft.Batch/batchAccounts/pools',
      apiVersion: '2024-07-01',
      name: 'acct/win',
      properties: {
        vmSize: 'Standard_D4ds_v5',
        deploymentConfiguration: {
          virtualMachineConfiguration: {
            imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-smalldisk', version: 'latest' },
            nodeAgentSkuId: 'batch.node.windows amd64',
            windowsConfiguration: { enableAutomaticUpdates: true },
          },
        },
        upgradePolicy: { mode: 'automatic', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } },
      },
    };
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-auto-os-upgrade-'));
    writeFileSync(
      join(folder, 'azuredeploy.json'),
      JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [pool] }, null, 2),
    );
    const report = await lint({ patterns: ['azuredeploy.json'], cwd: folder, facts: createFacts(), rules: [windowsAutomaticUpdatesRule] });
    expect(report.results.flatMap((result) => result.findings).map(({ severity, message }) => ({ severity, message }))).toEqual([
      {
        severity: 'error',
        message: expect.stringContaining(
          'properties.deploymentConfiguration.virtualMachineConfiguration.windowsConfiguration.enableAutomaticUpdates is true while properties.upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade is on',
        ),
      },
    ]);
  });
});

// The defect is a setting left out, which has no value in the parameters file (that only makes the pool
// Windows): every format points at the object the setting belongs in, Terraform at the resource.
describeSameDefect('windows-automatic-updates', {
  'Batch JSON': { line: 4, column: 3 },
  'ARM template with a parameters file': { line: 30, column: 11 },
  'Bicep-built JSON': { line: 29, column: 11 },
  Bicep: { line: 9, column: 7 },
  'Bicep with a .bicepparam': { line: 15, column: 7 },
  Terraform: { line: 1, column: 1 },
});
