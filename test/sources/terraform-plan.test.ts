import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchDataPlaneAdapter } from '../../src/sources/batch/batch-data-plane.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';
import { terraformPlanAdapter } from '../../src/sources/terraform/plan-adapter.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';

const PLAN = 'fixtures/formats/terraform/plan/nightly.plan.json';

function poolsOf(value: unknown, context = sourceContext()): PoolDefinition[] | undefined {
  return terraformPlanAdapter.extract(JsonDocument.parse('plan.json', JSON.stringify(value, null, 2), 'json'), context);
}

describe('terraform show -json', () => {
  const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as { planned_values: { root_module: { resources: { values: Record<string, unknown> }[] } }; resource_changes: unknown[] };
  const [pool] = terraformPlanAdapter.extract(JsonDocument.parse(PLAN, readFileSync(PLAN, 'utf8'), 'json'), sourceContext())!;

  it('reads planned azurerm_batch_pool values, provider defaults included, with the same mapping as HCL', () => {
    expect(pool!.format).toBe('terraform-plan');
    expect(pool!.id).toBe('nightly');
    expect(pool!.spec).toMatchObject({
      vmSize: 'Standard_D2s_v3',
      taskSlotsPerNode: 1,
      enableInterNodeCommunication: true,
      targetDedicatedNodes: 30,
      targetLowPriorityNodes: 0,
      resizeTimeout: 'PT15M',
      virtualMachineConfiguration: {
        nodeAgentSKUId: 'batch.node.ubuntu 22.04',
        imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      },
      startTask: {
        waitForSuccess: false,
        maxTaskRetryCount: 1,
        environmentSettings: [{ name: 'MODE', value: 'nightly' }],
        userIdentity: { autoUser: { elevationLevel: 'NonAdmin', scope: 'Task' } },
      },
      networkConfiguration: { dynamicVNetAssignmentScope: 'none', enableAcceleratedNetworking: false, publicIPAddressConfiguration: { provision: 'BatchManaged' } },
    });
    // Empty strings, nulls and empty block lists are what a plan says for arguments that are not set.
    expect(pool!.spec).not.toHaveProperty('displayName');
    expect(pool!.spec).not.toHaveProperty('enableAutoScale');
    expect(pool!.spec.virtualMachineConfiguration).not.toHaveProperty('licenseType');
  });

  it('keeps what is known only after apply unknown, and finds the subnet planned beside the pool', () => {
    const subnetId = (pool!.spec.networkConfiguration as { subnetId?: unknown }).subnetId;
    expect(isUnknown(subnetId) && subnetId.reason).toBe('azurerm_batch_pool.nightly: network_configuration[0].subnet_id is known only after apply');
    expect(pool!.declaredSubnet).toEqual({ addressPrefixes: ['10.30.0.0/27'] });
  });

  it('points into the plan file and never edits it', () => {
    const at = (path: (string | number)[]) => {
      const { location, exact } = pool!.locate(path);
      return { line: location.line, column: location.column, exact };
    };
    expect(at(['startTask', 'waitForSuccess'])).toEqual({ line: 94, column: 37, exact: true });
    expect(at(['targetDedicatedNodes'])).toEqual({ line: 49, column: 43, exact: true });
    expect(at(['networkConfiguration', 'subnetId'])).toEqual({ line: 61, column: 15, exact: false });
    expect(pool!.displayName(['startTask', 'waitForSuccess'])).toBe('start_task.wait_for_success');
    expect(pool!.setValueEdits(['startTask', 'waitForSuccess'], true)).toBeUndefined();
  });

  it('reads child modules, plans without planned_values, and state output', () => {
    const poolResource = plan.planned_values.root_module.resources[1];
    const inModule = poolsOf({
      format_version: '1.2',
      planned_values: { root_module: { child_modules: [{ address: 'module.batch', resources: [{ ...poolResource, address: 'module.batch.azurerm_batch_pool.nightly' }] }] } },
    });
    expect(inModule!.map((found) => found.id)).toEqual(['nightly']);
    const changesOnly = poolsOf({ format_version: '1.2', resource_changes: plan.resource_changes });
    expect(changesOnly!.map((found) => [found.id, found.spec.targetDedicatedNodes])).toEqual([['nightly', 30]]);
    expect(changesOnly![0]!.locate(['targetDedicatedNodes']).exact).toBe(true);
    const state = poolsOf({ format_version: '1.0', values: { root_module: { resources: [poolResource] } } });
    expect(state!.map((found) => found.id)).toEqual(['nightly']);
  });

  it('reports a planned pool with neither scale block; leaves other JSON to the other adapters', () => {
    const context = sourceContext();
    const values = { ...plan.planned_values.root_module.resources[1]!.values, fixed_scale: [] };
    poolsOf({ format_version: '1.2', planned_values: { root_module: { resources: [{ ...plan.planned_values.root_module.resources[1], values }] } } }, context);
    expect(context.problems.map((problem) => problem.path)).toEqual([['planned_values', 'root_module', 'resources', 0, 'values']]);
    expect(poolsOf({ format_version: '1.2', planned_values: { root_module: {} } })).toEqual([]);
    expect(poolsOf({ vmSize: 'Standard_D2s_v3' })).toBeUndefined();
    expect(batchDataPlaneAdapter.extract(JsonDocument.parse('p.json', '{"vmSize": "Standard_D2s_v3"}', 'json'), sourceContext())).toHaveLength(1);
  });

  it('lints a plan end to end', async () => {
    const report = await lintFixtures([PLAN]);
    const findings = report.results.flatMap((result) => result.findings.map(({ ruleId, line, column }) => ({ ruleId, line, column })));
    expect(findings).toEqual([
      { ruleId: 'subnet-ip-capacity', line: 61, column: 15 },
      { ruleId: 'start-task-wait-for-success', line: 94, column: 37 },
    ]);
  });
});
