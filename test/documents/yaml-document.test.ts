import { describe, expect, it } from 'vitest';
import { applyEdits } from '../helpers/apply-edits.ts';
import { YamlDocument } from '../../src/documents/yaml-document.ts';
import { SyntaxProblem } from '../../src/model/syntax-problem.ts';

const POOL = `# render pool
id: render
vmSize: Standard_D2s_v3
startTask:
  commandLine: echo hi   # says hello
  waitForSuccess: false
virtualMachineConfiguration:
  imageReference: { publisher: Canonical, offer: ubuntu-24_04-lts, sku: server }
`;

describe('YamlDocument', () => {
  const document = YamlDocument.parse('pool.yaml', POOL);

  it('reads the plain value', () => {
    expect(document.value).toMatchObject({ id: 'render', startTask: { waitForSuccess: false } });
  });

  it('locates values and keys, including in flow maps', () => {
    expect(document.locate(['startTask', 'waitForSuccess']).location).toMatchObject({ line: 6, column: 19, endColumn: 24 });
    expect(document.locate(['startTask', 'waitForSuccess'], 'key').location).toMatchObject({ line: 6, column: 3 });
    expect(document.locate(['virtualMachineConfiguration', 'imageReference', 'sku']).location).toMatchObject({ line: 8, column: 73 });
  });

  it('falls back to the nearest ancestor key for a missing property', () => {
    expect(document.locate(['startTask', 'maxTaskRetryCount'])).toMatchObject({ exact: false, location: { line: 4, column: 1 } });
  });

  it("replaces a scalar and inserts a missing key at the map's indentation, keeping comments", () => {
    const replaced = applyEdits(POOL, document.setValueEdits(['startTask', 'waitForSuccess'], true)!);
    expect(replaced).toContain('  waitForSuccess: true\n');
    const inserted = applyEdits(POOL, document.setValueEdits(['startTask', 'maxTaskRetryCount'], 2)!);
    expect(inserted).toContain('  waitForSuccess: false\n  maxTaskRetryCount: 2\n');
    expect(inserted).toContain('# says hello');
    expect(YamlDocument.parse('x.yaml', inserted).value).toMatchObject({ startTask: { maxTaskRetryCount: 2, waitForSuccess: false } });
  });

  it('replaces a block scalar (| or >-) with a one-line scalar and keeps the next key on its own line', () => {
    for (const header of ['|', '>-', '|+', '>2']) {
      const text = `startTask:\n  commandLine: ${header}\n    make && make install\n\n  waitForSuccess: true\n`;
      const fixed = applyEdits(text, YamlDocument.parse('b.yaml', text).setValueEdits(['startTask', 'commandLine'], "/bin/bash -c 'make && make install'")!);
      expect(YamlDocument.parse('b.yaml', fixed).value).toEqual({ startTask: { commandLine: "/bin/bash -c 'make && make install'", waitForSuccess: true } });
      expect(fixed).toBe("startTask:\n  commandLine: /bin/bash -c 'make && make install'\n\n  waitForSuccess: true\n");
    }
  });

  it('inserts a missing key into the pool it belongs to, in a list of pools whose last value is a map', () => {
    const text = 'pools:\n  - id: a\n    startTask:\n      commandLine: echo a\n  - id: b\n    startTask:\n      commandLine: echo b\n';
    const fixed = applyEdits(text, YamlDocument.parse('l.yaml', text).setValueEdits(['pools', 0, 'resizeTimeout'], 'PT30M')!);
    expect(YamlDocument.parse('l.yaml', fixed).value).toEqual({
      pools: [
        { id: 'a', startTask: { commandLine: 'echo a' }, resizeTimeout: 'PT30M' },
        { id: 'b', startTask: { commandLine: 'echo b' } },
      ],
    });
    expect(fixed).toBe(text.replace('echo a\n', 'echo a\n    resizeTimeout: PT30M\n'));
  });

  it('reports a repeated key where it is repeated, and locates and edits the last value, which is the one read', () => {
    const text = 'id: a\nvmSize: Standard_A1\nstartTask:\n  commandLine: echo 1\nvmSize: Standard_D2s_v3\n';
    const repeated = YamlDocument.parse('r.yaml', text);
    expect(repeated.value).toMatchObject({ vmSize: 'Standard_D2s_v3' });
    expect(repeated.problems).toEqual([
      expect.objectContaining({
        offset: text.lastIndexOf('vmSize'),
        length: 6,
        message: expect.stringMatching(/^invalid YAML: the key "vmSize" is repeated in this mapping \(first on line 2\)/),
      }),
    ]);
    expect(repeated.locate(['vmSize']).location).toMatchObject({ line: 5, column: 9 });
    expect(applyEdits(text, repeated.setValueEdits(['vmSize'], 'Standard_D4s_v3')!)).toBe(text.replace('vmSize: Standard_D2s_v3', 'vmSize: Standard_D4s_v3'));
    expect(document.problems).toEqual([]);
  });

  it('quotes a string that YAML would read as another type', () => {
    expect(applyEdits(POOL, document.setValueEdits(['id'], 'true')!)).toContain('id: "true"');
  });

  it('does not guess an insertion into a flow map', () => {
    expect(document.setValueEdits(['virtualMachineConfiguration', 'imageReference', 'version'], 'latest')).toBeUndefined();
  });

  it('reports a syntax error at its offset', () => {
    const broken = 'id: a\nvmSize: [Standard_D2s_v3\nstartTask: {}\n';
    expect(() => YamlDocument.parse('broken.yaml', broken)).toThrow(SyntaxProblem);
  });

  it('reports an alias with no anchor as a syntax problem at the alias, not a crash', () => {
    const text = 'id: a\nvmSize: *size\n';
    expect(() => YamlDocument.parse('alias.yaml', text)).toThrow(
      expect.objectContaining({ name: expect.any(String), offset: text.indexOf('*size'), message: expect.stringMatching(/^invalid YAML: Unresolved alias/) }),
    );
  });
});

describe('a YAML stream of several documents', () => {
  const stream = 'id: first\nvmSize: Standard_D2s_v3\n---\nid: second\nvmSize: Standard_D4s_v3\n';
  const document = YamlDocument.parse('pools.yaml', stream);

  it('reads as a list of its documents, each located in the file', () => {
    expect(document.value).toEqual([
      { id: 'first', vmSize: 'Standard_D2s_v3' },
      { id: 'second', vmSize: 'Standard_D4s_v3' },
    ]);
    expect(document.locate([1, 'vmSize']).location).toMatchObject({ line: 5, column: 9 });
  });
});
