// Writes N realistic data-plane pool files (a mix of clean pools and pools with findings) for the
// benchmark and the large-folder tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = ['Standard_D2s_v3', 'STANDARD_A1_V2', 'Standard_D4ds_v5', 'Standard_E8s_v5', 'Standard_F4s_v2', 'Standard_NC6s_v3', 'Standard_D2ds_v6'];
const IMAGES = [
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest', agent: 'batch.node.ubuntu 22.04' },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest', agent: 'batch.node.ubuntu 22.04' },
  { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter', version: 'latest', agent: 'batch.node.windows amd64' },
  { publisher: 'microsoft-dsvm', offer: 'ubuntu-hpc', sku: '2204', version: 'latest', agent: 'batch.node.ubuntu 22.04' },
];
const COMMANDS = [
  "/bin/bash -c 'apt-get update && apt-get install -y jq'",
  'apt-get install -y ffmpeg && echo done',
  'cmd /c setup.cmd',
  'python3 prepare.py --out $AZ_BATCH_NODE_SHARED_DIR',
];

export function poolDefinition(index) {
  const image = IMAGES[index % IMAGES.length];
  return {
    id: `pool-${index}`,
    displayName: `Generated pool ${index}`,
    vmSize: SIZES[index % SIZES.length],
    virtualMachineConfiguration: {
      imageReference: { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.version },
      nodeAgentSKUId: image.agent,
    },
    targetDedicatedNodes: (index * 37) % 1500,
    taskSlotsPerNode: 1 + (index % 4),
    enableInterNodeCommunication: false,
    networkConfiguration: {
      subnetId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/batch-${index % 3}`,
    },
    startTask: {
      commandLine: COMMANDS[index % COMMANDS.length],
      userIdentity: { autoUser: { scope: 'pool', elevationLevel: index % 5 === 0 ? 'nonadmin' : 'admin' } },
      maxTaskRetryCount: index % 3,
      waitForSuccess: index % 7 !== 0,
      environmentSettings: [{ name: 'STAGE', value: 'bench' }],
    },
    metadata: [{ name: 'team', value: 'render' }],
  };
}

export function writePools(folder, count) {
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    writeFileSync(join(folder, `pool-${String(index).padStart(4, '0')}.json`), JSON.stringify(poolDefinition(index), null, 2) + '\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder = '.bench/pools', count = '1000'] = process.argv.slice(2);
  writePools(folder, Number(count));
}
