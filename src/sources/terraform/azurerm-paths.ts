import type { Path } from '../../model/location.ts';
import { BATCH_POOL_FIELDS, type Field } from './azurerm-batch-pool.ts';
import { splitPath } from './canonical-pool.ts';

/** Where a canonical path is written in an `azurerm_batch_pool`. */
export interface AzurermPath {
  /** In the resource's values, blocks as lists: ['start_task', 0, 'wait_for_success']. */
  path: Path;
  /** As the user reads it: `start_task.wait_for_success`, `start_task.resource_file[1].http_url`. */
  display: string;
  /** The value is written as the API takes it, so a fix may write it there as it is. */
  sameValue: boolean;
}

interface Match {
  path: (string | number)[];
  display: string[];
  /** How many canonical segments the match accounts for; the longest wins. */
  matched: number;
  sameValue: boolean;
}

/** Every finding of every pool asks again for the few paths the rules report at. */
const known = new Map<string, AzurermPath | undefined>();

/** The argument a canonical path comes from; undefined for a path that no argument sets (`virtualMachineConfiguration`). */
export function azurermPathOf(canonical: Path): AzurermPath | undefined {
  const key = JSON.stringify(canonical);
  if (known.has(key)) return known.get(key);
  const found = bestMatch(canonical, BATCH_POOL_FIELDS, []);
  const mapped = found && { path: found.path, display: found.display.join('.'), sameValue: found.sameValue };
  known.set(key, mapped);
  return mapped;
}

function bestMatch(canonical: Path, fields: readonly Field[], prefix: string[]): Match | undefined {
  let best: Match | undefined;
  for (const field of fields) {
    const candidate = matchField(canonical, field, prefix);
    if (candidate && (!best || candidate.matched > best.matched)) best = candidate;
  }
  return best;
}

function matchField(canonical: Path, field: Field, prefix: string[]): Match | undefined {
  const at = [...prefix, ...splitPath(field.to)];
  if (field.presence && startsWith(canonical, [...at, ...splitPath(field.presence.to)])) {
    return { path: [field.name, 0], display: [field.name], matched: at.length + 1, sameValue: false };
  }
  if (!field.block) return matchAttribute(canonical, field, at);
  if (field.repeated) return matchRepeated(canonical, field, at);
  const inner = bestMatch(canonical, field.block, at);
  if (inner) return { ...inner, path: [field.name, 0, ...inner.path], display: [field.name, ...inner.display] };
  if (at.length > 0 && startsWith(canonical, at)) return { path: [field.name, 0], display: [field.name], matched: at.length, sameValue: false };
  return undefined;
}

function matchAttribute(canonical: Path, field: Field, at: string[]): Match | undefined {
  const targets = field.spreads ? field.spreads.map((name) => [...at, name]) : [at];
  const hit = targets.find((target) => startsWith(canonical, target));
  if (!hit) return undefined;
  const rest = field.convert ? [] : canonical.slice(hit.length);
  return { path: [field.name, ...rest], display: [field.name + rest.map(indexOrKey).join('')], matched: hit.length, sameValue: !field.convert };
}

function matchRepeated(canonical: Path, field: Field, at: string[]): Match | undefined {
  if (!startsWith(canonical, at)) return undefined;
  const index = canonical[at.length];
  if (typeof index !== 'number') return { path: [field.name], display: [field.name], matched: at.length, sameValue: false };
  if (field.collect) return { path: [field.name, index, field.collect], display: [`${field.name}[${index}]`, field.collect], matched: at.length + 1, sameValue: true };
  const inner = bestMatch(canonical.slice(at.length + 1), field.block!, []);
  return {
    path: [field.name, index, ...(inner?.path ?? [])],
    display: [`${field.name}[${index}]`, ...(inner?.display ?? [])],
    matched: at.length + 1 + (inner?.matched ?? 0),
    sameValue: inner?.sameValue ?? false,
  };
}

function startsWith(path: Path, prefix: readonly (string | number)[]): boolean {
  return prefix.length > 0 && prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

function indexOrKey(segment: string | number): string {
  return typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
}
