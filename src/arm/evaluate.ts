import { isUnknown, UnknownValue } from '../sources/unknown.ts';
import type { Expression } from './expression-syntax.ts';

/** What an expression can see: parameter and variable values (possibly unknown) and the deployment scope. */
export interface EvaluationScope {
  parameter(name: string): unknown;
  variable(name: string): unknown;
  subscriptionId?: string;
  resourceGroup?: { name?: string; location?: string };
}

type Evaluated = unknown;
type TemplateFunction = (args: Evaluated[], scope: EvaluationScope) => Evaluated;

/**
 * Evaluates the side-effect-free subset of the template language that pool definitions use. Anything
 * else — reference(), list*(), uniqueString(), utcNow()… — is an UnknownValue naming the function, and
 * unknown arguments make unknown results: a value is never guessed.
 */
export function evaluate(expression: Expression, scope: EvaluationScope): Evaluated {
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
  const lower = name.toLowerCase();
  if (lower === 'if') return ifFunction(argExpressions, scope);
  const args = argExpressions.map((argument) => evaluate(argument, scope));
  if (lower === 'coalesce') return coalesce(args);
  const unknown = args.find(isUnknown);
  if (unknown) return unknown;
  const implementation = FUNCTIONS[lower];
  if (!implementation) return new UnknownValue(`${name}() is not evaluated offline`);
  return implementation(args, scope);
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

function member(target: unknown, key: string | number): Evaluated {
  if (typeof target !== 'object' || target === null) return new UnknownValue(`cannot read "${key}" of ${JSON.stringify(target)}`);
  const value = (target as Record<string | number, unknown>)[key];
  return value === undefined ? new UnknownValue(`the value has no "${key}"`) : value;
}

const text = (value: Evaluated): string => (typeof value === 'string' ? value : JSON.stringify(value));
const numbers = (args: Evaluated[]): number[] => args.map((value) => Number(value));
const list = (value: Evaluated): unknown[] | string => (Array.isArray(value) || typeof value === 'string' ? value : []);

const FUNCTIONS: Record<string, TemplateFunction> = {
  parameters: ([name], scope) => scope.parameter(String(name)),
  variables: ([name], scope) => scope.variable(String(name)),
  concat: (args) => (args.every(Array.isArray) ? args.flat() : args.map(text).join('')),
  format: ([pattern, ...values]) =>
    String(pattern).replace(/\{\{|\}\}|\{(\d+)(?::[^}]*)?\}/g, (match, index: string | undefined) => (index === undefined ? match[0]! : text(values[Number(index)]))),
  tolower: ([value]) => String(value).toLowerCase(),
  toupper: ([value]) => String(value).toUpperCase(),
  equals: ([a, b]) => JSON.stringify(a) === JSON.stringify(b),
  not: ([value]) => !value,
  and: (args) => args.every(Boolean),
  or: (args) => args.some(Boolean),
  true: () => true,
  false: () => false,
  int: ([value]) => Math.trunc(Number(value)),
  string: ([value]) => text(value),
  add: (args) => numbers(args).reduce((a, b) => a + b),
  sub: ([a, b]) => Number(a) - Number(b),
  mul: (args) => numbers(args).reduce((a, b) => a * b),
  div: ([a, b]) => Math.trunc(Number(a) / Number(b)),
  min: (args) => Math.min(...numbers(args.flat())),
  max: (args) => Math.max(...numbers(args.flat())),
  length: ([value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).length : list(value).length),
  empty: ([value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).length === 0 : list(value).length === 0),
  replace: ([value, old, replacement]) => String(value).split(String(old)).join(String(replacement)),
  split: ([value, separator]) => String(value).split(String(separator)),
  first: ([value]) => list(value)[0],
  last: ([value]) => {
    const items = list(value);
    return items[items.length - 1];
  },
  subscription: (_, scope) => (scope.subscriptionId ? { subscriptionId: scope.subscriptionId, id: `/subscriptions/${scope.subscriptionId}` } : new UnknownValue('the subscription is not known (give --subscription)')),
  resourcegroup: (_, scope) =>
    scope.resourceGroup?.name !== undefined || scope.resourceGroup?.location !== undefined
      ? { ...scope.resourceGroup }
      : new UnknownValue('the resource group is not known (give --resource-group and --location)'),
  resourceid: (args, scope) => resourceId(args.map(String), scope, true),
  subscriptionresourceid: (args, scope) => resourceId(args.map(String), scope, false),
};

/** resourceId([subscriptionId], [resourceGroupName], type, name1, name2…) as an ARM resource id. */
function resourceId(args: string[], scope: EvaluationScope, inResourceGroup: boolean): Evaluated {
  const typeIndex = args.findIndex((argument) => argument.includes('/'));
  if (typeIndex === -1) return new UnknownValue('resourceId() needs a resource type');
  const leading = args.slice(0, typeIndex);
  const [namespace, ...types] = args[typeIndex]!.split('/');
  const names = args.slice(typeIndex + 1);
  const subscription = inResourceGroup ? (leading.length === 2 ? leading[0] : scope.subscriptionId) : (leading[0] ?? scope.subscriptionId);
  const group = inResourceGroup ? (leading.length === 2 ? leading[1] : (leading[0] ?? scope.resourceGroup?.name)) : undefined;
  if (subscription === undefined) return new UnknownValue('the subscription is not known (give --subscription)');
  if (inResourceGroup && group === undefined) return new UnknownValue('the resource group is not known (give --resource-group)');
  const path = types.map((type, index) => `${type}/${names[index] ?? ''}`).join('/');
  return `/subscriptions/${subscription}${group !== undefined ? `/resourceGroups/${group}` : ''}/providers/${namespace}/${path}`;
}
