import type { DeploymentTarget } from '../../model/source-adapter.ts';
import type { SourceDocument } from '../../model/document.ts';
import type { Path } from '../../model/location.ts';
import { isUnknown, UnknownValue } from '../../model/unknown.ts';
import type { EvaluationScope } from './evaluate.ts';
import { copyLoop, isCopyLoop, resolveValue, type CopyLoop, type SyntaxErrorListener } from './resolve-value.ts';
import { isRecord } from '../../model/is-record.ts';
import type { TemplateParts } from '../../documents/arm-detection.ts';
import { MAX_NESTING, NESTING_TOO_DEEP } from '../../model/nesting.ts';
import { nestsDeeperThan } from '../../model/value-depth.ts';

export { resolveValue } from './resolve-value.ts';

/** Where a value is written: the document, the path of the value in it, and how a finding names it. */
export interface ValueSite {
  document: SourceDocument;
  path: Path;
  /** "parameter 'vmSize' in azuredeploy.parameters.json", "variable 'image'"… */
  origin: string;
}

/** A parameter's or variable's value as written, and the scope that evaluates its expressions (none: taken literally). */
export interface WrittenValue {
  value: unknown;
  site: ValueSite;
  scope?: TemplateScope;
}

/** A parameter value given from outside the template (a parameters file, a nested deployment), or why it is unknown. */
export type SuppliedValue = WrittenValue | UnknownValue;

export interface TemplateScopeOptions {
  document: SourceDocument;
  /** Where the template object sits in the document: [] for a whole file, deeper for a nested template. */
  path: Path;
  /** Parameter values given from outside, by lower-case name; they win over default values. */
  supplied?: ReadonlyMap<string, SuppliedValue>;
  /** When set, a parameter nothing supplies is unknown for this reason, whatever its default (an unreadable parameters file). */
  allParametersUnknown?: UnknownValue;
  deployment: DeploymentTarget;
  /** Told of each expression string that does not parse, with its path in the document. */
  onSyntaxError?: SyntaxErrorListener;
}

/** Parameter and variable values, shared by a template's scope and the scopes of its copy loops (ARM allows no copyIndex() in them). */
interface Evaluated {
  values: Map<string, unknown>;
  evaluating: Set<string>;
}

/**
 * The scope of one template's expressions: parameters from what is supplied, else their default values;
 * variables evaluated on first use. Parameter and variable names match whatever their case, as in ARM,
 * and a value that refers to itself, directly or not, is unknown rather than a crash.
 */
export class TemplateScope implements EvaluationScope {
  readonly subscriptionId: string | undefined;
  readonly resourceGroup: { name?: string; location?: string };

  constructor(
    private readonly template: TemplateParts,
    private readonly options: TemplateScopeOptions,
    private readonly evaluated: Evaluated = { values: new Map(), evaluating: new Set() },
    /** The copy of a resource loop this scope evaluates, when it evaluates one. */
    private readonly loop?: { name: string; index: number },
  ) {
    const { subscriptionId, resourceGroup, location } = options.deployment;
    this.subscriptionId = subscriptionId;
    this.resourceGroup = { name: resourceGroup, location };
  }

  get document(): SourceDocument {
    return this.options.document;
  }

  get deployment(): DeploymentTarget {
    return this.options.deployment;
  }

  parameter(name: string): unknown {
    return this.once(`parameter "${name}"`, () => this.valueOf(this.parameterSource(name)));
  }

  variable(name: string): unknown {
    return this.once(`variable "${name}"`, () => {
      const loop = this.variableLoop(name);
      return loop ? copyLoop(loop.loop, this, loop.path, this.options.onSyntaxError) : this.valueOf(this.variableSource(name));
    });
  }

  copyIndex(loopName: string | undefined): number | undefined {
    if (!this.loop || (loopName !== undefined && loopName.toLowerCase() !== this.loop.name.toLowerCase())) return undefined;
    return this.loop.index;
  }

