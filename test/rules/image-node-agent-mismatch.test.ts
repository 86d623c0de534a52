import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('image-node-agent-mismatch', {
  'windows-agent-on-ubuntu.json': [
    {
      line: 6,
      column: 23,
      messageId: 'otherOs',
      severity: 'error',
      message: [
        'batch.node.windows amd64 is a Windows node agent',
        'the image Canonical/0001-com-ubuntu-server-jammy/22_04-lts-gen2 is Linux',
        'pairs this image with batch.node.ubuntu 22.04',
      ],
      noFix: true,
    },
  ],
  'agents-for-other-images.yaml': [
    { line: 5, column: 21, messageId: 'otherAgent', message: ['batch.node.ubuntu 20.04 is not the node agent for the image', 'pairs it with batch.node.ubuntu 22.04'] },
    { line: 11, column: 21, messageId: 'otherAgent', message: ['almalinux/almalinux/8_5-gen2', 'pairs it with batch.node.el 8'] },
    { line: 17, column: 21, messageId: 'otherOs', message: ['batch.node.ubuntu 22.04 is a Linux node agent', 'is Windows', 'batch.node.windows amd64'] },
  ],
});

describe('image-node-agent-mismatch on images it cannot judge', () => {
  it('says why instead of guessing: an image the list does not have, a gallery image', async () => {
    const report = await lintFixtures(['fixtures/rules/image-node-agent-mismatch/valid/matching-or-not-judged.yaml'], ['image-node-agent-mismatch']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({ poolId: 'unlisted-image', reason: expect.stringContaining('does not list the image canonical/ubuntu-24_04-lts/server') }),
      expect.objectContaining({ poolId: 'gallery-image', reason: expect.stringContaining('custom or Compute Gallery image') }),
    ]);
  });
});

describeSameDefect('image-node-agent-mismatch', {
  'Batch JSON': { line: 11, column: 23 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 22, column: 23 },
  Bicep: { line: 4, column: 22 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 24 },
  Terraform: { line: 6, column: 25 },
});
