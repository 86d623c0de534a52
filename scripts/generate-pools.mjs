// Writes N realistic data-plane pool files (a mix of clean pools and pools with findings) for the
// benchmark and the large-folder tests; and one file of N pools in each format batchlint reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

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

/** The same pool as an ARM `Microsoft.Batch/batchAccounts/pools` resource. */
function armPoolResource(index) {
  const pool = poolDefinition(index);
  const { startTask } = pool;
  return {
    type: 'Microsoft.Batch/batchAccounts/pools',
    apiVersion: '2024-07-01',
    name: `[concat(parameters('batchAccountName'), '/${pool.id}')]`,
    properties: {
      displayName: pool.displayName,
      vmSize: pool.vmSize,
      deploymentConfiguration: {
        virtualMachineConfiguration: { imageReference: pool.virtualMachineConfiguration.imageReference, nodeAgentSkuId: pool.virtualMachineConfiguration.nodeAgentSKUId },
      },
      scaleSettings: { fixedScale: { targetDedicatedNodes: pool.targetDedicatedNodes } },
      taskSlotsPerNode: pool.taskSlotsPerNode,
      interNodeCommunication: 'Disabled',
      networkConfiguration: { subnetId: pool.networkConfiguration.subnetId },
      startTask: {
        commandLine: startTask.commandLine,
        userIdentity: { autoUser: { scope: 'Pool', elevationLevel: startTask.userIdentity.autoUser.elevationLevel === 'admin' ? 'Admin' : 'NonAdmin' } },
        maxTaskRetryCount: startTask.maxTaskRetryCount,
        waitForSuccess: startTask.waitForSuccess,
        environmentSettings: startTask.environmentSettings,
      },
      metadata: pool.metadata,
    },
  };
}

const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function armTemplate(resources, extra = {}) {
  return { $schema: ARM_SCHEMA, contentVersion: '1.0.0.0', parameters: { batchAccountName: { type: 'string', defaultValue: 'contosobatch' } }, ...extra, resources };
}

/** One copy loop of `count` pools whose size, image and start task come from arrays indexed by copyIndex(). */
function armCopyLoopTemplate(count) {
  const variables = { sizes: SIZES, commands: COMMANDS, images: IMAGES.map(({ agent, ...image }) => ({ ...image, nodeAgentSkuId: agent })) };
  const pick = (name) => `[variables('${name}')[mod(copyIndex(), length(variables('${name}')))]]`;
  const resource = {
    type: 'Microsoft.Batch/batchAccounts/pools',
    apiVersion: '2024-07-01',
    name: "[concat(parameters('batchAccountName'), '/pool-', copyIndex())]",
    copy: { name: 'pools', count },
    properties: {
      vmSize: pick('sizes'),
      deploymentConfiguration: {
        virtualMachineConfiguration: {
          imageReference: {
            publisher: "[variables('images')[mod(copyIndex(), 4)].publisher]",
            offer: "[variables('images')[mod(copyIndex(), 4)].offer]",
            sku: "[variables('images')[mod(copyIndex(), 4)].sku]",
            version: 'latest',
          },
          nodeAgentSkuId: "[variables('images')[mod(copyIndex(), 4)].nodeAgentSkuId]",
        },
      },
      scaleSettings: { fixedScale: { targetDedicatedNodes: '[mod(mul(copyIndex(), 37), 1500)]' } },
      startTask: {
        commandLine: pick('commands'),
        userIdentity: { autoUser: { scope: 'Pool', elevationLevel: 'NonAdmin' } },
        maxTaskRetryCount: 0,
        waitForSuccess: true,
      },
    },
  };
  return armTemplate([resource], { variables });
}

function hclString(value) {
  return JSON.stringify(value).replaceAll('${', '${');
}

/** The same pool as a Terraform `azurerm_batch_pool` resource. */
function terraformPool(index) {
  const pool = poolDefinition(index);
  const { imageReference, nodeAgentSKUId } = pool.virtualMachineConfiguration;
  const { startTask } = pool;
  return `resource "azurerm_batch_pool" "pool_${index}" {
  name                = ${hclString(pool.id)}
  display_name        = ${hclString(pool.displayName)}
  resource_group_name = "batch-rg"
  account_name        = "contosobatch"
  vm_size             = ${hclString(pool.vmSize)}
  node_agent_sku_id   = ${hclString(nodeAgentSKUId)}
  max_tasks_per_node  = ${pool.taskSlotsPerNode}

  storage_image_reference {
    publisher = ${hclString(imageReference.publisher)}
    offer     = ${hclString(imageReference.offer)}
    sku       = ${hclString(imageReference.sku)}
    version   = "latest"
  }

  fixed_scale {
    target_dedicated_nodes = ${pool.targetDedicatedNodes}
  }

  network_configuration {
    subnet_id = ${hclString(pool.networkConfiguration.subnetId)}
  }

  start_task {
    command_line       = ${hclString(startTask.commandLine)}
    wait_for_success   = ${startTask.waitForSuccess}
    task_retry_maximum = ${startTask.maxTaskRetryCount}

    user_identity {
      auto_user {
        elevation_level = ${startTask.userIdentity.autoUser.elevationLevel === 'admin' ? '"Admin"' : '"NonAdmin"'}
        scope           = "Pool"
      }
    }
  }
}
`;
}

/** The formats of one file of many pools, each as a file name and its text. */
export const POOLS_FILE_FORMATS = {
  json: (count) => ['pools.json', JSON.stringify({ pools: poolsUpTo(count) }, null, 2) + '\n'],
  yaml: (count) => ['pools.yaml', stringify({ pools: poolsUpTo(count) })],
  arm: (count) => ['azuredeploy.json', JSON.stringify(armTemplate(Array.from({ length: count }, (_, index) => armPoolResource(index))), null, 2) + '\n'],
  'arm-copy': (count) => ['azuredeploy.json', JSON.stringify(armCopyLoopTemplate(count), null, 2) + '\n'],
  tf: (count) => ['main.tf', Array.from({ length: count }, (_, index) => terraformPool(index)).join('\n')],
};

function poolsUpTo(count) {
  return Array.from({ length: count }, (_, index) => poolDefinition(index));
}

/** Writes one file of `count` pools in a format of POOLS_FILE_FORMATS into its own folder; returns the file's path. */
export function writePoolsFile(folder, format, count) {
  const [name, text] = POOLS_FILE_FORMATS[format](count);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder = '.bench/pools', count = '1000', format] = process.argv.slice(2);
  if (format) writePoolsFile(folder, format, Number(count));
  else writePools(folder, Number(count));
}
