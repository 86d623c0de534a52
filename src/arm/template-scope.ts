import type { DeploymentTarget } from '../sources/adapter.ts';
import type { SourceDocument } from '../sources/document.ts';
import type { Path } from '../sources/location.ts';
import { isUnknown, UnknownValue } from '../sources/unknown.ts';
import { evaluate, type EvaluationScope } from './evaluate.ts';
import { ExpressionSyntaxError, parseExpression } from './expression-syntax.ts';

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

export interface TemplateParts {
  parameters?: Record<string, unknown>;
  variables?: Record<string, unknown>;
}

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
  onSyntaxError?(path: Path, message: string): void;
}

/**
 * The scope of one template's expressions: parameters from what is supplied, else their default values;
 * variables evaluated on first use. Parameter and variable names match whatever their case, as in ARM,
 * and a value that refers to itself, directly or not, is unknown rather than a crash.
 */
export class TemplateScope implements EvaluationScope {
  readonly subscriptionId: string | undefined;
  readonly resourceGroup: { name?: string; location?: string };
  private readonly values = new Map<string, unknown>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly template: TemplateParts,
    private readonly options: TemplateScopeOptions,
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
    return this.once(`variable "${name}"`, () => this.valueOf(this.variableSource(name)));
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

  /** Where the value of a variable is written, or why it has none. */
  variableSource(name: string): SuppliedValue {
    const declared = memberIgnoringCase(this.template.variables, name);
    if (!declared) return new UnknownValue(`the template has no variable "${name}"`);
    const path = [...this.options.path, 'variables', declared.key];
    return { value: declared.value, site: { document: this.document, path, origin: `variable '${declared.key}'` }, scope: this };
  }

  /** The scope of a template nested in this one and deployed with inner scope: its own parameters and variables, in the same document. */
  nested(template: TemplateParts, path: Path, supplied: ReadonlyMap<string, SuppliedValue>, deployment: DeploymentTarget, allParametersUnknown?: UnknownValue): TemplateScope {
    return new TemplateScope(template, { document: this.document, path, supplied, deployment, allParametersUnknown, onSyntaxError: this.options.onSyntaxError });
  }

  /** A value written at path in this template's document, with every expression in it evaluated in this scope. */
  resolve(value: unknown, path: Path): unknown {
    return resolveValue(value, this, path, this.options.onSyntaxError);
  }

  private valueOf(source: SuppliedValue): unknown {
    if (isUnknown(source)) return source;
    return source.scope ? source.scope.resolve(source.value, source.site.path) : source.value;
  }

  private once(key: string, compute: () => unknown): unknown {
    const cacheKey = key.toLowerCase();
    if (this.values.has(cacheKey)) return this.values.get(cacheKey);
    if (this.evaluating.has(cacheKey)) return new UnknownValue(`${key} refers to itself`);
    this.evaluating.add(cacheKey);
    const value = compute();
    this.evaluating.delete(cacheKey);
    this.values.set(cacheKey, value);
    return value;
  }
}

/**
 * A template value with every expression in it evaluated (or unknown); a "[[…]" literal loses one bracket.
 * An expression that does not parse is unknown, and onSyntaxError hears of it with its path.
 */
export function resolveValue(value: unknown, scope: EvaluationScope, path: Path = [], onSyntaxError?: (path: Path, message: string) => void): unknown {
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, scope, [...path, index], onSyntaxError));
  if (typeof value === 'string') return resolveString(value, scope, path, onSyntaxError);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, resolveValue(member, scope, [...path, key], onSyntaxError)]));
}

function resolveString(value: string, scope: EvaluationScope, path: Path, onSyntaxError?: (path: Path, message: string) => void): unknown {
  if (!value.startsWith('[') || !value.endsWith(']')) return value;
  if (value.startsWith('[[')) return value.slice(1);
  try {
    return evaluate(parseExpression(value.slice(1, -1)), scope);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError) && !(error instanceof TypeError)) throw error;
    if (error instanceof ExpressionSyntaxError) onSyntaxError?.(path, syntaxErrorMessage(value, error));
    return new UnknownValue(`"${value}" is not a valid template expression: ${error.message}`);
  }
}

/** What the arm-expression rule says about a string that does not parse; characters are counted from the opening bracket. */
function syntaxErrorMessage(value: string, error: ExpressionSyntaxError): string {
  return `the template expression ${JSON.stringify(value)} does not parse at character ${error.offset + 2}: ${error.message}; the template is rejected when deployed, and nothing that depends on this value was checked`;
}

function memberIgnoringCase(record: Record<string, unknown> | undefined, name: string): { key: string; value: unknown } | undefined {
  if (!isRecord(record)) return undefined;
  const key = name in record ? name : Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : { key, value: record[key] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
