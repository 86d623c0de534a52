import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUBSCRIPTION = '/subscriptions/6a1f9c3e-2b7d-4e58-9f10-3c4d5e6f7a8b';

/** The subnets of fixtures/azure/batchlint.context.yaml. */
export const SCENARIO_SUBNETS = [
  `${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render/subnets/render`,
  `${SUBSCRIPTION}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-render/subnets/sim`,
  `${SUBSCRIPTION}/resourceGroups/etl-net-rg/providers/Microsoft.Network/virtualNetworks/vnet-etl/subnets/etl`,
];

/** Its gallery image definition. */
export const SCENARIO_IMAGE = `${SUBSCRIPTION}/resourceGroups/img-rg/providers/Microsoft.Compute/galleries/studio/images/etl-base`;

/** 100 pools in 10 files, over the scenario environment's 3 subnets, in two sizes, half of them on its gallery image. */
export function writeHundredPools(): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-live-'));
  for (let file = 0; file < 10; file++) {
    const pools = Array.from({ length: 10 }, (_, index) => {
      const n = file * 10 + index;
      const image = n % 2 === 0 ? { virtualMachineImageId: `${SCENARIO_IMAGE}/versions/1.4.0` } : { publisher: 'canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
      return {
        id: `pool-${n}`,
        vmSize: n % 2 === 0 ? 'Standard_D2ds_v5' : 'Standard_F2s_v2',
        virtualMachineConfiguration: { imageReference: image, nodeAgentSKUId: 'batch.node.ubuntu 24.04' },
        targetDedicatedNodes: 1,
        networkConfiguration: { subnetId: SCENARIO_SUBNETS[n % SCENARIO_SUBNETS.length] },
      };
    });
    writeFileSync(join(folder, `pools-${file}.json`), JSON.stringify({ pools }, null, 2));
  }
  return folder;
}
