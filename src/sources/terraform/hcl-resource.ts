import { isHclExpression } from '../../documents/hcl/hcl-expression.ts';
import type { Path } from '../../model/location.ts';
import { isUnknown, unknownValue } from '../../model/unknown.ts';
import type { Field } from './azurerm-batch-pool.ts';
import type { ResourceValues } from './canonical-pool.ts';
import { resolve, type Scope } from './evaluate.ts';
import { blocks, isObject } from './module.ts';

type Json = Record<string, unknown>;

/**
 * A resource body as written in HCL, as the values Terraform would plan: expressions evaluated, every
 * nested block a list, `dynamic` blocks expanded over their collection when it is known (and unknown
 * when it is not). Only the arguments the fields name are read.
 */
export function resourceValues(body: Json, fields: readonly Field[], scope: Scope): ResourceValues {
  const values: ResourceValues = {};
  for (const field of fields) {
    const written = body[field.name];
    if (!field.block) {
      if (written !== undefined) values[field.name] = resolve(written, scope);
      continue;
    }
    const items: unknown[] = [];
    if (isHclExpression(written)) {
      // An argument-syntax block (`container_registries = [{ … }]`), as Terraform 0.11 wrote them.
      const resolved = resolve(written, scope);
      if (isUnknown(resolved)) values[field.name] = resolved;
      else items.push(...(Array.isArray(resolved) ? (resolved as unknown[]) : [resolved]));
    }
    items.push(...blocks(written).map((block) => resourceValues(block, field.block!, scope)));
    for (const dynamic of blocks(blocks(body.dynamic)[0]?.[field.name])) {
      const expanded = expandDynamic(field, dynamic, scope);
      if (isUnknown(expanded)) values[field.name] = expanded;
      else items.push(...expanded);
    }
    if (!isUnknown(values[field.name]) && items.length > 0) values[field.name] = items;
  }
  return values;
}

/** `dynamic "x" { for_each = …; iterator = …; content { … } }`: one block per element of the collection. */
function expandDynamic(field: Field, dynamic: Json, scope: Scope): ResourceValues[] | ReturnType<typeof unknownValue> {
  const collection = resolve(dynamic.for_each, scope);
  if (isUnknown(collection)) return unknownValue(`the dynamic "${field.name}" block repeats over a collection that is not known: ${collection.reason}`);
  const entries = Array.isArray(collection) ? collection.map((value, index) => [index, value] as const) : isObject(collection) ? Object.entries(collection) : undefined;
  if (!entries) return unknownValue(`the dynamic "${field.name}" block's for_each is not a collection`);
  const iteratorName = isHclExpression(dynamic.iterator) && dynamic.iterator.node.kind === 'variable' ? dynamic.iterator.node.name : field.name;
  const content = blocks(dynamic.content)[0] ?? {};
  return entries.map(([key, value]) => resourceValues(content, field.block!, { ...scope, iterator: (name) => (name === iteratorName ? { key, value } : scope.iterator(name)) }));
}

/**
 * Where a path of the resource's values is written in the document below the resource: a block written
 * once is an object there, so its list index goes; a block from a `dynamic` block is in its `content`.
 */
export function documentPathOf(body: Json, valuesPath: Path): { path: Path; inDynamic: boolean } {
  const path: (string | number)[] = [];
  let current: unknown = body;
  let inDynamic = false;
  for (let index = 0; index < valuesPath.length; index++) {
    const segment = valuesPath[index]!;
    const next = valuesPath[index + 1];
    if (typeof segment !== 'string' || !isObject(current)) {
      path.push(segment);
      current = Array.isArray(current) ? current[segment as number] : undefined;
      continue;
    }
    const written = current[segment];
    const staticCount = blocks(written).length;
    const dynamic = blocks(blocks(current.dynamic)[0]?.[segment])[0];
    if (typeof next === 'number' && next >= staticCount && dynamic) {
      path.push('dynamic', segment, 'content');
      current = blocks(dynamic.content)[0];
      inDynamic = true;
      index++;
    } else if (typeof next === 'number' && staticCount > 0) {
      path.push(segment);
      if (Array.isArray(written)) path.push(next);
      current = blocks(written)[next];
      index++;
    } else {
      path.push(segment);
      current = written;
    }
  }
  return { path, inDynamic };
}
