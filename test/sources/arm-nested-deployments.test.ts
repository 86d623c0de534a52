import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { applyEdits } from '../helpers/apply-edits.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';

const FIXTURE = 'fixtures/formats/arm/nested-deployments.json';
const text = readFileSync(FIXTURE, 'utf8');

function pools(deployment = {}) {
  return armTemplateAdapter.extract(JsonDocument.parse(FIXTURE, text, 'json'), sourceContext({ deployment }))!;
}

describe('nested deployments', () => {
  it('find pools in inline templates at any depth, and none behind a templateLink', () => {
    expect(pools().map((pool) => pool.id)).toEqual(['inner', 'outer', 'deep']);
  });

  it('evaluate an inner-scope template with the parameters the deployment passes, evaluated in the parent', () => {
    const [inner] = pools();
    expect(inner!.spec).toMatchObject({ vmSize: 'Standard_NC6', targetDedicatedNodes: 1500, resizeTimeout: 'PT10M' });
  });

  it("evaluate an outer-scope template with the parent's variables, not its own", () => {
    const [, outer] = pools();
    expect(outer!.spec.vmSize).toBe('Standard_D2ds_v5');
    expect(outer!.spec.virtualMachineConfiguration).toMatchObject({ imageReference: { sku: '22_04-lts-gen2' } });
  });

  it('give resourceGroup() the resource group a nested deployment names', () => {
    const [, , deep] = pools({ subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroup: 'render-rg' });
    expect(deep!.spec.networkConfiguration).toHaveProperty(
      'subnetId',
      '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/render-vnet/subnets/batch',
    );
  });

  it('locate pools at their own path, and a value passed in at the parameter it came from', async () => {
    const report = await lintFixtures([FIXTURE]);
    const findings = report.results[0]!.findings;
    expect(findings.map(({ ruleId, line, column, poolId }) => ({ ruleId, line, column, poolId }))).toEqual([
      { ruleId: 'vm-size-unknown', line: 5, column: 51, poolId: 'inner' },
      { ruleId: 'resize-timeout-large-pool', line: 43, column: 118, poolId: 'inner' },
    ]);
    expect(findings[0]!.message).toContain("(value from the default of parameter 'vmSize')");
    const [inner, , deep] = pools();
    expect(inner!.locate(['targetDedicatedNodes'])).toMatchObject({ location: { line: 21, column: 31 }, origin: "value from parameter 'nodes' passed to the nested deployment" });
    expect(deep!.locate(['vmSize']).location).toMatchObject({ line: 113, column: 35 });
  });

  it('fix a literal inside a nested template in place', async () => {
    const report = await lintFixtures([FIXTURE], ['resize-timeout-large-pool']);
    const fixed = applyEdits(text, report.results[0]!.findings[0]!.fix!.edits);
    expect(fixed.split('\n')[42]).toContain('"resizeTimeout": "PT30M"');
  });
});
