import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceOptions } from '../../src/model/source-adapter.ts';
import { HclDocument } from '../../src/documents/hcl/hcl-document.ts';
import type { Path } from '../../src/model/location.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';
import { terraformAdapter } from '../../src/sources/terraform/terraform-adapter.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { applyEdits } from '../helpers/apply-edits.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';

const MODULE = 'fixtures/formats/terraform/module';

function poolsOf(file: string, options: Partial<SourceOptions> = {}): PoolDefinition[] {
  const path = `${MODULE}/${file}`;
  return terraformAdapter.extract(HclDocument.parse(path, readFileSync(path, 'utf8')), sourceContext(options))!;
}

function inlinePools(text: string, context = sourceContext()): PoolDefinition[] {
  return terraformAdapter.extract(HclDocument.parse('/nowhere/inline.tf', text), context)!;
}

function at(pool: PoolDefinition, path: Path) {
  const { location, exact } = pool.locate(path);
  return { line: location.line, column: location.column, exact };
}

const reasonOf = (value: unknown) => (isUnknown(value) ? value.reason : value);

/** A value deep in a spec, whose every level may be an UnknownValue as far as the types know. */
const valueAt = (value: unknown, ...path: string[]) => path.reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);

describe('Terraform azurerm_batch_pool', () => {
  it('maps the azurerm arguments to the Batch pool body', () => {
    const [render] = poolsOf('main.tf');
    expect(render!.format).toBe('terraform');
    expect(render!.spec).toEqual({
      id: 'render',
      vmSize: 'Standard_D2s_v3',
      virtualMachineConfiguration: {
        nodeAgentSKUId: 'batch.node.ubuntu 22.04',
        imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      },
      enableInterNodeCommunication: true,
      targetDedicatedNodes: 4,
      startTask: { commandLine: 'apt-get install -y blender && blender --version', userIdentity: { autoUser: { elevationLevel: 'Admin', scope: 'Pool' } } },
    });
  });

  it("takes absent arguments as the provider does: its own defaults, not the REST API's", () => {
    const [render] = poolsOf('main.tf');
    expect(render!.defaults).toEqual({
      startTaskWaitForSuccess: false,
      startTaskMaxRetryCount: 0,
      resizeTimeout: 'PT15M',
      windowsEnableAutomaticUpdates: true,
      taskSlotsPerNode: 1,
    });
    const [pool] = inlinePools('resource "azurerm_batch_pool" "p" {\n  name = "p"\n  fixed_scale {}\n  inter_node_communication = "Disabled"\n}\n');
    expect(pool!.spec).toEqual({ id: 'p', targetDedicatedNodes: 1, enableInterNodeCommunication: false });
  });

  it('resolves variables (defaults, terraform.tfvars, --var-file) and locals across the module, and knows a subnet declared beside the pool', () => {
    const [analysis] = poolsOf('network.tf');
    expect(analysis!.id).toBe('analysis-dev-pool');
    expect(analysis!.spec).toMatchObject({
      vmSize: 'Standard_D4s_v3',
      taskSlotsPerNode: 4,
      metadata: [{ name: 'team', value: 'research' }],
      targetDedicatedNodes: 12,
      resizeTimeout: 'PT15M',
      virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' } },
      networkConfiguration: { publicIPAddressConfiguration: { provision: 'NoPublicIPAddresses' } },
      startTask: { waitForSuccess: true, maxTaskRetryCount: 0, resourceFiles: [{ httpUrl: 'https://example.com/analysis/requirements.txt', filePath: 'requirements.txt' }] },
    });
    expect(reasonOf(valueAt(analysis!.spec, 'networkConfiguration', 'subnetId'))).toBe("azurerm_subnet.batch.id is another resource's attribute, known only after it is created");
    expect(analysis!.declaredSubnet).toEqual({ addressPrefixes: ['10.20.1.0/28'] });

    const [prod] = poolsOf('network.tf', { varFiles: [`${MODULE}/prod.tfvars`] });
    expect(prod!.spec).toMatchObject({ id: 'analysis-prod-pool', vmSize: 'Standard_E8s_v5', targetDedicatedNodes: 20 });
  });

  it('reads heredocs, interpolation and comments', () => {
    const [autoscale] = poolsOf('templates.tf');
    expect(autoscale!.spec).toMatchObject({
      id: 'autoscale-dev',
      enableAutoScale: true,
      autoScaleEvaluationInterval: 'PT5M',
      autoScaleFormula: '$samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 5);\n$TargetDedicatedNodes = min(12, $PendingTasks.GetSample(1));\n',
      startTask: { commandLine: 'setup.cmd > %TEMP%\\setup.log', waitForSuccess: true, maxTaskRetryCount: 2 },
    });
  });

  it('never guesses: other resources, data sources, functions and unknown collections stay unknown, with the expression named', () => {
    const [pool] = inlinePools(`
variable "size" {}
resource "azurerm_batch_pool" "p" {
  name              = random_pet.name.id
  vm_size           = var.size
  node_agent_sku_id = data.azurerm_batch_node_agent_skus.s.id
  display_name      = lower("A")
  max_tasks_per_node = count.index
  dynamic "fixed_scale" {
    for_each = var.scale
    content {
      target_dedicated_nodes = fixed_scale.value
    }
  }
  dynamic "start_task" {
    for_each = { a = "echo a" }
    iterator = task
    content {
      command_line = "\${task.key}: \${task.value}"
    }
  }
}
`);
    const spec = pool!.spec;
    expect(reasonOf(spec.id)).toBe("random_pet.name.id is another resource's attribute, known only after it is created");
    expect(reasonOf(spec.vmSize)).toBe('var.size has no default and no value in a var file');
    expect(reasonOf(valueAt(spec, 'virtualMachineConfiguration', 'nodeAgentSKUId'))).toBe('data.azurerm_batch_node_agent_skus.s.id is read by a data source when Terraform runs');
    expect(reasonOf(spec.displayName)).toBe('lower("A") calls lower(), which is not evaluated before Terraform runs');
    expect(reasonOf(spec.taskSlotsPerNode)).toBe('count.index depends on count');
    expect(reasonOf(spec.targetDedicatedNodes)).toBe('the dynamic "fixed_scale" block repeats over a collection that is not known: var.scale is not declared in /nowhere');
    expect(spec.startTask).toEqual({ commandLine: 'a: echo a' });
  });

  it('evaluates conditionals and operators over known values', () => {
    const [pool] = inlinePools(`
locals {
  big   = var.nodes > 10
  nodes = 5
}
variable "nodes" { default = 20 }
resource "azurerm_batch_pool" "p" {
  name = local.big ? "big-\${local.nodes * 2}" : "small"
  fixed_scale {
    target_dedicated_nodes = var.nodes == null ? 0 : -var.nodes + 30
  }
}
`);
    expect(pool!.spec).toMatchObject({ id: 'big-10', targetDedicatedNodes: 10 });
  });

  it('locates each canonical property on the argument as written, or on the nearest block', () => {
    const [render] = poolsOf('main.tf');
    expect(at(render!, ['startTask', 'commandLine'])).toEqual({ line: 32, column: 20, exact: true });
    expect(at(render!, ['startTask', 'waitForSuccess'])).toEqual({ line: 31, column: 3, exact: false });
    expect(at(render!, ['startTask', 'userIdentity', 'autoUser', 'elevationLevel'])).toEqual({ line: 36, column: 27, exact: true });
    expect(at(render!, ['virtualMachineConfiguration', 'nodeAgentSKUId'])).toEqual({ line: 18, column: 25, exact: true });
    expect(at(render!, ['targetDedicatedNodes'])).toEqual({ line: 28, column: 30, exact: true });
    expect(at(render!, ['virtualMachineConfiguration'])).toEqual({ line: 13, column: 1, exact: false });

    const [analysis] = poolsOf('network.tf');
    expect(at(analysis!, ['networkConfiguration', 'subnetId'])).toEqual({ line: 42, column: 40, exact: true });
    expect(at(analysis!, ['virtualMachineConfiguration', 'imageReference', 'offer'])).toEqual({ line: 31, column: 17, exact: true });
    expect(at(analysis!, ['startTask', 'resourceFiles', 0, 'filePath'])).toEqual({ line: 59, column: 19, exact: true });
    expect(at(analysis!, ['metadata', 0, 'value'])).toEqual({ line: 27, column: 25, exact: true });

    const [autoscale] = poolsOf('templates.tf');
    expect(at(autoscale!, ['autoScaleFormula'])).toEqual({ line: 21, column: 27, exact: true });
    expect(at(autoscale!, ['enableAutoScale'])).toEqual({ line: 19, column: 14, exact: true });
    expect(at(autoscale!, ['virtualMachineConfiguration', 'windowsConfiguration', 'enableAutomaticUpdates'])).toEqual({ line: 5, column: 1, exact: false });
  });

  it('names properties as azurerm does', () => {
    const [render] = poolsOf('main.tf');
    expect(render!.displayName(['startTask', 'waitForSuccess'])).toBe('start_task.wait_for_success');
    expect(render!.displayName(['startTask', 'maxTaskRetryCount'])).toBe('start_task.task_retry_maximum');
    expect(render!.displayName(['startTask', 'resourceFiles', 1, 'httpUrl'])).toBe('start_task.resource_file[1].http_url');
    expect(render!.displayName(['resizeTimeout'])).toBe('fixed_scale.resize_timeout');
    expect(render!.displayName(['taskSlotsPerNode'])).toBe('max_tasks_per_node');
    expect(render!.displayName(['virtualMachineConfiguration', 'imageReference', 'virtualMachineImageId'])).toBe('storage_image_reference.id');
    expect(render!.displayName(['virtualMachineConfiguration', 'windowsConfiguration', 'enableAutomaticUpdates'])).toBe('windows.enable_automatic_updates');
    expect(render!.displayName(['networkConfiguration', 'endpointConfiguration', 'inboundNATPools', 0, 'frontendPortRangeEnd'])).toBe(
      'network_configuration.endpoint_configuration[0].frontend_port_range',
    );
    expect(render!.displayName(['virtualMachineConfiguration', 'diskEncryptionConfiguration', 'targets', 1])).toBe('disk_encryption[1].disk_encryption_target');
    expect(render!.displayName(['virtualMachineConfiguration', 'containerConfiguration', 'containerImageNames', 0])).toBe('container_configuration.container_image_names[0]');
  });

  it('fixes literals and missing arguments of the blocks the user wrote, never a variable, a conversion or a dynamic block', () => {
    const text = readFileSync(`${MODULE}/network.tf`, 'utf8');
    const [analysis] = poolsOf('network.tf');
    expect(applyEdits(text, analysis!.setValueEdits(['resizeTimeout'], 'PT30M')!)).toContain('    resize_timeout         = "PT30M"\n');
    expect(applyEdits(text, analysis!.setValueEdits(['targetLowPriorityNodes'], 2)!)).toContain('    resize_timeout         = "PT15M"\n    target_low_priority_nodes = 2\n  }');
    expect(analysis!.setValueEdits(['vmSize'], 'Standard_D8s_v3')).toBeUndefined();
    expect(analysis!.setValueEdits(['enableInterNodeCommunication'], false)).toBeUndefined();
    expect(analysis!.setValueEdits(['virtualMachineConfiguration', 'windowsConfiguration', 'enableAutomaticUpdates'], false)).toBeUndefined();

    const [render] = poolsOf('main.tf');
    const renderText = readFileSync(`${MODULE}/main.tf`, 'utf8');
    expect(applyEdits(renderText, render!.setValueEdits(['startTask', 'waitForSuccess'], true)!)).toMatch(
      /        scope {11}= "Pool"\n      }\n    }\n    wait_for_success = true\n  }/,
    );

    const [dynamic] = inlinePools(
      'resource "azurerm_batch_pool" "p" {\n  dynamic "fixed_scale" {\n    for_each = [1]\n    content {\n      resize_timeout = "PT15M"\n    }\n  }\n}\n',
    );
    expect(dynamic!.spec.resizeTimeout).toBe('PT15M');
    expect(at(dynamic!, ['resizeTimeout'])).toEqual({ line: 5, column: 24, exact: true });
    expect(dynamic!.setValueEdits(['resizeTimeout'], 'PT30M')).toBeUndefined();
  });

  it('reports a pool with neither fixed_scale nor auto_scale, which the provider refuses', () => {
    const context = sourceContext();
    const [pool] = inlinePools('resource "azurerm_batch_pool" "p" {\n  name = "p"\n}\n', context);
    expect(pool!.spec).toEqual({ id: 'p', enableInterNodeCommunication: true });
    expect(context.problems).toEqual([
      { ruleId: 'pool-schema', path: ['resource', 'azurerm_batch_pool', 'p'], message: expect.stringContaining('neither a fixed_scale nor an auto_scale block') },
    ]);
  });

  it('finds no pool in files without one: variables, other resources, .tfvars (even with pool-like names)', () => {
    expect(poolsOf('variables.tf')).toEqual([]);
    expect(terraformAdapter.extract(HclDocument.parse('x.tfvars', 'vmSize = "Standard_D2s_v3"\nvirtualMachineConfiguration = {}\n'), sourceContext())).toEqual([]);
    expect(inlinePools('resource "azurerm_batch_account" "a" {\n  name = "a"\n}\n')).toEqual([]);
  });

  it('lints a module folder end to end, at the lines the user wrote, with suppression comments honoured', async () => {
    const report = await lintFixtures([MODULE]);
    expect(report.summary.pools).toBe(3);
    const findings = report.results.flatMap((result) => result.findings.map(({ filePath, ruleId, line, column }) => ({ file: filePath.split('/').pop(), ruleId, line, column })));
    expect(findings).toEqual([
      { file: 'main.tf', ruleId: 'start-task-wait-for-success', line: 31, column: 3 },
      { file: 'main.tf', ruleId: 'start-task-shell', line: 32, column: 20 },
      { file: 'network.tf', ruleId: 'subnet-ip-capacity', line: 42, column: 40 },
      { file: 'network.tf', ruleId: 'start-task-retries', line: 49, column: 26 },
      { file: 'templates.tf', ruleId: 'windows-automatic-updates', line: 5, column: 1 },
    ]);
    const message = report.results[0]!.findings[0]!.message;
    expect(message).toContain('start_task.wait_for_success is not set, and in this format it defaults to false');
  });
});
