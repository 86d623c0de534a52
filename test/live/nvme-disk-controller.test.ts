import { afterEach, describe, expect, it } from 'vitest';
import { nvmeDiskControllerRule } from '../../rules/nvme-disk-controller.ts';
import type { Environment } from '../../src/model/environment.ts';
import { environmentOptions, environmentRoutes } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { lintLive, liveOptionsFor } from '../helpers/live-run.ts';

const ACCOUNT = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';
const GALLERY = '/subscriptions/5f0c8d2e-7a41-4b9e-9c36-2d8e1f4a6b70/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/contosoimages/images';
const FIXTURES = 'fixtures/rules/nvme-disk-controller';

describe('live mode: the NVMe disk controller tags', () => {
  let fake: FakeAzure | undefined;
  afterEach(() => fake?.close());

  async function lintAgainst(environment: Environment, fixture: string) {
    fake = await startFakeAzure(environmentRoutes(environment, ACCOUNT), environmentOptions(environment));
    const report = await lintLive([fixture], liveOptionsFor(fake, ACCOUNT), [nvmeDiskControllerRule]);
    return { findings: report.results.flatMap((result) => result.findings), notChecked: report.notChecked };
  }

  it('reads a gallery image definition without the DiskControllerTypes feature as SCSI only', async () => {
    const environment: Environment = { location: 'westeurope', images: { [`${GALLERY}/render-scsi`]: { hyperVGeneration: 'V2', osType: 'Linux' } } };
    const { findings } = await lintAgainst(environment, `${FIXTURES}/invalid/gallery-image-not-tagged.yaml`);
    expect(findings.map(({ line, message }) => ({ line, message }))).toEqual([{ line: 3, message: expect.stringContaining("the image definition's DiskControllerTypes is SCSI") }]);
  });

  it('leaves a managed image unknown: only a gallery image definition carries the tag', async () => {
    const managed = '/subscriptions/5f0c8d2e-7a41-4b9e-9c36-2d8e1f4a6b70/resourceGroups/images-rg/providers/Microsoft.Compute/images/render-managed';
    const environment: Environment = { location: 'westeurope', images: { [managed]: { hyperVGeneration: 'V2', osType: 'Linux' } } };
    const { findings, notChecked } = await lintAgainst(environment, `${FIXTURES}/valid/not-checked.yaml`);
    expect(findings).toEqual([]);
    expect(notChecked.find((entry) => entry.poolId === 'tag-untold')?.reason).toContain('Azure gives the tag only for a gallery image definition');
  });

  it('reads the tag of a marketplace image on an NVMe-only size, though the catalog knows its generation', async () => {
    const environment: Environment = {
      location: 'westeurope',
      images: {
        [`${GALLERY}/render-nvme`]: { hyperVGeneration: 'V2', diskControllerTypes: ['SCSI', 'NVMe'] },
        'canonical:ubuntu-24_04-lts:server': { hyperVGeneration: 'V2', diskControllerTypes: ['SCSI', 'NVMe'] },
      },
    };
    const { findings, notChecked } = await lintAgainst(environment, `${FIXTURES}/valid/tagged-or-scsi.yaml`);
    expect(findings).toEqual([]);
    expect(notChecked).toEqual([]);
    expect(fake!.requests.filter((request) => /\/skus\/server\/versions\/[^/]+$/i.test(request.path))).toHaveLength(1);
  });
});
