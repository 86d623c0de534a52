import { describe, expect, it } from 'vitest';
import { occurrenceFinder } from '../../src/engine/occurrences.ts';

describe('occurrenceFinder', () => {
  it('finds every string that occurs, overlapping or nested, and none that does not', () => {
    const find = occurrenceFinder(['abcd', 'abcdef', 'cdef', 'xyzw', 'defg'], 4);
    expect([...find('--abcdefg--')].sort()).toEqual(['abcd', 'abcdef', 'cdef', 'defg']);
    expect(find('abc')).toEqual(new Set());
    expect(find('')).toEqual(new Set());
  });

  it('finds strings at the very start and end of the text, and a string that is the whole text', () => {
    const find = occurrenceFinder(['head', 'tail-end'], 4);
    expect([...find('head … tail-end')].sort()).toEqual(['head', 'tail-end']);
    expect([...find('tail-en')]).toEqual([]);
    expect([...find('head')]).toEqual(['head']);
  });

  it('tells apart many strings that share their first characters', () => {
    const needles = Array.from({ length: 500 }, (_, index) => `Secret-${index}`);
    const find = occurrenceFinder(needles, 4);
    expect([...find('got Secret-42 and Secret-499.')].sort()).toEqual(['Secret-4', 'Secret-42', 'Secret-49', 'Secret-499']);
  });

  it('refuses a string shorter than the length it indexes by', () => {
    expect(() => occurrenceFinder(['abc'], 4)).toThrow(RangeError);
  });
});
