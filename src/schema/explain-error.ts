import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import poolSchemaSource from '../../schemas/pool.schema.json' with { type: 'json' };
import { pathName, shown, type SchemaProblem } from './schema-problem.ts';

type SchemaNode = Record<string, unknown>;

/** Turns one ajv error into a message for a person reviewing a pool file, never ajv's own text. */
export function explainError(error: ErrorObject, root: unknown): SchemaProblem | undefined {
  const path = instancePath(error.instancePath, root);
  const value = valueAt(root, path);
  const name = `"${pathName(path)}"`;
  const schema = schemaAt(path);
  const params = error.params;
  // 1e309 parses to Infinity, which JSON would print as null.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const limit = typeof schema?.maximum === 'number' ? `; the API accepts at most ${schema.maximum}` : '';
    return { path, part: 'value', severity: 'error', message: `${name} is out of range: the number written is too ${value > 0 ? 'large' : 'far below zero'} to be read${limit}` };
  }
  switch (error.keyword) {
    case 'required':
      return { path, part: 'value', severity: 'error', message: `missing required property "${pathName([...path, params.missingProperty])}"` };
    case 'additionalProperties':
      return unknownProperty(path, params.additionalProperty as string, schemaAt(path));
    case 'type': {
      // "2" for 2: some clients convert it, the API does not.
      const quotedNumber = (params.type === 'integer' || params.type === 'number') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
      const hint = quotedNumber ? `; write ${value.trim()} without quotes, as the API expects a JSON number` : '';
      return { path, part: 'value', severity: 'error', message: `${name} must be ${article(String(params.type))}, got ${shown(value)}${hint}` };
    }
    case 'pattern': {
      const oneOf = schema?.enumCaseInsensitive as string[] | undefined;
      const expected = oneOf ? `one of: ${oneOf.join(', ')}` : ((schema?.['x-expected'] as string | undefined) ?? `a value matching ${params.pattern}`);
      return { path, part: 'value', severity: 'error', message: `${name} must be ${expected}, got ${shown(value)}` };
    }
    case 'minimum':
      return { path, part: 'value', severity: 'error', message: `${name} must be ${params.limit} or more, got ${shown(value)}` };
    case 'maximum':
      return { path, part: 'value', severity: 'error', message: `${name} must be ${params.limit} or less, got ${shown(value)}` };
    case 'minLength':
      return { path, part: 'value', severity: 'error', message: params.limit === 1 ? `${name} must not be empty` : `${name} must be at least ${params.limit} characters long` };
    case 'maxLength':
      return { path, part: 'value', severity: 'error', message: `${name} must be at most ${params.limit} characters long, got ${String(value).length}` };
    case 'maxItems':
      return { path, part: 'value', severity: 'error', message: `${name} may have at most ${params.limit} entries, got ${(value as unknown[]).length}` };
    case 'minItems':
      return { path, part: 'value', severity: 'error', message: `${name} must have at least ${params.limit} entries` };
    default:
      return { path, part: 'value', severity: 'error', message: `${name} is not valid here (${error.keyword})` };
  }
}

/** Properties older API versions had, and what replaced them. */
const RENAMED: Readonly<Record<string, string>> = { blobSource: 'httpUrl' };

function unknownProperty(path: (string | number)[], property: string, schema: SchemaNode | undefined): SchemaProblem {
  const known = Object.keys((schema?.properties as SchemaNode | undefined) ?? {});
  const renamed = Object.hasOwn(RENAMED, property) ? RENAMED[property] : undefined;
  if (renamed && known.includes(renamed)) {
    return {
      path: [...path, property],
      part: 'key',
      severity: 'warning',
      message: `"${property}" is from an old API version and the current one does not know it; use "${renamed}"`,
    };
  }
  const suggestion = suggest(property, known);
  const where = path.length > 0 ? ` in "${pathName(path)}"` : '';
  return {
    path: [...path, property],
    part: 'key',
    severity: 'warning',
    message: `unknown property "${property}"${where}${suggestion ? `; did you mean "${suggestion}"?` : '; the Batch API ignores or rejects it'}`,
  };
}

/** A known name that is a near miss or extends the unknown one (targetDedicated → targetDedicatedNodes). */
function suggest(property: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = property.toLowerCase();
  const sameButCase = known.find((name) => name.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  const extension = known.filter((name) => name.toLowerCase().startsWith(lower) && lower.length >= 4).sort((a, b) => a.length - b.length)[0];
  if (extension) return extension;
  const maxDistance = Math.max(2, Math.floor(property.length / 4));
  // The edit distance is at least the difference in length: names too far apart are not measured (a key of megabytes would take seconds).
  const near = known.filter((name) => Math.abs(name.length - property.length) <= maxDistance);
  if (near.length === 0) return undefined;
  const nearest = closest(property, near);
  return distance(property.toLowerCase(), nearest.toLowerCase()) <= maxDistance ? nearest : undefined;
}

function article(type: string): string {
  const names: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', object: 'an object', array: 'a list' };
  return names[type] ?? type;
}

function instancePath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let current = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(current) ? Number(segment) : segment;
    path.push(key);
    current = (current as Record<string | number, unknown> | undefined)?.[key];
  }
  return path;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown> | undefined)?.[key], root);
}

/**
 * The schema that describes the value at an instance path. ajv's schemaPath is relative to the last $ref
 * it followed, so the path is walked through the schema source instead.
 */
function schemaAt(path: (string | number)[]): SchemaNode | undefined {
  let node = resolveRef(poolSchemaSource);
  for (const segment of path) {
    if (!node) return undefined;
    const next = typeof segment === 'number' ? node.items : ((node.properties as SchemaNode | undefined)?.[segment] ?? node.additionalProperties);
    node = typeof next === 'object' && next !== null ? resolveRef(next as SchemaNode) : undefined;
  }
  return node;
}

function resolveRef(node: SchemaNode): SchemaNode | undefined {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<SchemaNode | undefined>((current, segment) => current?.[segment] as SchemaNode | undefined, poolSchemaSource as SchemaNode);
}
