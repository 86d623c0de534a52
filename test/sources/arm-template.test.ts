import { describe, expect, it } from 'vitest';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { sourceContext } from '../helpers/source-context.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { applyEdits } from '../helpers/apply-edits.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';

const FIXTURE = 'fixtures/formats/arm/pools.template.json';

describe('ARM templates', () => {
  it('finds pool resources at the top level and as children of a Batch account, in data-plane shape', async () => {
    const report = await lintFixtures([FIXTURE]);
    expect(report.summary.pools).toBe(2);
    const findings = report.results[0]!.findings.map(({ ruleId, line, column, poolId }) => ({ ruleId, line, column, poolId }));
    expect(findings).toEqual([
      { ruleId: 'vm-size-hypervisor-generation', line: 5, column: 51, poolId: 'render' },
      { ruleId: 'resize-timeout-large-pool', line: 35, column: 34, poolId: 'render' },
      { ruleId: 'start-task-wait-for-success', line: 40, column: 33, poolId: 'render' },
    ]);
  });

  it('names properties as the template writes them', async () => {
    const report = await lintFixtures([FIXTURE], ['resize-timeout-large-pool']);
    expect(report.results[0]!.findings[0]!.message).toContain('properties.scaleSettings.fixedScale.resizeTimeout is PT15M');
  });

  it('fixes a literal in place but never overwrites an expression', async () => {
    const text = (await import('node:fs')).readFileSync(FIXTURE, 'utf8');
    const [pool] = armTemplateAdapter.extract(JsonDocument.parse(FIXTURE, text, 'json'), sourceContext())!;
    expect(applyEdits(text, pool!.setValueEdits(['resizeTimeout'], 'PT30M')!)).toContain('"resizeTimeout": "PT30M"');
    expect(pool!.setValueEdits(['targetDedicatedNodes'], 5)).toBeUndefined();
  });

  it('takes scale settings as ARM means them: none is a fixed pool of 0 nodes, autoScale is autoscale', () => {
    const template = (scaleSettings?: object) =>
      JsonDocument.parse(
        't.json',
        JSON.stringify({
          contentVersion: '1.0.0.0',
          resources: [{ type: 'Microsoft.Batch/batchAccounts/pools', name: 'a/p', properties: { vmSize: 'Standard_D2s_v3', ...(scaleSettings && { scaleSettings }) } }],
        }),
        'json',
      );
    expect(armTemplateAdapter.extract(template(), sourceContext())![0]!.spec).toMatchObject({ id: 'p', targetDedicatedNodes: 0 });
    expect(armTemplateAdapter.extract(template({ autoScale: { formula: '$TargetDedicatedNodes = 1;' } }), sourceContext())![0]!.spec).toMatchObject({
      enableAutoScale: true,
      autoScaleFormula: '$TargetDedicatedNodes = 1;',
    });
  });

  it('reads the management plane names into the data plane ones, and maps them back for locations', () => {
    const text = JSON.stringify(
      {
        contentVersion: '1.0.0.0',
        resources: [
          {
            type: 'Microsoft.Batch/batchAccounts/pools',
            name: 'a/p',
            properties: {
              vmSize: 'Standard_D2s_v3',
              deploymentConfiguration: { virtualMachineConfiguration: { imageReference: { id: '/subscriptions/s/gallery-image' }, nodeAgentSkuId: 'batch.node.ubuntu 22.04' } },
              networkConfiguration: { endpointConfiguration: { inboundNatPools: [] } },
              startTask: { commandLine: 'x', userIdentity: { userName: 'admin' } },
            },
          },
        ],
      },
      null,
      2,
    );
    const [pool] = armTemplateAdapter.extract(JsonDocument.parse('t.json', text, 'json'), sourceContext())!;
    expect(pool!.spec.virtualMachineConfiguration).toEqual({
      imageReference: { virtualMachineImageId: '/subscriptions/s/gallery-image' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
    });
    expect(pool!.spec.networkConfiguration).toEqual({ endpointConfiguration: { inboundNATPools: [] } });
    expect(pool!.spec.startTask).toEqual({ commandLine: 'x', userIdentity: { username: 'admin' } });
    expect(pool!.displayName(['startTask', 'userIdentity', 'username'])).toBe('properties.startTask.userIdentity.userName');
    expect(pool!.locate(['virtualMachineConfiguration', 'imageReference', 'virtualMachineImageId']).exact).toBe(true);
  });

  it('leaves templates without pools, and other JSON, alone', () => {
    const storage = JsonDocument.parse(
      's.json',
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 's' }],
      }),
      'json',
    );
    expect(armTemplateAdapter.extract(storage, sourceContext())).toEqual([]);
    expect(armTemplateAdapter.extract(JsonDocument.parse('p.json', '{"parameters": {"vmSize": {"value": "x"}}}', 'json'), sourceContext())).toBeUndefined();
  });
});
