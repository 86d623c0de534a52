import { describe, expect, it } from 'vitest';
import { HclPaths, type HclEntry } from '../../src/documents/hcl/hcl-paths.ts';
import { parseHcl } from '../../src/documents/hcl/parser.ts';

const pools = Array.from(
  { length: 30 },
  (_, index) => `resource "azurerm_batch_pool" "pool_${index}" {\n  name = "pool-${index}"\n  start_task {\n    command_line = "x"\n  }\n}\n`,
).join('\n');

const TEXT = `${pools}
variable "size" {
  default = "a"
}

locals {
  name = "first"
  name = "second"
  tags = { owner = "me", owner = "you", "cost-center" = 42 }
  list = [1, 2]
}

resource "azurerm_batch_pool" "twice" {
  resource_file {
    http_url = "a"
  }
  resource_file {
    http_url = "b"
  }
}
`;

/** The text an entry's value (or key) spans. */
function textOf(entry: HclEntry | undefined, part: 'key' | 'value' = 'value'): string | undefined {
  const span = entry?.[part];
  return span && TEXT.slice(span.offset, span.end);
}

function last(paths: HclPaths, path: (string | number)[]): { entry: HclEntry; exact: boolean } {
  const trail = paths.walk(path);
  return { entry: trail[trail.length - 1]!, exact: trail.length === path.length + 1 };
}

describe('HclPaths', () => {
  it('finds each of many resources by its labels, whatever the order of the questions', () => {
    const paths = new HclPaths(parseHcl(TEXT));
    for (const index of [29, 0, 17, 29, 3]) {
      const { entry, exact } = last(paths, ['resource', 'azurerm_batch_pool', `pool_${index}`, 'name']);
      expect(exact).toBe(true);
      expect(textOf(entry)).toBe(`"pool-${index}"`);
      expect(textOf(last(paths, ['resource', 'azurerm_batch_pool', `pool_${index}`, 'start_task', 'command_line']).entry, 'key')).toBe('command_line');
    }
  });

  it('answers a repeated question with the same entries', () => {
    const paths = new HclPaths(parseHcl(TEXT));
    const path = ['resource', 'azurerm_batch_pool', 'pool_5', 'start_task'];
    expect(paths.walk(path)).toEqual(paths.walk(path));
    expect(paths.walk(path)[4]).toBe(paths.walk(path)[4]);
  });

  it('takes the last of a repeated attribute and of a repeated object key', () => {
    const paths = new HclPaths(parseHcl(TEXT));
    expect(textOf(last(paths, ['locals', 'name']).entry)).toBe('"second"');
    expect(textOf(last(paths, ['locals', 'tags', 'owner']).entry)).toBe('"you"');
    expect(textOf(last(paths, ['locals', 'tags', 'cost-center']).entry)).toBe('42');
    expect(textOf(last(paths, ['locals', 'list', 1]).entry)).toBe('2');
  });

  it('reads repeated blocks by index, and stops at the deepest entry that exists', () => {
    const paths = new HclPaths(parseHcl(TEXT));
    const twice = ['resource', 'azurerm_batch_pool', 'twice', 'resource_file'];
    expect(textOf(last(paths, [...twice, 1, 'http_url']).entry)).toBe('"b"');
    expect(last(paths, [...twice, 2, 'http_url'])).toMatchObject({ exact: false, entry: { kind: 'group' } });
    expect(last(paths, ['resource', 'azurerm_batch_pool', 'pool_30'])).toMatchObject({ exact: false, entry: { kind: 'group', depth: 1 } });
    expect(paths.walk([0])).toHaveLength(1);
    expect(paths.walk(['locals', 'tags', 0])).toHaveLength(3);
    expect(paths.walk(['locals', 'list', 'x'])).toHaveLength(3);
  });
});
