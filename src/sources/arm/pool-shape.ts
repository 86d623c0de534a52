import type { PoolSpec } from '../../model/pool-definition.ts';
import { isUnknown } from '../../model/unknown.ts';
import { userRecord } from '../../model/user-record.ts';
import { ARM_POOL_BODY, DATA_PLANE_NAMES, PLACED_FIELDS, pattern } from './pool-fields.ts';

type Json = Record<string, unknown>;

const FIELDS = PLACED_FIELDS.map((field) => ({
  ...field,
  at: pattern(field.canonical),
  from: pattern(field.arm),
  unlessFrom: field.unless === undefined ? undefined : pattern(field.unless),
}));
type Field = (typeof FIELDS)[number];
/** ARM places the fields read themselves, so a copy of what holds them leaves them out. */
const CLAIMED = new Set(PLACED_FIELDS.map((field) => field.arm));
const ONLY_LISTED = new Set(PLACED_FIELDS.filter((field) => field.onlyListed).map((field) => `${field.arm}[]`));
const NO_COUNTERPART = new Set(PLACED_FIELDS.filter((field) => field.canonical === '').map((field) => field.arm));
/** Data-plane names the resource itself decides (its `name` is the pool id): the pool body's members of that name are not carried over. */
const FROM_RESOURCE = new Set(PLACED_FIELDS.filter((field) => !field.arm.startsWith(ARM_POOL_BODY)).map((field) => field.canonical));

/** A value found at a field's ARM path, with the array indices the path went through. */
interface Site {
  indices: number[];
  value: unknown;
}

/** The data-plane shape of an evaluated ARM pool resource. */
export function canonicalPool(resource: Json): PoolSpec {
  const spec: Json = userRecord();
  const body = resource[ARM_POOL_BODY];
  if (isObject(body)) {
    for (const [name, value] of Object.entries(copy(body, [ARM_POOL_BODY]) as Json)) if (!FROM_RESOURCE.has(name)) spec[name] = value;
  }
  for (const field of FIELDS) {
    for (const site of sites(resource, field.from)) writeField(resource, spec, field, site);
  }
  return spec;
}

function writeField(resource: Json, spec: Json, field: Field, { indices, value }: Site): void {
  if (field.canonical === '') {
    if (isUnknown(value)) for (const name of field.whenUnknown ?? []) spec[name] = value;
    if (field.othersMoveUp && isObject(value)) Object.assign(spec, copy(value, field.from));
    return;
  }
  if (field.unlessFrom && sites(resource, field.unlessFrom).some((site) => isObject(site.value) || isUnknown(site.value))) return;
  const at = field.at.map((segment) => (segment === '[]' ? indices.shift()! : segment));
  if (field.presence !== undefined) return isObject(value) || isUnknown(value) ? setPath(spec, at, field.presence) : undefined;
  if (value === undefined || (value === null && !field.convert && !field.keepsNull)) return setPath(spec, at, field.default);
  if (isUnknown(value)) return setPath(spec, at, value);
  if (field.emptyMeansAbsent && isObject(value) && Object.keys(value).length === 0) return;
  setPath(spec, at, field.convert ? field.convert(value) : copy(value, field.from));
}

/**
 * The values at an ARM path, one for each array item it passes through. Inside an unknown value every
 * property is unknown, except inside an object with no data-plane counterpart: its field says what that means.
 */
function sites(resource: Json, from: readonly string[]): Site[] {
  const found: Site[] = [];
  const walk = (current: unknown, depth: number, indices: number[]): void => {
    if (depth === from.length) return void found.push({ indices, value: current });
    if (isUnknown(current)) {
      if (!NO_COUNTERPART.has(armPath(from.slice(0, depth)))) found.push({ indices, value: current });
      return;
    }
    const segment = from[depth]!;
    if (segment !== '[]') return walk(isObject(current) ? current[segment] : undefined, depth + 1, indices);
    if (Array.isArray(current)) current.forEach((item, index) => walk(item, depth + 1, [...indices, index]));
  };
  walk(resource, 0, []);
  return found;
}

/** A copy of an ARM value under the data-plane names, without null members and without what a field places itself. */
function copy(value: unknown, from: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => copy(item, [...from, '[]']));
  if (!isObject(value)) return value;
  const at = armPath(from);
  const copied = userRecord();
  for (const [key, member] of Object.entries(value)) {
    const path = [...from, key];
    if (member === undefined || member === null || CLAIMED.has(armPath(path)) || ONLY_LISTED.has(at)) continue;
    copied[DATA_PLANE_NAMES.get(key) ?? key] = copy(member, path);
  }
  return copied;
}

function setPath(target: Json, path: readonly (string | number)[], value: unknown): void {
  if (value === undefined) return;
  let current: Json = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (isUnknown(next)) return;
    current = isObject(next) || Array.isArray(next) ? (next as Json) : (current[key] = userRecord());
  }
  current[path[path.length - 1]!] = value;
}

/** ['properties', 'applicationPackages', '[]', 'id'] as the table writes it. */
function armPath(segments: readonly string[]): string {
  return segments.join('.').replace(/\.\[\]/g, '[]');
}

/** A plain object: an UnknownValue is passed along as it is, never taken apart. */
function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}
