import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('vm-size-architecture', {
  'arm64-size-with-x64-image.json': [
    {
      line: 3,
      column: 13,
      severity: 'error',
      message: [
        'Standard_D2ps_v5 is an Arm64 size, but the image is built for x64',
        'Batch listed Canonical/0001-com-ubuntu-server-jammy/22_04-lts-gen2 before it supported Arm64',
        'Use an x64 size, or an Arm64 image',
      ],
      noFix: true,
    },
  ],
  'x64-sizes-with-arm64-images.yaml': [
    { line: 2, column: 11, message: ['Standard_D2ds_v5 is an x64 size, but the image is built for Arm64', 'the image SKU server-arm64 names Arm64', 'Use an Arm64 size'] },
    { line: 8, column: 11, message: ['standard_d4s_v5 is an x64 size', 'the node agent batch.node.ubuntu 24.04-arm64 is for Arm64'] },
    { line: 15, column: 11, message: ['Standard_D4ps_v6 is an Arm64 size, but the image is built for x64', 'the node agent batch.node.windows amd64 is for x64'] },
  ],
});

describe('vm-size-architecture on images whose architecture nothing says', () => {
  it('reports them as not checked, with the reason, instead of guessing', async () => {
    const report = await lintFixtures(['fixtures/rules/vm-size-architecture/valid/same-architecture-or-not-judged.yaml'], ['vm-size-architecture']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({ poolId: 'architecture-unsaid', reason: expect.stringContaining('neither the node agent id nor the image says') }),
      expect.objectContaining({ poolId: 'agent-and-image-disagree', reason: expect.stringContaining('disagree on the CPU architecture') }),
      expect.objectContaining({ poolId: 'arm64-offer-with-amd64-agent', reason: expect.stringContaining('the image offer windows11preview-arm64 names Arm64') }),
    ]);
  });

  it('does not decide from a definition with a part not known statically', async () => {
    const report = await lintFixtures(['fixtures/rules/vm-size-architecture/valid/agent-not-known.tf'], ['vm-size-architecture']);
    expect(report.results.flatMap((result) => result.findings)).toEqual([]);
    expect(report.notChecked).toEqual([expect.objectContaining({ reason: expect.stringContaining('the node agent SKU is not known statically') })]);
  });
});

describeSameDefect('vm-size-architecture', {
  'Batch JSON': { line: 3, column: 13 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 22, column: 23 },
  Bicep: { line: 4, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 16 },
  Terraform: { line: 5, column: 25 },
});
