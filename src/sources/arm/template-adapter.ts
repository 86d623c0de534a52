import { TemplateScope } from './template-scope.ts';
import { traceSite } from './value-trace.ts';
import type { SourceAdapter } from '../../model/source-adapter.ts';
import { parametersFileValues } from './parameters-file.ts';
import { armPathOf } from './pool-paths.ts';
import { canonicalPool } from './pool-shape.ts';
import { isArmTemplate } from '../../documents/arm-detection.ts';
import { poolResources, type PoolResource } from './resources.ts';
import type { Located, SourceDocument, TextEdit } from '../../model/document.ts';
import { expressionProblemReporter } from './expression-problems.ts';
import type { Path, StringRange } from '../../model/location.ts';
import { BATCH_API_DEFAULTS, type PoolDefinition, type PoolSpec } from '../../model/pool-definition.ts';
import { tracedLocation } from './traced-location.ts';

type Json = Record<string, unknown>;

/**
 * ARM templates, and the JSON that `az bicep build` writes: `Microsoft.Batch/batchAccounts/pools`
 * resources wherever the template deploys them. Values are evaluated with the parameters file's values
 * (else the defaults) and the deployment target the command line gives.
 */
export const armTemplateAdapter: SourceAdapter = {
  name: 'ARM template',
  extract(document, context) {
    const template = document.value;
    if (!isArmTemplate(template)) return undefined;
    const parameters = parametersFileValues(document, context);
    const scope = new TemplateScope(template, {
      document,
      path: [],
      supplied: parameters.supplied,
      allParametersUnknown: parameters.unreadable,
      deployment: context.deployment,
      onSyntaxError: expressionProblemReporter(context),
    });
    return poolResources(template, [], scope).map((found) => new ArmPool(found));
  },
};

/** One ARM pool resource, seen as the data-plane pool it creates. */
class ArmPool implements PoolDefinition {
  readonly defaults = BATCH_API_DEFAULTS;
  readonly format = 'arm' as const;
  readonly document: SourceDocument;
  readonly spec: PoolSpec;
  readonly id: string | undefined;
  readonly apiVersion: string | undefined;

  constructor(private readonly found: PoolResource) {
    this.document = found.scope.document;
    const resource = found.scope.resolve(found.resource, found.path) as Json;
    this.spec = canonicalPool(resource);
    this.id = typeof this.spec.id === 'string' ? this.spec.id : undefined;
    this.apiVersion = typeof resource.apiVersion === 'string' ? resource.apiVersion : undefined;
  }

  /** Where the value was written: in the resource, or in the parameter or variable it came from. */
  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located {
    return tracedLocation((armPath) => this.trace(armPath), armPathOf(path), this.document, part, within);
  }

  displayName(path: Path): string {
    return armPathOf(path)
      .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
      .join('');
  }

  /** No fix rewrites an expression, nor a value written elsewhere (a parameter or variable may serve more than this pool). */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const armPath = armPathOf(path);
    if (this.trace(armPath).throughExpression) return undefined;
    return this.document.setValueEdits([...this.found.path, ...armPath], value);
  }

  private trace(armPath: Path) {
    const { resource, path: resourcePath, scope } = this.found;
    return traceSite(resource, this.document, resourcePath, scope, armPath);
  }
}
