import { BicepDocument, resourceBody } from '../../documents/bicep/bicep-document.ts';
import type { Located, SourceDocument, TextEdit } from '../../model/document.ts';
import type { Path, StringRange } from '../../model/location.ts';
import { rangeInPiece } from '../../documents/decoded-string.ts';
import type { Span } from '../../documents/bicep/syntax.ts';
import { isUnknown } from '../../model/unknown.ts';
import { BATCH_API_DEFAULTS, type PoolDefinition, type PoolSpec } from '../../model/pool-definition.ts';
import type { SourceAdapter } from '../../model/source-adapter.ts';
import { armPathOf } from '../arm/pool-paths.ts';
import { canonicalPool } from '../arm/pool-shape.ts';
import { traceBicepSite, type BicepSite } from './bicep-trace.ts';
import { BicepScope } from './bicep-scope.ts';
import { moduleInstances, reportModuleCycles } from './modules.ts';
import { bicepParameterValues } from './parameter-files.ts';
import { poolResources, type BicepPoolResource } from './pool-resources.ts';

type Json = Record<string, unknown>;

/**
 * Bicep files, read natively: `Microsoft.Batch/batchAccounts/pools` resources, evaluated with the values
 * of the parameters file (`.bicepparam` or JSON), else the defaults, and the deployment target the command
 * line gives. A pool's resource has the ARM shape, so it maps to the data-plane pool as ARM's does. A
 * `.bicepparam` file holds no pool: it is read for the Bicep file it names.
 */
export const bicepAdapter: SourceAdapter = {
  name: 'Bicep',
  extract(document, context) {
    if (!(document instanceof BicepDocument)) return undefined;
    if (document.format === 'bicepparam') return [];
    const parameters = bicepParameterValues(document, context);
    const scope = new BicepScope(document, {
      supplied: parameters.supplied,
      ...(parameters.unreadable && { allParametersUnknown: parameters.unreadable }),
      deployment: context.deployment,
    });
    const own = poolResources(scope).map((found) => new BicepPool(found, scope));
    const called = moduleInstances(scope, context).flatMap((instance) =>
      poolResources(instance.scope).map((found) => new BicepPool(found, instance.scope, instance.call, document)),
    );
    const pools = [...own, ...called];
    // A file without pools is skipped, its problems with it: the modules it deploys are followed for cycles only when it has some.
    if (pools.length > 0) reportModuleCycles(scope, context);
    return pools;
  },
};

/**
 * One copy of a Bicep pool resource, seen as the data-plane pool it creates. A pool of a module a caller
 * deploys belongs to the caller's lint (its document is the caller's): a value the caller gives is located
 * there, one the module writes in the module file, naming the call.
 */
class BicepPool implements PoolDefinition {
  readonly defaults = BATCH_API_DEFAULTS;
  readonly format = 'bicep' as const;
  readonly document: BicepDocument;
  readonly spec: PoolSpec;
  readonly id: string | undefined;
  readonly apiVersion: string | undefined;

  constructor(
    private readonly found: BicepPoolResource,
    private readonly scope: BicepScope,
    private readonly call?: string,
    caller?: BicepDocument,
  ) {
    this.document = caller ?? scope.document;
    const body = resourceBody(found.declaration.value);
    const resource = body ? scope.evaluate(body, found.locals) : {};
    // An object with a member spread from an unknown value is unknown as a whole: its name and properties with it.
    this.spec = canonicalPool(isUnknown(resource) ? { name: resource, properties: resource } : (resource as Json));
    this.id = typeof this.spec.id === 'string' ? this.spec.id : undefined;
    this.apiVersion = found.apiVersion;
  }

  /** Where the value was written: in the resource, or in the parameter or variable it came from. */
  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located {
    const armPath = armPathOf(path);
    const key = armPath[armPath.length - 1];
    if (part === 'key' && key !== undefined) {
      const holder = this.trace(armPath.slice(0, -1));
      return located({ ...holder, path: [...holder.path, key] }, this.document, this.call, part);
    }
    return located(this.trace(armPath), this.document, this.call, part, within);
  }

  displayName(path: Path): string {
    return armPathOf(path)
      .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
      .join('');
  }

  /** No fix rewrites an expression, nor a value written elsewhere (a parameter or variable may serve more than this pool). */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const armPath = armPathOf(path);
    // A module's value serves every caller; the caller's value is written for the whole module.
    if (this.call !== undefined || this.trace(armPath).throughExpression) return undefined;
    return this.document.setValueEdits([this.found.name, ...armPath], value);
  }

  private trace(armPath: Path): BicepSite {
    const start = { document: this.scope.document, path: [this.found.name], node: this.found.declaration.value, scope: this.scope };
    return traceBicepSite(start, armPath, this.found.locals);
  }
}

function located(site: BicepSite, poolDocument: SourceDocument, call: string | undefined, part?: 'key' | 'value', within?: StringRange): Located {
  const inInterpolation = within && part !== 'key' && site.reached && site.document instanceof BicepDocument ? interpolatedRange(site.reached, within) : undefined;
  const found = inInterpolation ? { location: (site.document as BicepDocument).spanLocation(inInterpolation), exact: true } : site.document.locate(site.path, part, within);
  const inModule = call !== undefined && site.document !== poolDocument ? `deployed by ${call}` : undefined;
  const origins = [site.origin && `value from ${site.origin}`, inModule].filter(Boolean);
  if (origins.length === 0) return found;
  return { ...found, origin: origins.join('; '), ...(site.document !== poolDocument && { filePath: site.document.filePath }) };
}

/**
 * The characters written for a range of an interpolated string's value: inside one of its text pieces exactly,
 * or the whole `${…}` whose value holds the range. Undefined when an interpolation's value is not known (its
 * length decides where the later pieces start), or the range spans pieces.
 */
function interpolatedRange({ node, scope, locals }: NonNullable<BicepSite['reached']>, within: StringRange): Span | undefined {
  if (node.kind !== 'string' || node.parts.length < 2) return undefined;
  let start = 0;
  for (const part of node.parts) {
    const value = part.kind === 'text' ? part.value : scope.evaluate(part.expression, locals);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    const length = String(value).length;
    const inside = rangeInPiece(within, start, length);
    if (inside) {
      if (part.kind === 'interpolation') return part.span;
      const raw = part.decoded.rawRange(inside);
      return raw && { offset: raw.offset, end: raw.offset + raw.length };
    }
    start += length;
  }
  return undefined;
}
