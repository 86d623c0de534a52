import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { imageEndOfLifeRule } from '../../rules/image-end-of-life.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('image-end-of-life', {
  'centos-7.yaml': [
    { line: 10, column: 19, severity: 'error', message: ['node agent batch.node.centos 7 ended after 2024-06-30', 'github.com/Azure/Batch/issues/169', 'batch.node.ubuntu 24.04'] },
  ],
  'support-ends-soon.yaml': [
    {
      line: 5,
      column: 83,
      endLine: 5,
      endColumn: 108,
      messageId: 'endsSoon',
      severity: 'warning',
      message: ['2016-datacenter-smalldisk ends after 2027-01-11, in 41 day(s)', 'before then'],
    },
  ],
  'ubuntu-18-04.json': [{ line: 6, column: 23, severity: 'error', message: ['node agent batch.node.ubuntu 18.04 ended after 2023-05-29', 'github.com/Azure/Batch/issues/152'] }],
  'retired-images.yaml': [
    {
      line: 5,
      column: 85,
      severity: 'error',
      message: ['the image MicrosoftWindowsServer/WindowsServer/2012-R2-Datacenter ended after 2024-12-05', 'github.com/Azure/Batch/issues/179'],
    },
    { line: 11, column: 68, severity: 'error', message: ['the image almalinux/almalinux/8_5-gen2 ended after 2024-12-29', 'github.com/Azure/Batch/issues/181'] },
    { line: 17, column: 76, severity: 'error', message: ['the image batch/rendering-windows2016/rendering ended after 2024-02-28', 'github.com/Azure/Batch/issues/140'] },
    {
      line: 23,
      column: 80,
      severity: 'error',
      message: ['the image microsoftcblmariner/cbl-mariner/cbl-mariner-2-gen2 ended after 2025-07-29', 'github.com/Azure/Batch/issues/188'],
    },
  ],
});

/** The findings of the rule for one pool, on a given day. */
async function findingsOn(today: string, image: object, nodeAgentSKUId: string) {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-eol-'));
  writeFileSync(
    join(folder, 'pool.json'),
    JSON.stringify({ id: 'p', vmSize: 'Standard_D4ds_v5', virtualMachineConfiguration: { imageReference: image, nodeAgentSKUId }, targetDedicatedNodes: 1 }),
  );
  const report = await lint({ patterns: ['pool.json'], cwd: folder, facts: createFacts({ today }), rules: [imageEndOfLifeRule] });
  return report.results.flatMap((result) => result.findings).map(({ severity, message }) => ({ severity, message }));
}

const JAMMY = { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' };
const WINDOWS_2016 = { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2016-datacenter-smalldisk', version: 'latest' };

describe("image-end-of-life against the run's date", () => {
  it('says nothing while the end is more than 180 days away', async () => {
    expect(await findingsOn('2026-12-01', JAMMY, 'batch.node.ubuntu 22.04')).toEqual([]);
  });

  it('warns within 180 days of the end, saying how many are left', async () => {
    expect(await findingsOn('2027-06-01', JAMMY, 'batch.node.ubuntu 22.04')).toEqual([
      {
        severity: 'warning',
        message: expect.stringContaining('node agent batch.node.ubuntu 22.04 ends after 2027-06-30, in 29 day(s) (https://github.com/Azure/Batch/issues/200)'),
      },
    ]);
    expect(await findingsOn('2026-12-01', WINDOWS_2016, 'batch.node.windows amd64')).toEqual([
      { severity: 'warning', message: expect.stringContaining('the image MicrosoftWindowsServer/WindowsServer/2016-datacenter-smalldisk ends after 2027-01-11, in 41 day(s)') },
    ]);
  });

  it('is an error on the day a notice says support ends (Windows Server 2016: "will end on 12 January 2027")', async () => {
    expect(await findingsOn('2027-01-11', WINDOWS_2016, 'batch.node.windows amd64')).toEqual([{ severity: 'warning', message: expect.stringContaining('in 0 day(s)') }]);
    expect(await findingsOn('2027-01-12', WINDOWS_2016, 'batch.node.windows amd64')).toEqual([
      { severity: 'error', message: expect.stringContaining('ended after 2027-01-11 (https://github.com/Azure/Batch/issues/197)') },
    ]);
  });

  it("dates a custom Ubuntu 18.04 image by its node agent's own notice", async () => {
    const galleryImage = { virtualMachineImageId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/bionic' };
    expect(await findingsOn('2026-12-01', galleryImage, 'batch.node.ubuntu 18.04')).toEqual([
      { severity: 'error', message: expect.stringContaining('node agent batch.node.ubuntu 18.04 ended after 2023-05-29 (https://github.com/Azure/Batch/issues/152)') },
    ]);
  });

  it("takes an image's end from Batch's supported-images list when no notice dates it", async () => {
    const containers = { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-with-containers' };
    expect(await findingsOn('2026-12-01', containers, 'batch.node.windows amd64')).toEqual([
      { severity: 'error', message: expect.stringContaining("ended after 2022-09-30 (Batch's supported-images list)") },
    ]);
  });

  it('leaves the new AlmaLinux offer and Windows Server 2022 alone', async () => {
    expect(await findingsOn('2026-12-01', { publisher: 'almalinux', offer: 'almalinux-x86_64', sku: '8-gen2' }, 'batch.node.el 8')).toEqual([]);
    expect(await findingsOn('2026-12-01', { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-smalldisk' }, 'batch.node.windows amd64')).toEqual(
      [],
    );
  });

  it('is an error from the day after the last one', async () => {
    expect(await findingsOn('2027-06-30', JAMMY, 'batch.node.ubuntu 22.04')).toEqual([{ severity: 'warning', message: expect.stringContaining('in 0 day(s)') }]);
    expect(await findingsOn('2027-07-01', JAMMY, 'batch.node.ubuntu 22.04')).toEqual([{ severity: 'error', message: expect.stringContaining('ended after 2027-06-30') }]);
  });

  it("names the earlier of the node agent's and the image's end, and ignores the case of the agent id", async () => {
    const [finding] = await findingsOn('2026-12-01', { publisher: 'Canonical', offer: 'UbuntuServer', sku: '18.04-LTS' }, 'Batch.Node.Ubuntu 18.04');
    expect(finding!.message).toMatch(/ended after 2023-05-29/);
  });
});

// Bicep builds the agent id with format(): the finding is on the expression that makes it.
describeSameDefect('image-end-of-life', {
  'Batch JSON': { line: 11, column: 23 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 36, column: 31 },
  Bicep: { line: 16, column: 25 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 19 },
  Terraform: { line: 6, column: 25 },
});
