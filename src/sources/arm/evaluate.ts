import { isUnknown, UnknownValue } from '../../model/unknown.ts';
import type { Expression } from './expression-syntax.ts';
import { isOversized, MAX_NESTING, NESTING_TOO_DEEP, OVERSIZED } from '../../model/nesting.ts';
import { nestsDeeperThan } from '../../model/value-depth.ts';

/** What an expression can see: parameter and variable values (possibly unknown) and the deployment scope. */
export interface EvaluationScope {
  parameter(name: string): unknown;
  variable(name: string): unknown;
  subscriptionId?: string;
  resourceGroup?: { name?: string; location?: string };
  /** The index of the current copy of a loop (the resource's own loop when unnamed); undefined outside one. */
  copyIndex?(loopName: string | undefined): number | undefined;
}

type Evaluated = unknown;
type TemplateFunction = (args: Evaluated[], scope: EvaluationScope) => Evaluated;

/**
 * Evaluates the side-effect-free subset of the template language that pool definitions use. Anything
 * else — reference(), list*(), uniqueString(), utcNow()… — is an UnknownValue naming the function, and
 * unknown arguments make unknown results: a value is never guessed.
 */
export function evaluate(expression: Expression, scope: EvaluationScope): Evaluated {
  if (evaluationDepth >= MAX_EVALUATION_DEPTH) return new UnknownValue(`the expression is evaluated through variables and calls with ${NESTING_TOO_DEEP}`);
  evaluationDepth++;
  try {
    return evaluateNode(expression, scope);
  } finally {
    evaluationDepth--;
  }
}

/**
 * How deep evaluation has gone, across the variables and parameters an expression reads (each is evaluated in
 * turn, inside this one). Each expression and each chain of variables is bounded, but not their product.
 */
let evaluationDepth = 0;
const MAX_EVALUATION_DEPTH = 3 * MAX_NESTING;

function evaluateNode(expression: Expression, scope: EvaluationScope): Evaluated {
  switch (expression.kind) {
    case 'string':
    case 'number':
      return expression.value;
    case 'property': {
      const target = evaluate(expression.target, scope);
      if (isUnknown(target)) return target;
      return member(target, expression.name);
    }
    case 'index': {
      const target = evaluate(expression.target, scope);
      const index = evaluate(expression.index, scope);
      if (isUnknown(target)) return target;
      if (isUnknown(index)) return index;
      return member(target, index as string | number);
    }
    case 'call':
      return call(expression.name, expression.args, scope);
  }
}

function call(name: string, argExpressions: Expression[], scope: EvaluationScope): Evaluated {
  if (name.toLowerCase() === 'if') return ifFunction(argExpressions, scope);
  return applyFunction(
    name,
    argExpressions.map((argument) => evaluate(argument, scope)),
    scope,
  );
}

/**
 * A template function applied to values already evaluated (Bicep compiles its functions to these): an unknown
 * argument makes the result unknown, and a function batchlint does not evaluate gives an UnknownValue naming it.
 */
export function applyFunction(name: string, args: Evaluated[], scope: EvaluationScope): Evaluated {
  if (name.toLowerCase() === 'coalesce') return coalesce(args);
  const unknown = args.find(isUnknown);
  if (unknown) return unknown;
  const implementation = FUNCTIONS[name.toLowerCase()];
  if (!implementation) return new UnknownValue(`${name}() is not evaluated offline`);
  const result = implementation(args, scope);
  return isOversized(result) ? new UnknownValue(`${name}() builds a value ${OVERSIZED}`) : result;
}

function ifFunction(argExpressions: Expression[], scope: EvaluationScope): Evaluated {
  const [condition, whenTrue, whenFalse] = argExpressions;
  if (!condition || !whenTrue || !whenFalse) throw new TypeError('if() takes a condition and two values');
  const test = evaluate(condition, scope);
  if (isUnknown(test)) return test;
  return evaluate(test ? whenTrue : whenFalse, scope);
}

