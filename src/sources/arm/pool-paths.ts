import type { Path } from '../../model/location.ts';
import { ARM_POOL_BODY, DATA_PLANE_NAMES, PLACED_FIELDS, pattern } from './pool-fields.ts';

const PLACES = PLACED_FIELDS.filter((field) => field.canonical !== '').map((field) => ({ canonical: pattern(field.canonical), arm: pattern(field.arm) }));
const ARM_NAMES = new Map([...DATA_PLANE_NAMES].map(([arm, canonical]) => [canonical, arm]));

/** Where a canonical (data-plane) pool path is written in the ARM pool resource: the longest listed place it starts with decides. */
export function armPathOf(path: Path): Path {
  const [first, ...rest] = path;
  if (first === undefined) return [];
  let best: { arm: string[]; matched: number } | undefined;
  for (const place of PLACES) {
    if ((best?.matched ?? 0) < place.canonical.length && startsWith(path, place.canonical)) best = { arm: place.arm, matched: place.canonical.length };
  }
  if (!best) return [ARM_POOL_BODY, first, ...rest.map(armName)];
  const indices = path.slice(0, best.matched).filter((segment) => typeof segment === 'number');
  return [...best.arm.map((segment) => (segment === '[]' ? indices.shift()! : segment)), ...path.slice(best.matched).map(armName)];
}

function armName(segment: string | number): string | number {
  return typeof segment === 'string' ? (ARM_NAMES.get(segment) ?? segment) : segment;
}

function startsWith(path: Path, prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => (segment === '[]' ? typeof path[index] === 'number' : path[index] === segment));
}
