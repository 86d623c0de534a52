import { describe, expect, it } from 'vitest';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { poolOsType } from '../../src/pool/os-type.ts';

const facts = createFacts();
const UBUNTU = { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' };
const WINDOWS = { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter', version: 'latest' };

describe('poolOsType', () => {
  it('takes the OS on which the node agent and the image agree', () => {
    expect(poolOsType({ virtualMachineConfiguration: { imageReference: UBUNTU, nodeAgentSKUId: 'batch.node.ubuntu 22.04' } }, facts)).toBe('linux');
    expect(poolOsType({ virtualMachineConfiguration: { imageReference: WINDOWS, nodeAgentSKUId: 'Batch.Node.Windows amd64' } }, facts)).toBe('windows');
  });

  it('is unknown when the node agent and the image disagree on the OS', () => {
    expect(poolOsType({ virtualMachineConfiguration: { imageReference: UBUNTU, nodeAgentSKUId: 'batch.node.windows amd64' } }, facts)).toBeUndefined();
    expect(poolOsType({ virtualMachineConfiguration: { imageReference: WINDOWS, nodeAgentSKUId: 'batch.node.ubuntu 22.04' } }, facts)).toBeUndefined();
  });

  it("follows the node agent when the image's OS is not known (a gallery image)", () => {
    const gallery = { virtualMachineImageId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i' };
    expect(poolOsType({ virtualMachineConfiguration: { imageReference: gallery, nodeAgentSKUId: 'batch.node.windows amd64' } }, facts)).toBe('windows');
  });
});
