import { describe, expect, it } from 'vitest';
import { batchDataPlaneAdapter } from '../../src/sources/batch/batch-data-plane.ts';
import { sourceContext } from '../helpers/source-context.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { YamlDocument } from '../../src/documents/yaml-document.ts';
import { isUnknown, type UnknownValue } from '../../src/model/unknown.ts';

const pool = (id: string) => ({ id, vmSize: 'Standard_D2s_v3', targetDedicatedNodes: 1 });

function poolsIn(value: unknown) {
  const document = JsonDocument.parse('x.json', JSON.stringify(value, null, 2), 'json');
  return batchDataPlaneAdapter.extract(document, sourceContext());
}

describe('batch data-plane adapter', () => {
  it('finds a pool object, an array of pools, { pools: [...] } and { pool: {...} }', () => {
    expect(poolsIn(pool('a'))?.map((p) => p.id)).toEqual(['a']);
    expect(poolsIn([pool('a'), pool('b')])?.map((p) => p.id)).toEqual(['a', 'b']);
    expect(poolsIn({ pools: [pool('a'), { note: 'not a pool' }, pool('c')] })?.map((p) => p.id)).toEqual(['a', 'c']);
    expect(poolsIn({ pool: pool('p') })?.map((p) => p.id)).toEqual(['p']);
  });

  it("reads a Batch CLI template's pool: { type, properties }", () => {
    const [found] = poolsIn({ parameters: {}, pool: { type: 'Microsoft.Batch/batchAccounts/pools', apiVersion: '2022-01-01.15.0', properties: pool('t') } })!;
    expect(found!.id).toBe('t');
    expect(found!.locate(['vmSize']).location.line).toBe(8);
  });

  it('recognises a pool by its VM configuration even without a vmSize', () => {
    expect(poolsIn({ id: 'x', virtualMachineConfiguration: {} })).toHaveLength(1);
  });

  it('does not take other JSON for a pool', () => {
    expect(poolsIn({ name: 'batchlint', version: '1.0.0', dependencies: {} })).toBeUndefined();
    expect(poolsIn({ id: 'job-1', poolInfo: { poolId: 'a' } })).toBeUndefined();
    expect(poolsIn([1, 2, 3])).toBeUndefined();
    expect(poolsIn({ pool: { type: 'Microsoft.Compute/virtualMachines', properties: pool('t') } })).toBeUndefined();
  });

  it('maps canonical paths to the pool inside its container and records REST defaults', () => {
    const [second] = poolsIn({ pools: [pool('a'), pool('b')] })!.slice(1);
    expect(second!.locate(['vmSize']).location.line).toBe(10);
    expect(second!.defaults.startTaskWaitForSuccess).toBe(true);
    expect(second!.format).toBe('batch-json');
    expect(second!.displayName(['startTask', 'userIdentity', 'autoUser'])).toBe('startTask.userIdentity.autoUser');
  });

  it('reads null as absent, as the Batch API does', () => {
    const [found] = poolsIn({ id: 'n', vmSize: 'Standard_D2s_v3', resizeTimeout: null, startTask: { commandLine: 'x', waitForSuccess: null } })!;
    expect(found!.spec).toEqual({ id: 'n', vmSize: 'Standard_D2s_v3', startTask: { commandLine: 'x' } });
  });

  it('evaluates template expressions in template files, leaving unknown what has no value', () => {
    const template = {
      parameters: { nodes: { type: 'int' }, prefix: { type: 'string', defaultValue: 'render' } },
      variables: { size: 'Standard_D2s_v3' },
      pool: { id: "[concat(parameters('prefix'), '-pool')]", vmSize: "[variables('size')]", targetDedicatedNodes: "[parameters('nodes')]", displayName: '[[literal]' },
    };
    const [found] = poolsIn(template)!;
    expect(found!.id).toBe('render-pool');
    expect(found!.spec.vmSize).toBe('Standard_D2s_v3');
    expect(isUnknown(found!.spec.targetDedicatedNodes)).toBe(true);
    expect((found!.spec.targetDedicatedNodes as UnknownValue).reason).toBe('parameter "nodes" has no default value');
    expect(found!.spec.displayName).toBe('[literal]');
    const [plain] = poolsIn({ id: 'p', vmSize: 'Standard_D2s_v3', startTask: { commandLine: '[ -d /mnt ]' } })!;
    expect(plain!.spec.startTask).toEqual({ commandLine: '[ -d /mnt ]' });
  });

  it('reads YAML pools as batch-yaml', () => {
    const document = YamlDocument.parse('p.yaml', 'id: y\nvmSize: Standard_D2s_v3\n');
    expect(batchDataPlaneAdapter.extract(document, sourceContext())?.[0]?.format).toBe('batch-yaml');
  });
});
