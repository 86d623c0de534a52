import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BicepDocument } from '../../src/documents/bicep/bicep-document.ts';
import type { Path } from '../../src/model/location.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';
import type { SourceOptions } from '../../src/model/source-adapter.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { bicepAdapter } from '../../src/sources/bicep/bicep-adapter.ts';
import { applyEdits } from '../helpers/apply-edits.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';

const FOLDER = 'fixtures/formats/bicep/native';
const MAIN = `${FOLDER}/main.bicep`;
const PARAMETERS = `${FOLDER}/main.bicepparam`;
const TARGET = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroup: 'rg', location: 'westeurope' };

function poolsOf(path: string, options: Partial<SourceOptions> = {}, text = readFileSync(path, 'utf8')): PoolDefinition[] {
  return bicepAdapter.extract(BicepDocument.parse(path, text), sourceContext({ deployment: TARGET, ...options }))!;
}

/** The pools of main.bicep without its .bicepparam (the file read under another name, so that none is beside it). */
function withDefaults(): PoolDefinition[] {
  return poolsOf(`${FOLDER}/alone.bicep`, {}, readFileSync(MAIN, 'utf8'));
}

function inline(text: string, options: Partial<SourceOptions> = {}): PoolDefinition[] {
  return poolsOf('/nowhere/inline.bicep', options, text);
}

function at(pool: PoolDefinition, path: Path, part?: 'key' | 'value') {
  const { location, exact, filePath, origin } = pool.locate(path, part);
  return { line: location.line, column: location.column, exact, ...(filePath && { filePath }), ...(origin && { origin }) };
}

const reasonOf = (value: unknown) => (isUnknown(value) ? value.reason : value);
const byId = (pools: PoolDefinition[], id: string) => pools.find((pool) => pool.id === id)!;

describe('Bicep: finding pools', () => {
  it('finds top-level pools, pools with parent:, pools nested in an account, one per item of a known loop; none existing or switched off', () => {
    expect(withDefaults().map((pool) => pool.id)).toEqual(['nested', 'render', 'sim-2', 'pool-v5', 'pool-v5', undefined]);
    const pools = poolsOf(MAIN);
    expect(pools.map((pool) => pool.id)).toEqual(['nested', 'render', 'sim-2', 'pool-v5', 'pool-v5', 'alpha', 'beta']);
    expect(pools.every((pool) => pool.format === 'bicep' && pool.apiVersion === '2024-07-01')).toBe(true);
  });

  it('checks a loop over an unknown array once, its loop variables unknown', () => {
    const looped = withDefaults()[5]!;
    expect(reasonOf(looped.spec.id)).toBe("the loop variable 'name' differs from copy to copy (parameter 'prefix' has no default value)");
    expect(looped.spec.vmSize).toBe('Standard_D4ds_v5');
    expect(reasonOf(looped.spec.taskSlotsPerNode)).toBe("the loop variable 'i' differs from copy to copy (parameter 'prefix' has no default value)");
  });

  it('gives each copy of a known loop its own item', () => {
    const pools = poolsOf(MAIN);
    expect(pools.slice(3, 5).map((pool) => pool.spec.vmSize)).toEqual(['Standard_D2ds_v5', 'Standard_D16ds_v5']);
    expect(pools.slice(5).map((pool) => pool.spec.taskSlotsPerNode)).toEqual([1, 2]);
  });

  it('keeps a pool whose condition is unknown, and leaves out one whose condition is false', () => {
    const text =
      "param on bool\nresource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = if (on) {\n  name: 'a/b'\n  properties: {}\n}\nresource q 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = if (1 > 2) {\n  name: 'a/c'\n}\n";
    expect(inline(text).map((pool) => pool.id)).toEqual(['b']);
  });

  it('finds no pool in a file without one, nor in a module declaration or a parameters file', () => {
    expect(inline("resource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 's'\n}\nmodule m 'pool.bicep' = {\n  name: 'm'\n}\n")).toEqual([]);
    expect(bicepAdapter.extract(BicepDocument.parse(PARAMETERS, readFileSync(PARAMETERS, 'utf8'), 'bicepparam'), sourceContext())).toEqual([]);
  });
});

