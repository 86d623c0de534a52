import { resourceBody, type BicepDocument, type Declaration } from '../../documents/bicep/bicep-document.ts';
import type { Expression, ResourceDeclaration } from '../../documents/bicep/syntax.ts';
import type { SourceDocument } from '../../model/document.ts';
import type { Path } from '../../model/location.ts';
import type { DeploymentTarget } from '../../model/source-adapter.ts';
import { isUnknown, UnknownValue } from '../../model/unknown.ts';
import { setUserKey, userRecord } from '../../model/user-record.ts';
import { applyFunction, member, type EvaluationScope } from '../arm/evaluate.ts';

type Node<K extends Expression['kind']> = Extract<Expression, { kind: K }>;

/** Loop variables and lambda parameters in scope, by name. */
export type Locals = ReadonlyMap<string, unknown>;
export const NO_LOCALS: Locals = new Map();

/** Where a parameter's value is written, when it is given from outside the file (a `.bicepparam`, a parameters file). */
export interface SuppliedValue {
  document: SourceDocument;
  path: Path;
  /** "parameter 'vmSize' in main.bicepparam". */
  origin: string;
  /** The value, evaluated. */
  value: unknown;
  /** The expression written for it, when written in Bicep (a `.bicepparam`): a locate follows it. */
  node?: Expression;
  /** The scope its node is read in. */
  scope?: BicepScope;
  /** The loop variables its node is read with (a module call in a loop). */
  locals?: Locals;
}

export interface BicepScopeOptions {
  /** Parameter values given from outside, by name; they win over default values. */
  supplied?: ReadonlyMap<string, SuppliedValue | UnknownValue>;
  /** When set, a parameter nothing supplies is unknown for this reason, whatever its default. */
  allParametersUnknown?: UnknownValue;
  deployment: DeploymentTarget;
}

/** References followed within references; a longer chain (no real file has one) would exhaust the stack. */
const MAX_REFERENCE_DEPTH = 100;

/** How a resource declared at each target scope gets its id; at a management group or the tenant it is not evaluated. */
const RESOURCE_ID_FUNCTIONS: Readonly<Record<string, string>> = { resourceGroup: 'resourceId', subscription: 'subscriptionResourceId' };

/** The namespaces of Bicep's own functions; any other (a resource's `listKeys()`, an imported file's function) is not evaluated. */
const FUNCTION_NAMESPACES = new Set(['sys', 'az']);

/** Interpolations that double a string at each step would run out of memory long before a real pool's string is this long. */
const MAX_STRING_LENGTH = 1_000_000;

/** The most items range() makes, as ARM limits it. */
const MAX_RANGE = 10000;

/** Functions Bicep has that the template language does not, or spells otherwise. */
const BICEP_FUNCTIONS: Readonly<Record<string, (args: unknown[]) => unknown>> = {
  any: ([value]) => value,
  range: ([start, count]) =>
    Number.isInteger(start) && Number.isInteger(count) && (count as number) >= 0 && (count as number) <= MAX_RANGE
      ? Array.from({ length: count as number }, (_, index) => (start as number) + index)
      : new UnknownValue(`range() takes a start and a count of at most ${MAX_RANGE}`),
};

/** A lambda (`x => …`) as a value: what map() and the like apply to each item, with the variables in scope where it is written. */
class BicepLambda {
  constructor(
    private readonly node: Node<'lambda'>,
    private readonly locals: Locals,
    private readonly scope: BicepScope,
  ) {}

  apply(...args: unknown[]): unknown {
    const bound = new Map(this.locals);
    this.node.parameters.forEach((parameter, index) => bound.set(parameter.name, args[index]));
    return this.scope.evaluate(this.node.body, bound);
  }
}

/** A lambda is no data: written as an object member or array item, it is unknown there. */
const asData = (value: unknown): unknown => (value instanceof BicepLambda ? new UnknownValue('a lambda is not a value a deployment can hold') : value);

const lambdaOf = (value: unknown, name: string): BicepLambda | UnknownValue => (value instanceof BicepLambda ? value : new UnknownValue(`${name}() takes a lambda`));

