import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { findMember } from '../../src/documents/json-offsets.ts';

/** Every path of a value, to compare the index against jsonc-parser's tree on the same text. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const own = [prefix];
  if (Array.isArray(value)) return own.concat(value.flatMap((item, index) => paths(item, [...prefix, index])));
  if (value && typeof value === 'object') return own.concat(Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])));
  return own;
}

describe('findMember', () => {
  const samples = [
    '{"a":1,"b":[true,false,null,{"c":"x\\"y\\\\"}],"d\\u0041":{"e":-1.5e3}}',
    '{\n  "id": "p",\n  "nested": { "list": [ 1, 2 , [ ] , { } ], "s": "a,b}c]" },\n  "": "empty key"\n}\n',
    '[ {"x": "\\\\"}, "tail" ]',
  ];

  for (const text of samples) {
    it(`agrees with jsonc-parser's tree on ${JSON.stringify(text).slice(0, 40)}…`, () => {
      const tree = parseTree(text)!;
      for (const path of paths(JSON.parse(text))) {
        const node = findNodeAtLocation(tree, path)!;
        const found = findMember(text, path);
        expect(found.depth).toBe(path.length);
        const entry = found.member;
        expect(entry?.value, JSON.stringify(path)).toEqual({ offset: node.offset, length: node.length });
        const keyNode = node.parent?.type === 'property' ? node.parent.children![0]! : undefined;
        expect(entry?.key, JSON.stringify(path)).toEqual(keyNode ? { offset: keyNode.offset, length: keyNode.length } : undefined);
      }
    });
  }

  it('tolerates trailing commas and keeps the last of duplicate keys', () => {
    const text = '{"a": 1, "a": 22, "b": [1,],}';
    expect(findMember(text, ['a']).member.value).toEqual({ offset: 14, length: 2 });
    expect(findMember(text, ['b', 0]).member.value).toEqual({ offset: 24, length: 1 });
  });

  it('stops at the deepest ancestor that exists and says how deep it is', () => {
    const text = '{\n  "startTask": { "commandLine": "x" }\n}';
    const found = findMember(text, ['startTask', 'waitForSuccess']);
    expect(found.depth).toBe(1);
    expect(found.member.key).toEqual({ offset: 4, length: 11 });
    expect(found.member.lastMember).toEqual({ keyOffset: 19, valueEnd: 37 });
  });
});
