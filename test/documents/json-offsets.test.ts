import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { findMember, JsonMemberIndex } from '../../src/documents/json-offsets.ts';

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

describe('JsonMemberIndex', () => {
  const pools = Array.from({ length: 40 }, (_, index) => ({
    id: `pool-${index}`,
    startTask: { commandLine: 'x', userIdentity: { autoUser: { scope: 'pool' } } },
    metadata: [{ name: 'n', value: String(index) }],
  }));
  const text = JSON.stringify({ pools, after: { 'a\\"b': [1, { c: null }] } }, null, 2);

  it('gives every path of a many-pool file what a fresh scan gives, in any order, however often asked', () => {
    const index = new JsonMemberIndex(text);
    const all = paths(JSON.parse(text));
    for (const path of [...all].reverse().concat(all)) expect(index.find(path), JSON.stringify(path)).toEqual(findMember(text, path));
  });

  it('finds missing members at their deepest ancestor after the ancestor was indexed', () => {
    const index = new JsonMemberIndex(text);
    const ancestor = index.find(['pools', 39, 'startTask']);
    const missing = index.find(['pools', 39, 'startTask', 'waitForSuccess']);
    expect(missing.depth).toBe(3);
    expect(missing.member.value).toEqual(ancestor.member.value);
    expect(missing.member.lastMember).toBeDefined();
    expect(index.find(['pools', 40]).depth).toBe(1);
    expect(index.find(['pools', '0']).depth).toBe(1);
    expect(index.find(['after', 'a\\"b', 1, 'c']).depth).toBe(4);
  });

  it('reads a numeric segment on an object as its key, as the single-path scan did', () => {
    const index = new JsonMemberIndex('{"0": {"1": true}}');
    expect(index.find([0, 1])).toEqual(findMember('{"0": {"1": true}}', ['0', '1']));
    expect(index.find([0, 1]).member.value).toEqual({ offset: 12, length: 4 });
  });
});
