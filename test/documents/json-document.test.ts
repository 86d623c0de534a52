import { describe, expect, it } from 'vitest';
import { applyEdits } from '../helpers/apply-edits.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { SyntaxProblem } from '../../src/model/syntax-problem.ts';

const POOL = `{
  "id": "render",
  "vmSize": "STANDARD_A1_V2",
  "startTask": {
    "commandLine": "echo hi",
    "waitForSuccess": false
  },
  "userAccounts": [
    { "name": "admin", "elevationLevel": "admin" }
  ]
}
`;

describe('JsonDocument', () => {
  const document = JsonDocument.parse('pool.json', POOL, 'json');

  it('gives the same value as JSON.parse', () => {
    expect(document.value).toEqual(JSON.parse(POOL));
  });

  it('locates a value and a key exactly', () => {
    expect(document.locate(['startTask', 'waitForSuccess'])).toMatchObject({ exact: true, location: { line: 6, column: 23, endLine: 6, endColumn: 28 } });
    expect(document.locate(['startTask', 'waitForSuccess'], 'key').location).toMatchObject({ line: 6, column: 5, endColumn: 21 });
    expect(document.locate(['userAccounts', 0, 'elevationLevel']).location).toMatchObject({ line: 9, column: 42 });
  });

  it('falls back to the key of the nearest existing ancestor for a missing property', () => {
    const located = document.locate(['startTask', 'maxTaskRetryCount']);
    expect(located.exact).toBe(false);
    expect(located.location).toMatchObject({ line: 4, column: 3, endColumn: 14 });
  });

  it('falls back to the opening brace for a missing top-level property', () => {
    expect(document.locate(['resizeTimeout']).location).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 2 });
  });

  it('reports a syntax error with its offset and a readable reason', () => {
    const broken = '{\n  "id": "a",\n  "vmSize": "x"\n  "startTask": {}\n}';
    let problem: unknown;
    try {
      JsonDocument.parse('broken.json', broken, 'json');
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(SyntaxProblem);
    expect((problem as SyntaxProblem).message).toBe('invalid JSON: a comma is expected');
    expect(broken.slice((problem as SyntaxProblem).offset).startsWith('"startTask"')).toBe(true);
  });

  it('refuses comments in .json but reads them in .jsonc', () => {
    const text = '{\n  // the render pool\n  "id": "a", "vmSize": "Standard_D2s_v3",\n}';
    expect(() => JsonDocument.parse('a.json', text, 'json')).toThrow(/comments are not allowed/);
    expect(JsonDocument.parse('a.jsonc', text, 'jsonc').value).toEqual({ id: 'a', vmSize: 'Standard_D2s_v3' });
  });

  it('locates and edits a .jsonc value at its own offset, however many comments come before it', () => {
    const text =
      '{\n  // the render pool\n  "id": "a", /* small */ "vmSize": "Standard_D2s_v3",\n  // install tools\n  "startTask": { "commandLine": "make && make install" }\n}\n';
    const jsonc = JsonDocument.parse('a.jsonc', text, 'jsonc');
    expect(jsonc.locate(['startTask', 'commandLine']).location).toMatchObject({ line: 5, column: 33, offset: text.indexOf('"make') });
    expect(jsonc.locate(['vmSize'], 'key').location).toMatchObject({ line: 3, column: 26 });
    const fixed = applyEdits(text, jsonc.setValueEdits(['startTask', 'commandLine'], 'x')!);
    expect(JsonDocument.parse('a.jsonc', fixed, 'jsonc').value).toMatchObject({ startTask: { commandLine: 'x' } });
    expect(fixed).toBe(text.replace('"make && make install"', '"x"'));
  });

  it('keeps offsets right after a byte-order mark', () => {
    const withBom = JsonDocument.parse('bom.json', '\uFEFF{"vmSize": "x"}', 'json');
    expect(withBom.locate(['vmSize']).location).toMatchObject({ line: 1, column: 13 });
  });

  it("edits a value in place and inserts a missing property in the file's indentation", () => {
    const replace = document.setValueEdits(['startTask', 'waitForSuccess'], true)!;
    expect(applyEdits(POOL, replace)).toContain('"waitForSuccess": true');
    const inserted = applyEdits(POOL, document.setValueEdits(['resizeTimeout'], 'PT30M')!);
    expect((JSON.parse(inserted) as { resizeTimeout: string }).resizeTimeout).toBe('PT30M');
    expect(inserted).toMatch(/\n {2}"resizeTimeout": "PT30M"/);
    expect(inserted.replace(/,?\s*"resizeTimeout": "PT30M"/, '')).toBe(POOL.replace(/\n$/, '') + '\n');
  });
});