/** The lambda functions batchlint evaluates; an item's unknown result makes the whole result unknown. */
const LAMBDA_FUNCTIONS: Readonly<Record<string, (args: unknown[]) => unknown>> = {
  map: ([items, mapper]) => eachItem(items, mapper, 'map', (results) => results),
  filter: ([items, predicate]) => eachItem(items, predicate, 'filter', (results, list) => list.filter((_, index) => results[index] === true)),
  reduce: ([items, initial, reducer]) => {
    const lambda = lambdaOf(reducer, 'reduce');
    if (isUnknown(lambda)) return lambda;
    if (!Array.isArray(items)) return new UnknownValue('reduce() takes an array');
    let current = initial;
    for (const [index, item] of items.entries()) {
      current = lambda.apply(current, item, index);
      if (isUnknown(current)) return current;
    }
    return current;
  },
};

/** The lambda applied to each item (and its index); whole when every result is known. */
function eachItem(items: unknown, lambdaValue: unknown, name: string, finish: (results: unknown[], items: unknown[]) => unknown): unknown {
  const lambda = lambdaOf(lambdaValue, name);
  if (isUnknown(lambda)) return lambda;
  if (!Array.isArray(items)) return new UnknownValue(`${name}() takes an array`);
  const results = items.map((item, index) => lambda.apply(item, index));
  return results.find(isUnknown) ?? finish(results, items);
}

/** Template functions that Bicep does not offer as functions: its parameters and variables are names. */
const NOT_BICEP = new Set(['parameters', 'variables', 'copyindex', 'if']);

/**
 * The values of a Bicep file's expressions, as far as they can be known without deploying it: parameters
 * from what is supplied, else their defaults; variables; interpolation, operators, the ternary and loops;
 * template functions through the ARM evaluator. A resource's `name`, `type` and `id` are known from its
 * declaration; anything the deployment decides (a resource's other properties, a module's outputs) is unknown.
 */
export class BicepScope implements EvaluationScope {
  readonly subscriptionId: string | undefined;
  readonly resourceGroup: { name?: string; location?: string };
  private readonly values = new Map<string, unknown>();
  private readonly evaluating = new Set<string>();

  constructor(
    readonly document: BicepDocument,
    private readonly options: BicepScopeOptions,
  ) {
    const { subscriptionId, resourceGroup, location } = options.deployment;
    this.subscriptionId = subscriptionId;
    this.resourceGroup = { name: resourceGroup, location };
  }

  parameter(name: string): unknown {
    return this.once(`parameter '${name}'`, () => {
      const source = this.parameterSource(name);
      return isUnknown(source) ? source : source.value;
    });
  }

  variable(name: string): unknown {
    return this.once(`variable '${name}'`, () => {
      const declared = this.document.declaration(name);
      return declared?.kind === 'var' ? this.evaluate(declared.value) : new UnknownValue(`the file has no variable '${name}'`);
    });
  }

  /** Where a parameter's value comes from: what is supplied, else its default; why it is unknown otherwise. */
  parameterSource(name: string): SuppliedValue | UnknownValue {
    const declared = this.document.declaration(name);
    if (declared?.kind !== 'param') return new UnknownValue(`the file has no parameter '${name}'`);
    const supplied = this.options.supplied?.get(name) ?? this.options.supplied?.get(name.toLowerCase());
    if (supplied) return supplied;
    if (this.options.allParametersUnknown) return this.options.allParametersUnknown;
    if (!declared.value) return new UnknownValue(`parameter '${name}' has no default value`);
    const node = declared.value;
    return {
      document: this.document,
      path: [name],
      origin: `the default of parameter '${name}'`,
      node,
      scope: this,
      value: this.once(`default of '${name}'`, () => this.evaluate(node)),
    };
  }

