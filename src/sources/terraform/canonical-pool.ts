import type { PoolSpec } from '../../model/pool-definition.ts';
import { isUnknown, type UnknownValue } from '../../model/unknown.ts';
import { BATCH_POOL_FIELDS, type Field } from './azurerm-batch-pool.ts';

type Json = Record<string, unknown>;

/**
 * A resource's arguments as Terraform holds them (the `values` of a plan): attributes by name, each nested
 * block a list of blocks; any of them may be unknown.
 */
export type ResourceValues = Record<string, unknown>;

/** The Batch pool body an `azurerm_batch_pool` sends, in the canonical (data-plane) shape. */
export function canonicalPool(values: ResourceValues): PoolSpec {
  const spec: Json = {};
  writeFields(values, BATCH_POOL_FIELDS, spec, []);
  return spec;
}

function writeFields(values: ResourceValues, fields: readonly Field[], target: Json, prefix: string[]): void {
  for (const field of fields) {
    const at = [...prefix, ...splitPath(field.to)];
    const value = values[field.name];
    if (field.block) writeBlock(field, value, target, at);
    else writeAttribute(field, value, target, at);
  }
}

function writeAttribute(field: Field, written: unknown, target: Json, at: string[]): void {
  const value = isAbsent(written) ? field.providerDefault : written;
  if (value === undefined) return;
  const converted = field.convert && !isUnknown(value) ? field.convert(value) : value;
  if (!field.spreads) return setPath(target, at, converted);
  for (const name of field.spreads) setPath(target, [...at, name], isUnknown(converted) ? converted : (converted as Json)[name]);
}

function writeBlock(field: Field, written: unknown, target: Json, at: string[]): void {
  if (isUnknown(written)) return writeUnknownBlock(field, written, target, at);
  const blocks: unknown[] = Array.isArray(written) ? written : isObject(written) ? [written] : [];
  if (blocks.length === 0) return;
  if (field.presence) setPath(target, [...at, ...splitPath(field.presence.to)], field.presence.value);
  const unknownBlock = blocks.find(isUnknown);
  if (unknownBlock && (field.repeated || field.collect)) return setPath(target, at, unknownBlock);
  if (field.collect)
    return setPath(
      target,
      at,
      blocks.map((block) => (block as ResourceValues)[field.collect!]).filter((value) => !isAbsent(value)),
    );
  if (field.repeated) {
    return setPath(
      target,
      at,
      blocks.map((block) => {
        const item: Json = {};
        writeFields(block as ResourceValues, field.block!, item, []);
        return item;
      }),
    );
  }
  const first = blocks[0];
  if (isUnknown(first)) return writeUnknownBlock(field, first, target, at);
  writeFields(first as ResourceValues, field.block!, target, at);
}

/** A block that may or may not be there (a `dynamic` block over an unknown collection): everything it sets is unknown. */
function writeUnknownBlock(field: Field, unknown: UnknownValue, target: Json, at: string[]): void {
  if (field.presence) setPath(target, [...at, ...splitPath(field.presence.to)], unknown);
  if (field.to !== '') return setPath(target, at, unknown);
  for (const inner of field.block ?? []) setPath(target, [...at, ...splitPath(inner.to)], unknown);
}

/** Terraform sends nothing for null, and the provider skips empty strings as it does unset ones. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function setPath(target: Json, path: string[], value: unknown): void {
  if (value === undefined || path.length === 0) return;
  let current = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (isUnknown(next)) return;
    current = isObject(next) ? next : (current[key] = {});
  }
  current[path[path.length - 1]!] = value;
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}
