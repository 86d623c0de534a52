import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('container-configuration', {
  'image-without-containers.json': [
    {
      line: 7,
      column: 5,
      messageId: 'imageWithoutContainers',
      severity: 'error',
      message: ['does not mark the image Canonical/0001-com-ubuntu-server-jammy/22_04-lts-gen2 DockerCompatible', 'custom images'],
      noFix: true,
    },
  ],
  'acr-without-credentials.yaml': [
    {
      line: 10,
      column: 11,
      messageId: 'registryWithoutCredentials',
      severity: 'error',
      message: ['contosorender.azurecr.io/render/blender:4.2', 'Azure Container Registry contosorender.azurecr.io', 'containerRegistries has no entry', 'identityReference'],
      noFix: true,
    },
    { line: 25, column: 5, messageId: 'imageWithoutContainers', message: ['MicrosoftWindowsServer/WindowsServer/2022-datacenter'] },
    { line: 27, column: 29, messageId: 'registryWithoutCredentials', message: ['contosogov.azurecr.us/app:1', 'contosogov.azurecr.us'] },
  ],
});

describe('container-configuration on pools it cannot judge', () => {
  it('says why instead of guessing', async () => {
    const report = await lintFixtures(
      ['fixtures/rules/container-configuration/valid/not-judged.yaml', 'fixtures/rules/container-configuration/valid/registry-from-parameter.json'],
      ['container-configuration'],
    );
    expect(report.notChecked).toEqual([
      expect.objectContaining({ poolId: 'cri', reason: expect.stringContaining('CRI-compatible') }),
      expect.objectContaining({ poolId: 'gallery', reason: expect.stringContaining('custom or Compute Gallery image') }),
      expect.objectContaining({ poolId: 'unlisted', reason: expect.stringContaining('does not list the image microsoft-dsvm/ubuntu-hpc/2204') }),
      expect.objectContaining({ poolId: 'capabilities-unknown', reason: expect.stringContaining('capabilities of the image OpenLogic/CentOS/7.2 are not known') }),
      expect.objectContaining({ reason: expect.stringContaining('the container registries is not known statically') }),
    ]);
  });
});

describeSameDefect('container-configuration', {
  'Batch JSON': { line: 14, column: 73 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 23, column: 20 },
  Bicep: { line: 5, column: 19 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 21 },
  Terraform: { line: 19, column: 7 },
});
