import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('subnet-nsg-batch-traffic', {
  'outbound-denied.yaml': [
    {
      line: 8,
      column: 13,
      message: [
        'rule "deny-internet-out" (priority 100)',
        'outbound TCP port 443 to BatchNodeManagement.eastus',
        'unusable',
        'already has the lowest priority number',
        'renumber it',
        'BatchNodeManagement.eastus before it',
      ],
    },
  ],
  'storage-denied.json': [
    {
      line: 15,
      column: 17,
      severity: 'warning',
      message: ['rule "deny-rest" (priority 4000)', 'to Storage.eastus', 'resource files', "if the storage account is in the Batch account's region", 'Storage.<its region>'],
    },
  ],
  'blob-url-denied.yaml': [{ line: 13, column: 13, severity: 'warning', message: ['to Storage.eastus', 'resource files or application packages', 'The downloads fail'] }],
  'classic-one-port-denied.yaml': [{ line: 9, column: 13, message: ['rule "deny-29877" (priority 100)', 'inbound TCP port 29877 from BatchNodeManagement.eastus'] }],
  'allow-for-other-subnet.yaml': [{ line: 9, column: 13, message: ['rule "deny-rest" (priority 4000)', 'outbound TCP port 443 to BatchNodeManagement.eastus'] }],
  'classic-storage-denied.yaml': [
    {
      line: 10,
      column: 13,
      severity: 'error',
      message: ['rule "deny-rest" (priority 4000)', 'outbound TCP port 443 to Storage.eastus', 'classic node communication', 'lower priority number than 4000'],
    },
    { line: 10, column: 13, message: ['"DenyAllInBound" (priority 65500)', 'inbound TCP ports 29876-29877'] },
  ],
  'classic-mode.yaml': [
    { line: 9, column: 13, message: ['"DenyAllInBound" (priority 65500)', 'inbound TCP ports 29876-29877 from BatchNodeManagement.eastus', 'retired on 31 March 2026'] },
  ],
});

describe('subnet-nsg-batch-traffic when the outcome cannot be known', () => {
  it('lists the pool as not checked, naming the rule and why, instead of guessing', async () => {
    const report = await lintFixtures(['fixtures/rules/subnet-nsg-batch-traffic/valid/rules-for-other-addresses.yaml'], ['subnet-nsg-batch-traffic']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({
        poolId: 'other-subnet-denied',
        reason: expect.stringMatching(/outbound TCP port 443 to BatchNodeManagement\.eastus through is not known: rule "deny-partner-range" \(priority 100\).*20\.36\.0\.0\/14/),
      }),
    ]);
  });

  it('does not report a pool without public IPs, which may use a node-management private endpoint, and says so', async () => {
    const report = await lintFixtures(['fixtures/rules/subnet-nsg-batch-traffic/valid/no-public-ip.yaml'], ['subnet-nsg-batch-traffic']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({ poolId: 'private-nodes', reason: expect.stringMatching(/deny-internet-out.*no public IP addresses.*private endpoint/) }),
    ]);
  });
});

describe('subnet-nsg-batch-traffic severities', () => {
  it('keeps its Storage warning at or below the configured level', async () => {
    const configPath = join(mkdtempSync(join(tmpdir(), 'batchlint-nsg-')), 'batchlint.config.json');
    writeFileSync(configPath, JSON.stringify({ rules: { 'subnet-nsg-batch-traffic': 'info' } }));
    const report = await lintFixtures(['fixtures/rules/subnet-nsg-batch-traffic/invalid/storage-denied.json'], ['subnet-nsg-batch-traffic'], configPath);
    expect(report.results.flatMap((result) => result.findings.map((finding) => finding.severity))).toEqual(['info']);
  });
});

// The Bicep-built template keeps the subnet id in a variable: the finding is on the variable.
describeSameDefect('subnet-nsg-batch-traffic', {
  'Batch JSON': { line: 16, column: 17 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 18, column: 17 },
  Bicep: { line: 3, column: 16 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 18 },
  Terraform: { line: 26, column: 17 },
});