  evaluate(node: Expression, locals: Locals = NO_LOCALS): unknown {
    switch (node.kind) {
      case 'string':
        return this.interpolate(node, locals);
      case 'number':
      case 'boolean':
        return node.value;
      case 'null':
        return null;
      case 'identifier':
        return this.identifier(node.name, locals);
      case 'object':
        return this.object(node, locals);
      case 'array':
        return this.array(node, locals);
      case 'property':
        return this.property(node, locals);
      case 'index': {
        const target = this.evaluate(node.target, locals);
        const index = this.evaluate(node.index, locals);
        if (isUnknown(target)) return target;
        if (isUnknown(index)) return index;
        const key = node.fromEnd && Array.isArray(target) ? target.length - Number(index) : (index as string | number);
        return this.memberOf(target, key, node.safe);
      }
      case 'call':
        return this.call(node, locals);
      case 'unary': {
        const operand = this.evaluate(node.operand, locals);
        if (isUnknown(operand)) return operand;
        return node.operator === '!' ? !operand : -Number(operand);
      }
      case 'nonNull':
        return this.evaluate(node.operand, locals);
      case 'parentheses':
        return this.evaluate(node.expression, locals);
      case 'binary':
        return this.binary(node, locals);
      case 'ternary': {
        const condition = this.evaluate(node.condition, locals);
        if (isUnknown(condition)) return condition;
        return this.evaluate(condition ? node.whenTrue : node.whenFalse, locals);
      }
      case 'for':
        return this.loop(node, locals);
      case 'if': {
        const condition = this.evaluate(node.condition, locals);
        return isUnknown(condition) ? condition : condition ? this.evaluate(node.body, locals) : undefined;
      }
      case 'lambda':
        return new BicepLambda(node, locals, this);
    }
  }

  /** The items of a loop's array, each with the loop variables bound; unknown when the array is. */
  loopItems(node: Node<'for'>, locals: Locals): Locals[] | UnknownValue {
    const iterable = this.evaluate(node.iterable, locals);
    if (isUnknown(iterable)) return iterable;
    if (!Array.isArray(iterable)) return new UnknownValue('a for loop over something that is not an array');
    return iterable.map((item, index) => {
      const bound = new Map(locals);
      if (node.item) bound.set(node.item.name, item);
      if (node.index) bound.set(node.index.name, index);
      return bound;
    });
  }

  /** The loop's variables unknown: for what is checked once for every copy. */
  unknownLoop(node: Node<'for'>, locals: Locals, why: UnknownValue): Locals {
    const bound = new Map(locals);
    for (const variable of [node.item, node.index])
      if (variable) bound.set(variable.name, new UnknownValue(`the loop variable '${variable.name}' differs from copy to copy (${why.reason})`));
    return bound;
  }

  private identifier(name: string, locals: Locals): unknown {
    if (locals.has(name)) return locals.get(name);
    const declared = this.document.declaration(name);
    if (declared?.kind === 'param') return this.parameter(name);
    if (declared?.kind === 'var') return this.variable(name);
    if (declared?.kind === 'resource' || declared?.kind === 'module') return new UnknownValue(`the ${declared.kind} '${name}' as a value is known only when deployed`);
    return new UnknownValue(`'${name}' is not a parameter or variable of this file`);
  }

  private interpolate(node: Node<'string'>, locals: Locals): unknown {
    const parts = node.parts.map((part) => (part.kind === 'text' ? part.value : this.evaluate(part.expression, locals)));
    const text = parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : applyFunction('concat', parts, this);
    return typeof text === 'string' && text.length > MAX_STRING_LENGTH ? new UnknownValue(`a string of more than ${MAX_STRING_LENGTH} characters is not built`) : text;
  }