describe('Bicep: evaluating a pool', () => {
  it('maps the ARM resource shape to the data-plane pool, evaluating parameters, variables, interpolation, operators and functions', () => {
    const pools = withDefaults();
    expect(byId(pools, 'render').spec).toEqual({
      id: 'render',
      vmSize: 'Standard_D4ds_v5',
      enableInterNodeCommunication: true,
      virtualMachineConfiguration: {
        imageReference: { publisher: 'canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
        nodeAgentSKUId: 'batch.node.ubuntu 24.04',
      },
      targetDedicatedNodes: 2,
      targetLowPriorityNodes: 0,
      startTask: { commandLine: "/bin/bash -c 'echo server'", waitForSuccess: true },
    });
    expect(byId(pools, 'nested').spec.vmSize).toBe('standard_d4ds_v5');
    expect(byId(pools, 'sim-2').spec.metadata).toEqual([
      { name: 'tag0', value: 'a' },
      { name: 'tag1', value: 'b' },
    ]);
  });

  it('takes values from the .bicepparam beside the file, whose using names it', () => {
    expect(byId(poolsOf(MAIN), 'render').spec.vmSize).toBe('Standard_D8ds_v5');
  });

  it('takes values from a JSON parameters file given with --parameters', () => {
    const pools = poolsOf(MAIN, { parameterFiles: [`${FOLDER}/main.parameters.json`] });
    expect(byId(pools, 'render').spec).toMatchObject({ vmSize: 'Standard_D4ds_v5', targetDedicatedNodes: 5 });
  });

  it('reports a parameters file that does not parse, and leaves every parameter unknown', () => {
    const context = sourceContext({ deployment: TARGET, parameterFiles: [`${FOLDER}/broken.bicepparam`] });
    const pools = bicepAdapter.extract(BicepDocument.parse(MAIN, readFileSync(MAIN, 'utf8')), context)!;
    expect(context.problems).toEqual([
      { ruleId: 'parse-error', path: [], message: expect.stringContaining('does not parse (invalid Bicep: Expected an expression at this location, at 3:16)') },
    ]);
    expect(isUnknown(pools[1]!.id ?? pools[1]!.spec.id)).toBe(true);
    expect(isUnknown(pools[1]!.spec.vmSize)).toBe(true);
  });

  it('evaluates resourceGroup(), resource names and ids, and leaves unknown what only a deployment knows', () => {
    const text = [
      "resource account 'Microsoft.Batch/batchAccounts@2024-07-01' = {",
      "  name: 'acct'",
      '  location: resourceGroup().location',
      '}',
      "resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {",
      "  name: '${account.name}/p'",
      '  properties: {',
      "    displayName: '${account.id}|${resourceGroup().location}'",
      '    vmSize: account.properties.poolAllocationMode',
      "    metadata: [{ name: 'key', value: listKeys(account.id, '2024-07-01').primary }, { name: 'x', value: uniqueString('a') }]",
      '  }',
      '}',
    ].join('\n');
    const [pool] = inline(text);
    expect(pool!.spec.displayName).toBe('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct|westeurope');
    expect(pool!.id).toBe('p');
    expect(reasonOf(pool!.spec.vmSize)).toBe('account.properties is known only when the resource is deployed');
    const [key, unique] = pool!.spec.metadata as { value: unknown }[];
    expect(reasonOf(key!.value)).toBe('listKeys() is not evaluated offline');
    expect(reasonOf(unique!.value)).toBe('uniqueString() is not evaluated offline');
  });

  it('evaluates the id of a resource nested in another (vnet::subnet) and of one with parent:, as resourceId() of their names', () => {
    const text = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' existing = {",
      "  name: 'batch-vnet'",
      "  resource subnet 'subnets' existing = {",
      "    name: 'pools'",
      '  }',
      '}',
      "resource other 'Microsoft.Network/virtualNetworks/subnets@2023-05-01' existing = {",
      '  parent: vnet',
      "  name: 'other'",
      '}',
      "resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {",
      "  name: 'a/p'",
      '  properties: {',
      '    networkConfiguration: { subnetId: vnet::subnet.id }',
      '    displayName: other.id',
      '  }',
      '}',
    ].join('\n');
    const [pool] = inline(text);
    const subnets = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/batch-vnet/subnets';
    expect(pool!.spec.networkConfiguration).toEqual({ subnetId: `${subnets}/pools` });
    expect(pool!.spec.displayName).toBe(`${subnets}/other`);
  });

  it('evaluates map(), filter() and reduce() with their lambdas, and leaves other lambda functions unknown', () => {
    const text = [
      "param apps array = [{ name: 'blender', version: '4.1' }, { name: 'ffmpeg', version: '' }]",
      "resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {",
      "  name: 'a/p'",
      '  properties: {',
      "    applicationPackages: map(filter(apps, app => !empty(app.version)), (app, i) => { id: '${app.name}-${i}', version: app.version })",
      '    taskSlotsPerNode: reduce([1, 2, 3], 0, (total, n) => total + n)',
      "    displayName: join(sort(['b', 'a'], (x, y) => x < y), ',')",
      "    metadata: [{ name: 'f', value: x => x }]",
      '  }',
      '}',
    ].join('\n');
    const [pool] = inline(text);
    expect(pool!.spec.applicationPackageReferences).toEqual([{ applicationId: 'blender-0', version: '4.1' }]);
    expect(pool!.spec.taskSlotsPerNode).toBe(6);
    expect(reasonOf(pool!.spec.displayName)).toBe('sort() with a lambda is not evaluated offline');
    expect(reasonOf((pool!.spec.metadata as { value: unknown }[])[0]!.value)).toBe('a lambda is not a value a deployment can hold');
  });

  it('evaluates ??, .?, the ternary, comparisons, arithmetic and the string functions', () => {
    const text = [
      "param settings object = { size: 'Standard_D2s_v3', tags: null }",
      "var label = toUpper(settings.?team ?? 'none')",
      "resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {",
      "  name: 'a/p'",
      '  properties: {',
      "    vmSize: settings.size =~ 'STANDARD_D2S_V3' ? settings.size : 'other'",
      '    taskSlotsPerNode: (7 % 4) * 2 - 10 / 4',
      "    displayName: concat(label, '-', string(length(range(1, 3))), format('-{0}', 1 >= 1 && !false))",
      '  }',
      '}',
    ].join('\n');
    expect(inline(text)[0]!.spec).toMatchObject({ vmSize: 'Standard_D2s_v3', taskSlotsPerNode: 4, displayName: 'NONE-3-true' });
  });
});

