import type { SourceAdapter } from './adapter.ts';
import { templateScope } from '../arm/template-scope.ts';
import { canonicalValue } from './canonical-value.ts';
import type { SourceDocument, TextEdit } from './document.ts';
import type { Path } from './location.ts';
import { BATCH_API_DEFAULTS, type PoolDefinition, type PoolSpec } from './pool-definition.ts';

/** Properties only a pool body has; one of them is enough to tell a pool from other JSON. */
const POOL_MARKERS = ['vmSize', 'virtualMachineConfiguration', 'cloudServiceConfiguration'];

/**
 * The Batch data-plane format: the body of `Pool - Add` as `az batch pool create --json-file` reads it,
 * in JSON or YAML — a pool object, an array of pools, `{ "pools": [...] }`, or `{ "pool": {...} }`.
 */
export const batchDataPlaneAdapter: SourceAdapter = {
  name: 'batch data-plane',
  extract(document) {
    const pools = findPoolObjects(document.value);
    if (pools.length === 0) return undefined;
    const scope = isTemplate(document.value) ? templateScope(document.value) : undefined;
    return pools.map(({ spec, path }) => new DataPlanePool(document, canonicalValue(spec, scope) as PoolSpec, path));
  },
};

function findPoolObjects(value: unknown): { spec: PoolSpec; path: Path }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => (looksLikePool(item) ? [{ spec: item, path: [index] }] : []));
  if (!isObject(value)) return [];
  if (looksLikePool(value)) return [{ spec: value, path: [] }];
  if (Array.isArray(value.pools)) {
    return value.pools.flatMap((item, index) => (looksLikePool(item) ? [{ spec: item, path: ['pools', index] }] : []));
  }
  if (looksLikePool(value.pool)) return [{ spec: value.pool, path: ['pool'] }];
  // A Batch CLI template's `pool: { type, apiVersion, properties }`, whose properties are the data-plane pool.
  if (isObject(value.pool) && typeof value.pool.type === 'string' && /^microsoft\.batch\/batchaccounts\/pools$/i.test(value.pool.type) && isObject(value.pool.properties)) {
    return [{ spec: value.pool.properties as PoolSpec, path: ['pool', 'properties'] }];
  }
  return [];
}

/** A Batch CLI / Batch Explorer template: parameters and variables beside the pool, expressions in its values. */
function isTemplate(value: unknown): value is Parameters<typeof templateScope>[0] {
  return isObject(value) && (isObject(value.parameters) || isObject(value.variables));
}

function looksLikePool(value: unknown): value is PoolSpec {
  return isObject(value) && !('type' in value && 'properties' in value) && POOL_MARKERS.some((key) => key in value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** In this format the canonical path is the document path below the pool object. */
class DataPlanePool implements PoolDefinition {
  readonly defaults = BATCH_API_DEFAULTS;
  readonly format;
  readonly id: string | undefined;

  constructor(
    readonly document: SourceDocument,
    readonly spec: PoolSpec,
    private readonly prefix: Path,
  ) {
    this.format = document.format === 'yaml' ? ('batch-yaml' as const) : ('batch-json' as const);
    this.id = typeof spec.id === 'string' ? spec.id : undefined;
  }

  locate(path: Path, part?: 'key' | 'value') {
    return this.document.locate([...this.prefix, ...path], part);
  }

  displayName(path: Path): string {
    return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
  }

  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    return this.document.setValueEdits([...this.prefix, ...path], value);
  }
}
