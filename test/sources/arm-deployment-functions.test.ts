import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeploymentTarget } from '../../src/model/source-adapter.ts';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { sourceContext } from '../helpers/source-context.ts';

const FIXTURE = 'fixtures/formats/arm/deployment-functions.json';

function poolFor(deployment: DeploymentTarget) {
  const document = JsonDocument.parse(FIXTURE, readFileSync(FIXTURE, 'utf8'), 'json');
  return armTemplateAdapter.extract(document, sourceContext({ deployment }))![0]!;
}

const metadataValue = (pool: ReturnType<typeof poolFor>, name: string) => (pool.spec.metadata as { name: string; value: unknown }[]).find((item) => item.name === name)!.value;
const subnetIdOf = (pool: ReturnType<typeof poolFor>) => (pool.spec.networkConfiguration as { subnetId: unknown }).subnetId;
const reasonOf = (value: unknown) => (isUnknown(value) ? value.reason : `known: ${String(value)}`);

describe('deployment functions', () => {
  it('take the subscription, resource group and location from the command line', () => {
    const pool = poolFor({ subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroup: 'render-rg', location: 'westeurope' });
    expect(subnetIdOf(pool)).toBe(
      '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/render-rg/providers/Microsoft.Network/virtualNetworks/render-vnet/subnets/batch',
    );
    expect(metadataValue(pool, 'subscription')).toBe('11111111-2222-3333-4444-555555555555');
    expect(metadataValue(pool, 'resourceGroup')).toBe('render-rg');
    expect(metadataValue(pool, 'region')).toBe('westeurope');
    expect(metadataValue(pool, 'registry')).toBe('/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Resources/resourceGroups/shared-rg');
  });

  it('are unknown without them, each naming the option that gives it', () => {
    const pool = poolFor({});
    expect(reasonOf(subnetIdOf(pool))).toBe('the subscription is not known (give --subscription)');
    expect(reasonOf(metadataValue(pool, 'subscription'))).toBe('the subscription is not known (give --subscription)');
    expect(reasonOf(metadataValue(pool, 'resourceGroup'))).toBe('the resource group is not known (give --resource-group)');
    expect(reasonOf(metadataValue(pool, 'region'))).toBe("the resource group's location is not known (give --location)");
  });

  it('build a resource id once the subscription is known, and still need the resource group for a group-level one', () => {
    const pool = poolFor({ subscriptionId: '11111111-2222-3333-4444-555555555555' });
    expect(metadataValue(pool, 'registry')).toBe('/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Resources/resourceGroups/shared-rg');
    expect(reasonOf(subnetIdOf(pool))).toBe('the resource group is not known (give --resource-group)');
  });
});