function coalesce(args: Evaluated[]): Evaluated {
  for (const value of args) {
    if (isUnknown(value)) return value;
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/** A member of an object (property names match whatever their case, as in ARM) or an item of an array. */
export function member(target: unknown, key: string | number): Evaluated {
  if (typeof target !== 'object' || target === null) return new UnknownValue(`cannot read "${key}" of ${JSON.stringify(target)}`);
  const record = target as Record<string | number, unknown>;
  const name = Array.isArray(target) || key in record ? key : Object.keys(record).find((candidate) => candidate.toLowerCase() === String(key).toLowerCase());
  const value = name === undefined ? undefined : record[name];
  return value === undefined ? new UnknownValue(`the value has no "${key}"`) : value;
}

const text = (value: Evaluated): string => (typeof value === 'string' ? value : JSON.stringify(value));
const numbers = (args: Evaluated[]): number[] => args.map((value) => Number(value));
const list = (value: Evaluated): unknown[] | string => (Array.isArray(value) || typeof value === 'string' ? value : []);
const isObject = (value: Evaluated): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const sameJson = (a: Evaluated, b: Evaluated): boolean => JSON.stringify(a) === JSON.stringify(b);

const SUBSCRIPTION_UNKNOWN = 'the subscription is not known (give --subscription)';
const RESOURCE_GROUP_UNKNOWN = 'the resource group is not known (give --resource-group)';
const LOCATION_UNKNOWN = "the resource group's location is not known (give --location)";

const FUNCTIONS: Record<string, TemplateFunction> = {
  parameters: ([name], scope) => scope.parameter(String(name)),
  variables: ([name], scope) => scope.variable(String(name)),
  concat: (args) => (args.every(Array.isArray) ? args.flat() : args.map(text).join('')),
  format: ([pattern, ...values]) =>
    String(pattern).replace(/\{\{|\}\}|\{(\d+)(?::[^}]*)?\}/g, (match, index: string | undefined) => (index === undefined ? match[0]! : text(values[Number(index)]))),
  tolower: ([value]) => String(value).toLowerCase(),
  toupper: ([value]) => String(value).toUpperCase(),
  trim: ([value]) => String(value).trim(),
  equals: ([a, b]) => sameJson(a, b),
  not: ([value]) => !value,
  and: (args) => args.every(Boolean),
  or: (args) => args.some(Boolean),
  true: () => true,
  false: () => false,
  null: () => null,
  bool: ([value]) => value === true || String(value).toLowerCase() === 'true' || value === 1,
  int: ([value]) => Math.trunc(Number(value)),
  string: ([value]) => text(value),
  json: ([value]) => parseJson(String(value)),
  array: ([value]) => (Array.isArray(value) ? (value as Evaluated[]) : [value]),
  createarray: (args) => args,
  createobject: (args) => Object.fromEntries(args.flatMap((key, index) => (index % 2 === 0 ? [[String(key), args[index + 1]]] : []))),
  add: (args) => numbers(args).reduce((a, b) => a + b),
  sub: ([a, b]) => Number(a) - Number(b),
  mul: (args) => numbers(args).reduce((a, b) => a * b),
  div: ([a, b]) => Math.trunc(Number(a) / Number(b)),
  mod: ([a, b]) => Number(a) % Number(b),
  min: (args) => Math.min(...numbers(args.flat())),
  max: (args) => Math.max(...numbers(args.flat())),
  greater: ([a, b]) => (a as number) > (b as number),
  less: ([a, b]) => (a as number) < (b as number),
  greaterorequals: ([a, b]) => (a as number) >= (b as number),
  lessorequals: ([a, b]) => (a as number) <= (b as number),
  length: ([value]) => (isObject(value) ? Object.keys(value).length : list(value).length),
  empty: ([value]) => (value === null || value === undefined ? true : isObject(value) ? Object.keys(value).length === 0 : list(value).length === 0),
  contains: ([container, item]) => contains(container, item),
  // Sorted by key, as ARM does.
  items: ([value]) =>
    isObject(value)
      ? Object.keys(value)
          .sort()
          .map((key) => ({ key, value: value[key] }))
      : new UnknownValue('items() takes an object'),
  union: (args) => union(args),
  replace: ([value, old, replacement]) => String(value).split(String(old)).join(String(replacement)),
  split: ([value, separator]) => String(value).split(String(separator)),
  join: ([value, delimiter]) => (Array.isArray(value) ? value.map(text).join(String(delimiter)) : new UnknownValue('join() takes an array')),
  // ARM compares text case-insensitively in these three.
  startswith: ([value, prefix]) => String(value).toLowerCase().startsWith(String(prefix).toLowerCase()),
  endswith: ([value, suffix]) => String(value).toLowerCase().endsWith(String(suffix).toLowerCase()),
  indexof: ([value, part]) => String(value).toLowerCase().indexOf(String(part).toLowerCase()),
  substring: ([value, start, length]) => String(value).substring(Number(start ?? 0), length === undefined ? undefined : Number(start ?? 0) + Number(length)),
  skip: ([value, count]) => list(value).slice(Number(count)),
  take: ([value, count]) => list(value).slice(0, Number(count)),
  first: ([value]) => list(value)[0],
  last: ([value]) => {
    const items = list(value);
    return items[items.length - 1];
  },
  tryget: ([target, ...keys]) =>
    keys.reduce<Evaluated>((current, key) => (isObject(current) || Array.isArray(current) ? ((current as Record<string, unknown>)[key as string] ?? null) : null), target),
  subscription: (_, scope) =>
    scope.subscriptionId !== undefined ? { subscriptionId: scope.subscriptionId, id: `/subscriptions/${scope.subscriptionId}` } : new UnknownValue(SUBSCRIPTION_UNKNOWN),
  resourcegroup: (_, scope) => resourceGroup(scope),
  copyindex: (args, scope) => copyIndex(args, scope),
  resourceid: (args, scope) => resourceId(args.map(String), scope, true),
  subscriptionresourceid: (args, scope) => resourceId(args.map(String), scope, false),
};

function parseJson(value: string): Evaluated {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return new UnknownValue(`json() was given text that is not JSON: ${value}`);
  }
  return nestsDeeperThan(parsed, MAX_NESTING) ? new UnknownValue(`json() was given JSON with ${NESTING_TOO_DEEP}`) : parsed;
}