  /** Where the value of a parameter is written, or why it has none. */
  parameterSource(name: string): SuppliedValue {
    const declared = memberIgnoringCase(this.template.parameters, name);
    if (!declared) return new UnknownValue(`the template has no parameter "${name}"`);
    const supplied = this.options.supplied?.get(name.toLowerCase());
    if (supplied) return supplied;
    if (this.options.allParametersUnknown) return this.options.allParametersUnknown;
    const definition = declared.value;
    if (!isRecord(definition) || !('defaultValue' in definition)) return new UnknownValue(`parameter "${name}" has no default value`);
    const path = [...this.options.path, 'parameters', declared.key, 'defaultValue'];
    return { value: definition.defaultValue, site: { document: this.document, path, origin: `the default of parameter '${declared.key}'` }, scope: this };
  }

  /** Where the value of a variable is written, or why it has none (a variable a copy loop builds is written nowhere as such). */
  variableSource(name: string): SuppliedValue {
    if (this.variableLoop(name)) return new UnknownValue(`variable "${name}" is built by a copy loop`);
    const declared = memberIgnoringCase(this.template.variables, name);
    if (!declared) return new UnknownValue(`the template has no variable "${name}"`);
    const path = [...this.options.path, 'variables', declared.key];
    return { value: declared.value, site: { document: this.document, path, origin: `variable '${declared.key}'` }, scope: this };
  }

  /** The scope of a template nested in this one and deployed with inner scope: its own parameters and variables, in the same document. */
  nested(template: TemplateParts, path: Path, supplied: ReadonlyMap<string, SuppliedValue>, deployment: DeploymentTarget, allParametersUnknown?: UnknownValue): TemplateScope {
    return new TemplateScope(template, { document: this.document, path, supplied, deployment, allParametersUnknown, onSyntaxError: this.options.onSyntaxError });
  }

  /** This scope for one copy of a resource loop: copyIndex() is index. */
  inLoop(name: string, index: number): TemplateScope {
    return new TemplateScope(this.template, this.options, this.evaluated, { name, index });
  }

  /** A value written at path in this template's document, with every expression in it evaluated in this scope. */
  resolve(value: unknown, path: Path): unknown {
    return resolveValue(value, this, path, this.options.onSyntaxError);
  }

  /** `"variables": { "copy": [{ "name": "sizes", "count": …, "input": … }] }`, what Bicep writes for a `for` in a variable. */
  private variableLoop(name: string): { loop: CopyLoop; path: Path } | undefined {
    const loops = this.template.variables?.copy;
    if (!Array.isArray(loops)) return undefined;
    const index = loops.findIndex((loop) => isCopyLoop(loop) && loop.name.toLowerCase() === name.toLowerCase());
    return index === -1 ? undefined : { loop: loops[index] as CopyLoop, path: [...this.options.path, 'variables', 'copy', index] };
  }

  private valueOf(source: SuppliedValue): unknown {
    if (isUnknown(source)) return source;
    return source.scope ? source.scope.resolve(source.value, source.site.path) : source.value;
  }

  private once(key: string, compute: () => unknown): unknown {
    const cacheKey = key.toLowerCase();
    const { values, evaluating } = this.evaluated;
    if (values.has(cacheKey)) return values.get(cacheKey);
    if (evaluating.has(cacheKey)) return new UnknownValue(`${key} refers to itself`);
    if (evaluating.size >= MAX_NESTING)
      return new UnknownValue(`${key} is reached through more than ${MAX_NESTING} parameters and variables that refer to one another, more than batchlint reads`);
    evaluating.add(cacheKey);
    const computed = compute();
    // Variables that each nest the one before (createArray(variables('v1'))…) could build a value deeper than any walk over it can go.
    const value = nestsDeeperThan(computed, MAX_NESTING) ? new UnknownValue(`${key} has a value with ${NESTING_TOO_DEEP}`) : computed;
    evaluating.delete(cacheKey);
    values.set(cacheKey, value);
    return value;
  }
}

function memberIgnoringCase(record: Record<string, unknown> | undefined, name: string): { key: string; value: unknown } | undefined {
  if (!isRecord(record)) return undefined;
  const key = name in record ? name : Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : { key, value: record[key] };
}
