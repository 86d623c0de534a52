import { describe, expect, it } from 'vitest';
import { poolsOf } from '../../src/engine/lint-text.ts';
import { NO_SOURCE_OPTIONS } from '../../src/model/source-adapter.ts';

const pools = (filePath: string, text: string) => poolsOf({ filePath, text, sources: NO_SOURCE_OPTIONS, readFile: () => undefined });

const IMAGE = '"imageReference": { "publisher": "canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts" }, "nodeAgentSKUId": "batch.node.ubuntu 22.04"';

/** A key a file's author wrote is data, whatever its name: "__proto__" must not become the pool's prototype. */
describe('keys named like Object.prototype members', () => {
  it('keeps "__proto__" in a Batch JSON, JSONC or YAML pool as a key of its own, not the source of its properties', async () => {
    const json = `{ "id": "p1", "__proto__": { "vmSize": "Standard_D2s_v3" }, "virtualMachineConfiguration": { ${IMAGE} } }`;
    const yaml = 'id: p1\n__proto__:\n  vmSize: Standard_D2s_v3\nvirtualMachineConfiguration:\n  nodeAgentSKUId: batch.node.ubuntu 22.04\n';
    for (const [file, text] of [
      ['pool.json', json],
      ['pool.jsonc', `// a comment\n${json}`],
      ['pool.yaml', yaml],
    ] as const) {
      const [pool] = await pools(file, text);
      expect(Object.keys(pool!.spec), file).toContain('__proto__');
      expect(pool!.spec.vmSize, file).toBeUndefined();
    }
  });

  it('keeps "__proto__" in an ARM pool resource as a key of its own', async () => {
    const text = `{
      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "resources": [{
        "type": "Microsoft.Batch/batchAccounts/pools", "apiVersion": "2024-07-01", "name": "acct/p1",
        "properties": { "vmSize": "Standard_D2s_v3", "deploymentConfiguration": { "__proto__": { "virtualMachineConfiguration": { "nodeAgentSkuId": "x" } } } }
      }]
    }`;
    const [pool] = await pools('azuredeploy.json', text);
    expect(Object.keys(pool!.spec)).toContain('__proto__');
    expect(pool!.spec.virtualMachineConfiguration).toBeUndefined();
  });

  it('reads a Terraform pool labelled "__proto__"', async () => {
    const text =
      'resource "azurerm_batch_pool" "__proto__" {\n  name = "p"\n  vm_size = "Standard_D2s_v3"\n  node_agent_sku_id = "batch.node.ubuntu 22.04"\n  fixed_scale {\n    target_dedicated_nodes = 1\n  }\n}\n';
    const found = await pools('main.tf', text);
    expect(found.map((pool) => pool.id)).toEqual(['p']);
  });
});