function contains(container: Evaluated, item: Evaluated): boolean {
  if (typeof container === 'string') return container.includes(text(item));
  if (Array.isArray(container)) return container.some((member) => sameJson(member, item));
  return isObject(container) && Object.keys(container).some((key) => key.toLowerCase() === String(item).toLowerCase());
}

/** union() of objects merges their members, later ones winning; of arrays, keeps each distinct item once. */
function union(args: Evaluated[]): Evaluated {
  if (args.every(Array.isArray)) return args.flat().filter((item, index, all) => all.findIndex((other) => sameJson(other, item)) === index);
  return Object.assign({}, ...args.filter(isObject));
}

/** copyIndex([loopName], [offset]): the index of the copy being evaluated, when batchlint counts the loop. */
function copyIndex(args: Evaluated[], scope: EvaluationScope): Evaluated {
  const [loopName, offset] = typeof args[0] === 'string' ? [args[0], args[1]] : [undefined, args[0]];
  const index = scope.copyIndex?.(loopName);
  if (index === undefined) return new UnknownValue(`copyIndex(${loopName === undefined ? '' : `'${loopName}'`}) is not known outside a copy loop with a known count`);
  return index + Number(offset ?? 0);
}

/** resourceGroup(): each part the command line does not give is unknown on its own, naming the option that gives it. */
function resourceGroup(scope: EvaluationScope): Evaluated {
  const name = scope.resourceGroup?.name;
  return {
    name: name ?? new UnknownValue(RESOURCE_GROUP_UNKNOWN),
    location: scope.resourceGroup?.location ?? new UnknownValue(LOCATION_UNKNOWN),
    id:
      name === undefined
        ? new UnknownValue(RESOURCE_GROUP_UNKNOWN)
        : scope.subscriptionId === undefined
          ? new UnknownValue(SUBSCRIPTION_UNKNOWN)
          : `/subscriptions/${scope.subscriptionId}/resourceGroups/${name}`,
  };
}

/** resourceId([subscriptionId], [resourceGroupName], type, name1, name2…) as an ARM resource id. */
function resourceId(args: string[], scope: EvaluationScope, inResourceGroup: boolean): Evaluated {
  const typeIndex = args.findIndex((argument) => argument.includes('/'));
  if (typeIndex === -1) return new UnknownValue('resourceId() needs a resource type');
  const leading = args.slice(0, typeIndex);
  const [namespace, ...types] = args[typeIndex]!.split('/');
  const names = args.slice(typeIndex + 1);
  const subscription = inResourceGroup ? (leading.length === 2 ? leading[0] : scope.subscriptionId) : (leading[0] ?? scope.subscriptionId);
  const group = inResourceGroup ? (leading.length === 2 ? leading[1] : (leading[0] ?? scope.resourceGroup?.name)) : undefined;
  if (subscription === undefined) return new UnknownValue(SUBSCRIPTION_UNKNOWN);
  if (inResourceGroup && group === undefined) return new UnknownValue(RESOURCE_GROUP_UNKNOWN);
  const path = types.map((type, index) => `${type}/${names[index] ?? ''}`).join('/');
  return `/subscriptions/${subscription}${group !== undefined ? `/resourceGroups/${group}` : ''}/providers/${namespace}/${path}`;
}
