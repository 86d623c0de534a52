import { describe, expect, it } from 'vitest';
import { ARM_POOL_FIELDS, DATA_PLANE_NAMES, PLACED_FIELDS, pattern } from '../../src/sources/arm/pool-fields.ts';
import { armPathOf } from '../../src/sources/arm/pool-paths.ts';
import { canonicalPool } from '../../src/sources/arm/pool-shape.ts';
import type { Path } from '../../src/model/location.ts';

type Json = Record<string, unknown>;

/** A table path with each `[]` as the first item. */
const concrete = (path: string): Path => pattern(path).map((segment) => (segment === '[]' ? 0 : segment));

function withValueAt(path: Path, value: unknown): Json {
  const root: Json = {};
  let current: Record<string | number, unknown> = root;
  path.forEach((segment, index) => {
    if (index === path.length - 1) current[segment] = value;
    else current = (current[segment] ??= typeof path[index + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
  return root;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, segment) => (current as Record<string | number, unknown> | undefined)?.[segment], root);
}

describe('ARM_POOL_FIELDS', () => {
  const placed = PLACED_FIELDS.filter((field) => field.canonical !== '');

  it.each(placed.map((field) => [field.canonical, field] as const))('%s round-trips: its ARM place holds it, and the ARM place is where it is found', (canonical, field) => {
    const written = field.presence === undefined ? 'acct/written' : {};
    const pool = canonicalPool(withValueAt(concrete(field.arm), written));
    const expected = field.presence ?? (field.convert ? field.convert(written) : written);
    expect(valueAt(pool, concrete(canonical))).toEqual(expected);
    expect(armPathOf(concrete(canonical))).toEqual(concrete(field.arm));
  });

  it.each([...DATA_PLANE_NAMES])('%s, spelled %s on the data plane, round-trips at any depth', (armName, canonicalName) => {
    const pool = canonicalPool(withValueAt(['properties', 'startTask', 'containerSettings', 'registry', armName], 'written'));
    expect(valueAt(pool, ['startTask', 'containerSettings', 'registry', canonicalName])).toBe('written');
    expect(armPathOf(['mountConfiguration', 2, 'cifsMountConfiguration', canonicalName])).toEqual(['properties', 'mountConfiguration', 2, 'cifsMountConfiguration', armName]);
  });

  it('places every data-plane path at most once', () => {
    const canonical = ARM_POOL_FIELDS.map((field) => field.canonical).filter((path) => path !== '');
    expect(new Set(canonical).size).toBe(canonical.length);
  });
});
