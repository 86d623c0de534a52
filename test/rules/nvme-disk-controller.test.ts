import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { allRules } from '../../rules/index.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

const RULE = 'nvme-disk-controller';

describeRuleFixtures('nvme-disk-controller', {
  'gallery-image-not-tagged.yaml': [
    {
      line: 3,
      column: 13,
      severity: 'error',
      messageId: 'untaggedImage',
      message: [
        'Standard_D4als_v6 boots only from the NVMe disk controller',
        'images/render-scsi/versions/1.0.0) is not tagged for NVMe',
        "the image definition's DiskControllerTypes is SCSI",
        "The VM size 'Standard_D4als_v6' cannot boot with OS image or disk",
        'DiskControllerTypes "SCSI, NVMe"',
      ],
      noFix: true,
    },
  ],
  'marketplace-image-not-tagged.json': [
    { line: 3, column: 13, messageId: 'untaggedImage', message: ['Standard_E8as_v6', '(contoso render-node 2025)', 'the DiskControllerTypes of contoso:render-node:2025 is SCSI'] },
  ],
  'size-nvme-only-per-context.yaml': [{ line: 3, column: 13, messageId: 'untaggedImage', message: ['Standard_E4s_v6 boots only from the NVMe disk controller'] }],
});

describe('nvme-disk-controller: what it cannot decide', () => {
  it('says which pools it could not check, and why, instead of guessing from names', async () => {
    const report = await lintFixtures([`fixtures/rules/${RULE}/valid/not-checked.yaml`], [RULE]);
    expect(report.notChecked.map(({ poolId, reason }) => ({ poolId, reason }))).toEqual([
      { poolId: 'tag-untold', reason: expect.stringContaining('Microsoft.Compute/images/render-managed does not say which disk controllers it is tagged for') },
      { poolId: 'marketplace-unlisted', reason: expect.stringContaining('an images entry "canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2" with diskControllerTypes') },
      { poolId: 'size-untold', reason: expect.stringContaining('which disk controllers Standard_E4ds_v6 boots from; vmSizes.Standard_E4ds_v6.diskControllerTypes') },
    ]);
  });

  it('runs only with a context file or --live: the catalog has no image tags', async () => {
    const rules = allRules.filter((rule) => rule.meta.id === RULE);
    const report = await lint({ patterns: [`fixtures/rules/${RULE}/invalid/gallery-image-not-tagged.yaml`], cwd: PROJECT_ROOT, facts: createFacts(), rules });
    expect(report.results.flatMap((result) => result.findings)).toEqual([]);
    expect(report.notChecked).toEqual([]);
  });
});

describeSameDefect('nvme-disk-controller', {
  'Batch JSON': { line: 3, column: 13 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 22, column: 23 },
  Bicep: { line: 4, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 16 },
  Terraform: { line: 5, column: 25 },
});