  private object(node: Node<'object'>, locals: Locals): unknown {
    const result = userRecord();
    for (const property of node.properties) {
      const value = this.evaluate(property.value, locals);
      if (property.spread) {
        if (isUnknown(value)) return value;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const [key, member] of Object.entries(value)) setUserKey(result, key, member);
        continue;
      }
      const key = property.key ?? this.evaluate(property.keyExpression!, locals);
      if (isUnknown(key)) return key;
      setUserKey(result, String(key), asData(value));
    }
    return result;
  }

  private array(node: Node<'array'>, locals: Locals): unknown {
    const result: unknown[] = [];
    for (const item of node.items) {
      const value = this.evaluate(item.value, locals);
      if (!item.spread) result.push(asData(value));
      else if (isUnknown(value)) return value;
      else if (Array.isArray(value)) result.push(...(value as unknown[]));
    }
    return result;
  }

  private property(node: Node<'property'>, locals: Locals): unknown {
    const declared = this.declaredResource(node.target, locals);
    if (declared?.kind === 'resource') return this.resourceMember(declared, node.name);
    if (declared?.kind === 'module') return new UnknownValue(`the module '${declared.name}''s ${node.name} is not evaluated offline`);
    if (node.nested) return new UnknownValue(`the nested resource '${node.name}' is not declared here`);
    const target = this.evaluate(node.target, locals);
    if (isUnknown(target)) return target;
    return this.memberOf(target, node.name, node.safe);
  }

  /** The resource or module an expression names: `account`, or `vnet::subnet` for one declared in another's body. */
  private declaredResource(node: Expression, locals: Locals): Declaration | undefined {
    const name = resourceReference(node, locals);
    const declared = name === undefined ? undefined : this.document.declaration(name);
    return declared?.kind === 'resource' || declared?.kind === 'module' ? declared : undefined;
  }

  /** A resource's name, type and API version as declared, its id from them; the rest is known only when deployed. */
  private resourceMember(resource: Extract<Declaration, { kind: 'resource' }>, name: string): unknown {
    const [type, apiVersion] = String(this.evaluate(resource.type)).split('@');
    const nameNode = resourceBody(resource.value)?.properties.find((property) => property.key === 'name')?.value;
    switch (name) {
      case 'name':
        return nameNode && resource.value.kind !== 'for' ? this.evaluate(nameNode) : new UnknownValue(`the name of resource '${resource.name}' is not known`);
      case 'type':
        return type;
      case 'apiVersion':
        return apiVersion;
      case 'id': {
        const idFunction = RESOURCE_ID_FUNCTIONS[this.targetScope()];
        const identity = idFunction ? this.resourceIdentity(resource, 0) : new UnknownValue(`the id of resource '${resource.name}' is not evaluated offline`);
        return isUnknown(identity) ? identity : applyFunction(idFunction!, [identity.type, ...identity.names], this);
      }
      default:
        return new UnknownValue(`${resource.name}.${name} is known only when the resource is deployed`);
    }
  }

  /**
   * A resource's full type and the names along it, as resourceId() takes them: its own name split at `/`, or,
   * with a parent (`parent:`, or declared in the parent's body), the parent's names then its own.
   */
  private resourceIdentity(resource: Extract<Declaration, { kind: 'resource' }>, depth: number): { type: string; names: string[] } | UnknownValue {
    const notEvaluated = new UnknownValue(`the id of resource '${resource.name}' is not evaluated offline`);
    const body = resourceBody(resource.value);
    const nameNode = body?.properties.find((property) => property.key === 'name')?.value;
    const hasScope = body?.properties.some((property) => property.key === 'scope');
    if (!nameNode || hasScope || resource.value.kind === 'for' || depth > MAX_REFERENCE_DEPTH) return notEvaluated;
    const written = this.evaluate(nameNode);
    if (isUnknown(written)) return written;
    const type = String(this.evaluate(resource.type)).split('@')[0]!;
    if (typeof written !== 'string') return notEvaluated;
    const parentNode = body?.properties.find((property) => property.key === 'parent')?.value;
    const nestedIn = this.nestedParent(resource);
    const parent = nestedIn ?? (parentNode ? this.declaredResource(parentNode, NO_LOCALS) : undefined);
    if (!parent && !parentNode) return type.includes('/') ? { type, names: written.split('/') } : notEvaluated;
    if (parent?.kind !== 'resource') return notEvaluated;
    const outer = this.resourceIdentity(parent, depth + 1);
    if (isUnknown(outer)) return outer;
    return { type: type.includes('/') ? type : `${outer.type}/${type}`, names: [...outer.names, written] };
  }

  /** The resource whose body declares this one. */
  private nestedParent(resource: Extract<Declaration, { kind: 'resource' }>): Declaration | undefined {
    for (const statement of this.document.value.statements) {
      const found = statement.kind === 'resource' ? parentWithin(statement, resource) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** `targetScope`: where the file deploys, `resourceGroup` unless it says otherwise. */
  private targetScope(): string {
    const statement = this.document.value.statements.find((candidate) => candidate.kind === 'targetScope');
    const value = statement?.kind === 'targetScope' ? this.evaluate(statement.value) : 'resourceGroup';
    return typeof value === 'string' ? value : 'unknown';
  }

  private memberOf(target: unknown, key: string | number, safe: boolean): unknown {
    if (safe && (target === null || typeof target !== 'object' || !(String(key) in target))) return null;
    return member(target, key);
  }

  private call(node: Node<'call'>, locals: Locals): unknown {
    if (node.target || (node.namespace !== undefined && !FUNCTION_NAMESPACES.has(node.namespace)))
      return new UnknownValue(`${node.namespace ?? 'a resource'}.${node.name}() is not evaluated offline`);
    const lower = node.name.toLowerCase();
    if (NOT_BICEP.has(lower)) return new UnknownValue(`${node.name}() is not a Bicep function`);
    const args = node.args.map((argument) => this.evaluate(argument, locals));
    const unknown = args.find(isUnknown);
    const takesLambda = LAMBDA_FUNCTIONS[lower];
    if (takesLambda) return unknown ?? takesLambda(args);
    if (args.some((argument) => argument instanceof BicepLambda)) return new UnknownValue(`${node.name}() with a lambda is not evaluated offline`);
    const own = BICEP_FUNCTIONS[lower];
    if (!own) return applyFunction(node.name, args, this);
    return unknown ?? own(args);
  }

  private binary(node: Node<'binary'>, locals: Locals): unknown {
    const left = this.evaluate(node.left, locals);
    if (isUnknown(left)) return left;
    if (node.operator === '??') return left ?? this.evaluate(node.right, locals);
    if (node.operator === '&&' && !left) return false;
    if (node.operator === '||' && left === true) return true;
    const right = this.evaluate(node.right, locals);
    if (isUnknown(right)) return right;
    switch (node.operator) {
      case '&&':
      case '||':
        return Boolean(right);
      case '==':
        return JSON.stringify(left) === JSON.stringify(right);
      case '!=':
        return JSON.stringify(left) !== JSON.stringify(right);
      case '=~':
        return String(left).toLowerCase() === String(right).toLowerCase();
      case '!~':
        return String(left).toLowerCase() !== String(right).toLowerCase();
      case '<':
        return (left as number) < (right as number);
      case '<=':
        return (left as number) <= (right as number);
      case '>':
        return (left as number) > (right as number);
      case '>=':
        return (left as number) >= (right as number);
      case '+':
        return Number(left) + Number(right);
      case '-':
        return Number(left) - Number(right);
      case '*':
        return Number(left) * Number(right);
      case '/':
        return Number(right) === 0 ? new UnknownValue('a division by zero') : Math.trunc(Number(left) / Number(right));
      case '%':
        return Number(right) === 0 ? new UnknownValue('a division by zero') : Number(left) % Number(right);
    }
  }

  /** A `for` expression's array; an `if` in its body leaves out the items whose condition is false. */
  private loop(node: Node<'for'>, locals: Locals): unknown {
    const items = this.loopItems(node, locals);
    if (isUnknown(items)) return items;
    const result: unknown[] = [];
    for (const bound of items) {
      const value = this.evaluate(node.body, bound);
      if (isUnknown(value) && node.body.kind === 'if') return value;
      if (value !== undefined) result.push(value);
    }
    return result;
  }

  private once(key: string, compute: () => unknown): unknown {
    if (this.values.has(key)) return this.values.get(key);
    if (this.evaluating.has(key)) return new UnknownValue(`${key} refers to itself`);
    if (this.evaluating.size >= MAX_REFERENCE_DEPTH)
      return new UnknownValue(`${key} is reached through more than ${MAX_REFERENCE_DEPTH} parameters and variables, which are not followed`);
    this.evaluating.add(key);
    const value = compute();
    this.evaluating.delete(key);
    this.values.set(key, value);
    return value;
  }
}

/** The name a declaration has in the document (`vnet::subnet`) when node refers to a resource or module. */
function resourceReference(node: Expression, locals: Locals): string | undefined {
  if (node.kind === 'identifier') return locals.has(node.name) ? undefined : node.name;
  if (node.kind !== 'property' || !node.nested) return undefined;
  const outer = resourceReference(node.target, locals);
  return outer === undefined ? undefined : `${outer}::${node.name}`;
}

/** The resource, at any depth inside outer's body, whose body declares resource. */
function parentWithin(outer: ResourceDeclaration, resource: ResourceDeclaration): ResourceDeclaration | undefined {
  const nested = resourceBody(outer.value)?.resources ?? [];
  if (nested.includes(resource)) return outer;
  for (const child of nested) {
    const found = parentWithin(child, resource);
    if (found) return found;
  }
  return undefined;
}