describe('Bicep: hostile input', () => {
  it('builds no huge string or array, and checks a loop of more copies than ARM deploys once', () => {
    const doubling = Array.from({ length: 40 }, (_, index) => `var s${index + 1} = '\${s${index}}\${s${index}}'`).join('\n');
    const text = [
      "var s0 = 'xxxxxxxxxx'",
      doubling,
      "resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = [for i in range(0, 5000): {",
      "  name: 'a/p${i}'",
      '  properties: {',
      '    displayName: s40',
      "    metadata: [for n in range(0, 100000000): { name: string(n), value: 'x' }]",
      '  }',
      '}]',
    ].join('\n');
    const pools = inline(text);
    expect(pools).toHaveLength(1);
    expect(reasonOf(pools[0]!.spec.id)).toBe("the loop variable 'i' differs from copy to copy (a loop of more than 800 copies, more than ARM deploys)");
    expect(reasonOf(pools[0]!.spec.displayName)).toBe('a string of more than 1000000 characters is not built');
    expect(reasonOf(pools[0]!.spec.metadata)).toBe('range() takes a start and a count of at most 10000');
  });

  it('leaves unknown a value reached through a chain of variables longer than any real file has, rather than exhausting the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, index) => `var v${index} = v${index + 1}`).join('\n');
    const text = `${chain}\nvar v5000 = 'Standard_D4ds_v5'\nresource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {\n  name: 'a/p'\n  properties: {\n    vmSize: v0\n  }\n}\n`;
    expect(reasonOf(inline(text)[0]!.spec.vmSize)).toBe("variable 'v100' is reached through more than 100 parameters and variables, which are not followed");
  });
});

