import { TemplateScope } from '../arm/template-scope.ts';
import type { TemplateParts } from '../../documents/arm-detection.ts';
import { traceSite } from '../arm/value-trace.ts';
import type { SourceAdapter, SourceContext } from '../../model/source-adapter.ts';
import { parametersFileValues } from '../arm/parameters-file.ts';
import { isParametersFile } from '../../documents/arm-detection.ts';
import { canonicalValue } from '../arm/canonical-value.ts';
import type { Located, SourceDocument, TextEdit } from '../../model/document.ts';
import { expressionProblemReporter } from '../arm/expression-problems.ts';
import type { Path, StringRange } from '../../model/location.ts';
import { BATCH_API_DEFAULTS, type PoolDefinition, type PoolSpec } from '../../model/pool-definition.ts';
import { tracedLocation } from '../arm/traced-location.ts';
import { isRecord } from '../../model/is-record.ts';

/** Properties only a pool body has; one of them is enough to tell a pool from other JSON. */
const POOL_MARKERS = ['vmSize', 'virtualMachineConfiguration', 'cloudServiceConfiguration'];

/** Pool properties the Batch CLI extensions turn into something else (a start task that installs packages) before the Batch API sees the pool. */
const CLI_EXTENSION_PROPERTIES = ['packageReferences'];

/** Where a job body holds its auto pool; a job schedule holds the job body in `jobSpecification`. */
const AUTO_POOL_PATH = ['poolInfo', 'autoPoolSpecification', 'pool'];

interface FoundPool {
  spec: PoolSpec;
  path: Path;
  autoPool?: boolean;
}

/**
 * The Batch data-plane format: the body of `Pool - Add` as `az batch pool create --json-file` reads it,
 * in JSON or YAML — a pool object, an array of pools, `{ "pools": [...] }`, or `{ "pool": {...} }` — and the
 * auto pool of a job or job schedule body. Batch CLI and Batch Explorer templates add parameters and
 * variables, with values from a parameters file.
 */
export const batchDataPlaneAdapter: SourceAdapter = {
  name: 'batch data-plane',
  extract(document, context) {
    if (isParametersFile(document.value)) return undefined;
    const pools = findPoolObjects(document.value);
    if (pools.length === 0) return undefined;
    const cliTemplate = isCliTemplate(document.value);
    const scope = isTemplate(document.value) ? templateScope(document, document.value, context) : undefined;
    return pools.map(({ spec, path, autoPool }) => {
      const written = cliTemplate ? withoutExtensionProperties(spec) : spec;
      const evaluated = canonicalValue(written, undefined);
      return new DataPlanePool(document, (scope ? scope.resolve(evaluated, path) : evaluated) as PoolSpec, written, path, scope, autoPool);
    });
  },
};

function findPoolObjects(value: unknown): FoundPool[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => (looksLikePool(item) ? [{ spec: item, path: [index] }] : []));
  if (!isRecord(value)) return [];
  if (looksLikePool(value)) return [{ spec: value, path: [] }];
  if (Array.isArray(value.pools)) {
    return value.pools.flatMap((item, index) => (looksLikePool(item) ? [{ spec: item, path: ['pools', index] }] : []));
  }
  if (looksLikePool(value.pool)) return [{ spec: value.pool, path: ['pool'] }];
  if (isTypedPool(value.pool)) return [{ spec: value.pool.properties, path: ['pool', 'properties'] }];
  return autoPoolOf(value);
}

/** A job body's auto pool, or a job schedule's, or that of a Batch CLI job template's `job: { type, properties }`. */
function autoPoolOf(value: Record<string, unknown>): FoundPool[] {
  const jobPath = isTypedJob(value.job) ? ['job', 'properties'] : isRecord(value.jobSpecification) ? ['jobSpecification'] : [];
  const path = [...jobPath, ...AUTO_POOL_PATH];
  const spec = path.reduce<unknown>((current, key) => (isRecord(current) ? current[key] : undefined), value);
  return isRecord(spec) ? [{ spec, path, autoPool: true }] : [];
}

/** A Batch CLI template's `job: { type, apiVersion, properties }`, whose properties are the data-plane job. */
function isTypedJob(value: unknown): value is { properties: Record<string, unknown> } {
  return isRecord(value) && typeof value.type === 'string' && /^microsoft\.batch\/batchaccounts\/jobs$/i.test(value.type) && isRecord(value.properties);
}

/** A Batch CLI template's `pool: { type, apiVersion, properties }`, whose properties are the data-plane pool. */
function isTypedPool(value: unknown): value is { properties: Record<string, unknown> } {
  return isRecord(value) && typeof value.type === 'string' && /^microsoft\.batch\/batchaccounts\/pools$/i.test(value.type) && isRecord(value.properties);
}

/** A Batch CLI / Batch Explorer template: parameters and variables beside the pool, expressions in its values. */
function isTemplate(value: unknown): value is TemplateParts {
  return isRecord(value) && (isRecord(value.parameters) || isRecord(value.variables));
}

/** What only the Batch CLI extensions (`az batch pool/job create --template`) read: a template, a `pool` wrapper, or a typed `job`. */
function isCliTemplate(value: unknown): boolean {
  return isTemplate(value) || (isRecord(value) && (isRecord(value.pool) || isTypedJob(value.job)));
}

function templateScope(document: SourceDocument, template: TemplateParts, context: SourceContext): TemplateScope {
  const parameters = parametersFileValues(document, context);
  return new TemplateScope(template, {
    document,
    path: [],
    supplied: parameters.supplied,
    allParametersUnknown: parameters.unreadable,
    deployment: context.deployment,
    onSyntaxError: expressionProblemReporter(context),
  });
}

function withoutExtensionProperties(spec: PoolSpec): PoolSpec {
  return Object.fromEntries(Object.entries(spec).filter(([key]) => !CLI_EXTENSION_PROPERTIES.includes(key)));
}

function looksLikePool(value: unknown): value is PoolSpec {
  return isRecord(value) && !('type' in value && 'properties' in value) && POOL_MARKERS.some((key) => key in value);
}

/** In this format the canonical path is the document path below the pool object. */
class DataPlanePool implements PoolDefinition {
  readonly defaults = BATCH_API_DEFAULTS;
  readonly format;
  readonly id: string | undefined;

  constructor(
    readonly document: SourceDocument,
    readonly spec: PoolSpec,
    private readonly written: PoolSpec,
    private readonly prefix: Path,
    private readonly scope: TemplateScope | undefined,
    readonly autoPool?: boolean,
  ) {
    this.format = document.format === 'yaml' ? ('batch-yaml' as const) : ('batch-json' as const);
    // Batch names an auto pool itself; an `id` written in one is not its name.
    this.id = !autoPool && typeof spec.id === 'string' ? spec.id : undefined;
  }

  /** In a template, where the value was written: in the pool, or in the parameter or variable it came from. */
  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located {
    const scope = this.scope;
    if (!scope) return this.document.locate([...this.prefix, ...path], part, within);
    return tracedLocation((poolPath) => traceSite(this.written, this.document, this.prefix, scope, poolPath), path, this.document, part, within);
  }

  displayName(path: Path): string {
    return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
  }

  /** In a template, no fix rewrites an expression, nor a value written in a parameter or variable. */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    if (this.scope && traceSite(this.written, this.document, this.prefix, this.scope, path).throughExpression) return undefined;
    return this.document.setValueEdits([...this.prefix, ...path], value);
  }
}