describe('Bicep: locating findings', () => {
  it('locates a value written in the resource, the key that holds it, and a range inside a literal string', () => {
    const pool = byId(withDefaults(), 'render');
    expect(at(pool, ['startTask', 'waitForSuccess'])).toEqual({ line: 57, column: 23, exact: true });
    expect(at(pool, ['startTask', 'waitForSuccess'], 'key')).toEqual({ line: 57, column: 7, exact: true });
    expect(at(pool, ['targetDedicatedNodes'])).toEqual({ line: 51, column: 31, exact: true });
    expect(at(pool, ['startTask', 'maxTaskRetryCount'])).toEqual({ line: 55, column: 5, exact: false });
    const { location } = withDefaults()[0]!.locate(['id'], 'value', { offset: 1, length: 3 });
    expect(location).toMatchObject({ line: 28, column: 13, endColumn: 16 });
  });

  it('locates a value from a parameter default or a variable there, saying so', () => {
    const pool = byId(withDefaults(), 'render');
    expect(at(pool, ['vmSize'])).toEqual({ line: 9, column: 23, exact: true, origin: "value from the default of parameter 'vmSize'" });
    expect(at(pool, ['virtualMachineConfiguration', 'imageReference', 'sku'])).toEqual({ line: 18, column: 8, exact: true, origin: "value from variable 'image'" });
    expect(at(byId(withDefaults(), 'nested'), ['virtualMachineConfiguration', 'imageReference', 'offer'])).toEqual({
      line: 17,
      column: 10,
      exact: true,
      origin: "value from variable 'image'",
    });
  });

  it('locates a value from the .bicepparam in that file', () => {
    expect(at(byId(poolsOf(MAIN), 'render'), ['vmSize'])).toEqual({
      line: 3,
      column: 16,
      exact: true,
      filePath: PARAMETERS,
      origin: "value from parameter 'vmSize' in main.bicepparam",
    });
  });

  it('places a range of an interpolated string on its characters, or on the interpolation that gives it', () => {
    const line = "    scaleSettings: { autoScale: { formula: '$TargetDedicatedNodes = min(${maxNodes}, $PendingTasks.GetSample(1));' } }";
    const text = ['param maxNodes int = 10', "resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {", "  name: 'a/p'", '  properties: {', line, '  }', '}'].join('\n');
    const [pool] = inline(text);
    const formula = pool!.spec.autoScaleFormula as string;
    expect(formula).toBe('$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));');
    const columnOf = (within: { offset: number; length: number }) => {
      const { location, exact } = pool!.locate(['autoScaleFormula'], 'value', within);
      return { line: location.line, column: location.column, endColumn: location.endColumn, exact };
    };
    expect(columnOf({ offset: formula.indexOf('$PendingTasks'), length: 13 })).toEqual({
      line: 5,
      column: line.indexOf('$PendingTasks') + 1,
      endColumn: line.indexOf('$PendingTasks') + 14,
      exact: true,
    });
    expect(columnOf({ offset: formula.indexOf('10'), length: 2 })).toEqual({
      line: 5,
      column: line.indexOf('${maxNodes}') + 1,
      endColumn: line.indexOf('${maxNodes}') + 12,
      exact: true,
    });
  });

  it("locates an item a loop builds at the loop's body", () => {
    expect(at(byId(withDefaults(), 'sim-2'), ['metadata', 1, 'value'])).toEqual({ line: 67, column: 70, exact: true });
  });

  it('names properties as the resource writes them', () => {
    const pool = byId(withDefaults(), 'render');
    expect(pool.displayName(['targetDedicatedNodes'])).toBe('properties.scaleSettings.fixedScale.targetDedicatedNodes');
    expect(pool.displayName(['virtualMachineConfiguration', 'nodeAgentSKUId'])).toBe('properties.deploymentConfiguration.virtualMachineConfiguration.nodeAgentSkuId');
  });
});

describe('Bicep: fixes', () => {
  const text = readFileSync(MAIN, 'utf8');

  it('replaces a literal, and adds a missing property to a multi-line object at its indentation', () => {
    const pool = byId(withDefaults(), 'render');
    expect(applyEdits(text, pool.setValueEdits(['startTask', 'waitForSuccess'], false)!)).toContain('      waitForSuccess: false\n');
    expect(applyEdits(text, pool.setValueEdits(['startTask', 'maxTaskRetryCount'], 2)!)).toContain('      waitForSuccess: true\n      maxTaskRetryCount: 2\n    }');
    expect(applyEdits(text, pool.setValueEdits(['displayName'], "it's")!)).toContain("      waitForSuccess: true\n    }\n    displayName: 'it\\'s'\n  }\n}");
  });

  it('edits nothing written elsewhere or computed', () => {
    const pool = byId(withDefaults(), 'render');
    expect(pool.setValueEdits(['vmSize'], 'Standard_D2s_v3')).toBeUndefined();
    expect(pool.setValueEdits(['targetDedicatedNodes'], 1)).toBeUndefined();
    expect(pool.setValueEdits(['startTask', 'commandLine'], 'x')).toBeUndefined();
  });
});

describe('Bicep: linted through the engine', () => {
  it('reports a syntax error as a parse-error at its line and column', async () => {
    const findings = (await lintFixtures([`${FOLDER}/broken.bicep`])).results[0]!.findings;
    expect(findings.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'parse-error', line: 4, column: 15 }]);
  });

  it('honours a suppression comment and reports the rest at the Bicep line', async () => {
    const findings = (await lintFixtures([`${FOLDER}/suppressed.bicep`])).results[0]!.findings;
    expect(findings.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'start-task-retries', line: 23, column: 5 }]);
  });
});
