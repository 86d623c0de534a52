import { isHclExpression } from '../../documents/hcl/hcl-expression.ts';
import type { Expression, TemplatePart } from '../../documents/hcl/syntax.ts';
import { isUnknown, unknownValue } from '../../model/unknown.ts';
import { userRecord } from '../../model/user-record.ts';
import { isOversized, MAX_NESTING, NESTING_TOO_DEEP, OVERSIZED } from '../../model/nesting.ts';

/** What names mean where an expression is evaluated. */
export interface Scope {
  /** `var.<name>`: its value, or unknown with the reason. */
  variable(name: string): unknown;
  /** `local.<name>`. */
  local(name: string): unknown;
  /** A `dynamic` block's iterator (`<name>.key`, `<name>.value`), when inside its content. */
  iterator(name: string): { key: unknown; value: unknown } | undefined;
}

/** Where a reference's value comes from when Terraform alone knows it, by the first name of the reference. */
const RUN_TIME_ROOTS: Readonly<Record<string, string>> = {
  data: 'is read by a data source when Terraform runs',
  module: 'is an output of another module',
  each: 'depends on for_each',
  count: 'depends on count',
  self: 'is known only when the resource is created',
  path: 'is a path on the machine that runs Terraform',
  terraform: 'depends on the Terraform workspace',
};

/**
 * Evaluates what can be known before Terraform runs: literals, variables and locals, string interpolation
 * of known parts, conditionals and operators over known values. Everything else (other resources'
 * attributes, function calls, `for` and splat expressions, template directives) is an UnknownValue whose
 * reason names the expression; nothing is guessed.
 */
export function evaluate(node: Expression, text: string, scope: Scope): unknown {
  const source = () => text.slice(node.span.offset, Math.min(node.span.end, node.span.offset + 80));
  return bounded(
    () => {
      const value = evaluateNode(node, text, scope);
      return isOversized(value) ? unknownValue(`${source()} builds a value ${OVERSIZED}`) : value;
    },
    () => `${source()} is evaluated`,
  );
}

/**
 * How deep evaluation has gone, across the locals and variables an expression reads (each is evaluated in
 * turn, inside this one). Each expression is bounded by the reader, but not a chain of locals.
 */
let evaluationDepth = 0;
const MAX_EVALUATION_DEPTH = 3 * MAX_NESTING;

function bounded(compute: () => unknown, what: () => string): unknown {
  if (evaluationDepth >= MAX_EVALUATION_DEPTH) return unknownValue(`${what()} through locals and expressions with ${NESTING_TOO_DEEP}`);
  evaluationDepth++;
  try {
    return compute();
  } finally {
    evaluationDepth--;
  }
}

function evaluateNode(node: Expression, text: string, scope: Scope): unknown {
  const source = () => text.slice(node.span.offset, node.span.end);
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'parentheses':
      return evaluate(node.expression, text, scope);
    case 'template':
      return template(node.parts, text, scope, source);
    case 'tuple':
      return node.items.map((item) => evaluate(item, text, scope));
    case 'object':
      return object(node.items, text, scope);
    case 'variable':
    case 'attribute':
    case 'index':
      return reference(node, text, scope);
    case 'conditional': {
      const condition = evaluate(node.condition, text, scope);
      if (isUnknown(condition)) return condition;
      if (typeof condition !== 'boolean') return unknownValue(`the condition of ${source()} is not a boolean`);
      return evaluate(condition ? node.whenTrue : node.whenFalse, text, scope);
    }
    case 'unary':
      return unary(node.operator, evaluate(node.operand, text, scope), source);
    case 'binary':
      return binary(node.operator, evaluate(node.left, text, scope), evaluate(node.right, text, scope), source);
    case 'call':
      return unknownValue(`${source()} calls ${node.name}(), which is not evaluated before Terraform runs`);
    case 'for':
    case 'splat':
      return unknownValue(`${source()} is not evaluated before Terraform runs`);
  }
}

/** A value from a document or a variables file, with its expressions evaluated (deep). */
export function resolve(value: unknown, scope: Scope): unknown {
  if (isHclExpression(value)) return evaluate(value.node, value.documentText, scope);
  if (Array.isArray(value) || (typeof value === 'object' && value !== null && !isUnknown(value)))
    return bounded(
      () => resolveContainer(value, scope),
      () => 'a value',
    );
  return value;
}

function resolveContainer(value: object, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, scope));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, scope)]));
}

function template(parts: TemplatePart[], text: string, scope: Scope, source: () => string): unknown {
  const [only] = parts;
  // "${x}" alone is x itself, of whatever type.
  if (parts.length === 1 && only?.kind === 'interpolation') return evaluate(only.expression, text, scope);
  let result = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      result += part.value;
    } else if (part.kind === 'directive') {
      return unknownValue(`${source()} has a template directive, which is not evaluated before Terraform runs`);
    } else {
      const value = evaluate(part.expression, text, scope);
      if (isUnknown(value)) return value;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return unknownValue(`${text.slice(part.span.offset, part.span.end)} in ${source()} is not a string`);
      }
      result += String(value);
      if (isOversized(result)) return unknownValue(`${source().slice(0, 80)} builds a value ${OVERSIZED}`);
    }
  }
  return result;
}

function object(items: Extract<Expression, { kind: 'object' }>['items'], text: string, scope: Scope): unknown {
  const result = userRecord();
  for (const item of items) {
    const key = evaluate(item.key, text, scope);
    if (isUnknown(key)) return key;
    result[String(key)] = evaluate(item.value, text, scope);
  }
  return result;
}

/** `var.x.y[0]`, `local.z`, an iterator, or a reference Terraform alone can resolve. */
function reference(node: Expression, text: string, scope: Scope): unknown {
  const steps: Expression[] = [];
  let root = node;
  while (root.kind === 'attribute' || root.kind === 'index') {
    steps.unshift(root);
    root = root.target;
  }
  const source = text.slice(node.span.offset, node.span.end);
  if (root.kind !== 'variable') return step(evaluate(root, text, scope), steps, text, scope, source);
  const iterator = scope.iterator(root.name);
  if (iterator) return step(iterator, steps, text, scope, source);
  const [first, ...rest] = steps;
  const name = first?.kind === 'attribute' ? first.name : undefined;
  if ((root.name === 'var' || root.name === 'local') && name !== undefined) {
    return step(root.name === 'var' ? scope.variable(name) : scope.local(name), rest, text, scope, source);
  }
  const why =
    (Object.hasOwn(RUN_TIME_ROOTS, root.name) ? RUN_TIME_ROOTS[root.name] : undefined) ??
    (steps.length >= 2 ? "is another resource's attribute, known only after it is created" : 'is not a name this module defines');
  return unknownValue(`${source} ${why}`);
}

function step(start: unknown, steps: Expression[], text: string, scope: Scope, source: string): unknown {
  let value = start;
  for (const next of steps) {
    if (isUnknown(value)) return value;
    const key = next.kind === 'attribute' ? next.name : next.kind === 'index' ? evaluate(next.key, text, scope) : undefined;
    if (isUnknown(key)) return key;
    const container = value as Record<string, unknown> | unknown[] | null;
    const found =
      typeof container === 'object' && container !== null && (typeof key === 'string' || typeof key === 'number') ? (container as Record<string, unknown>)[key] : undefined;
    if (found === undefined) return unknownValue(`${source} has no ${JSON.stringify(key)}`);
    value = found;
  }
  return value;
}

function unary(operator: string, operand: unknown, source: () => string): unknown {
  if (isUnknown(operand)) return operand;
  if (operator === '!' && typeof operand === 'boolean') return !operand;
  if (operator === '-' && typeof operand === 'number') return -operand;
  return unknownValue(`${source()} does not apply to its operand`);
}

function binary(operator: string, left: unknown, right: unknown, source: () => string): unknown {
  if (operator === '==' || operator === '!=') {
    if (isUnknown(left)) return left;
    if (isUnknown(right)) return right;
    if (typeof left === 'object' && left !== null) return unknownValue(`${source()} compares collections, which is not evaluated`);
    return (left === right) === (operator === '==');
  }
  if (isUnknown(left)) return left;
  if (isUnknown(right)) return right;
  if ((operator === '&&' || operator === '||') && typeof left === 'boolean' && typeof right === 'boolean') return operator === '&&' ? left && right : left || right;
  const a = typeof left === 'string' && left.trim() !== '' ? Number(left) : left;
  const b = typeof right === 'string' && right.trim() !== '' ? Number(right) : right;
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return unknownValue(`${source()} needs numbers`);
  const results: Record<string, () => number | boolean> = {
    '+': () => a + b,
    '-': () => a - b,
    '*': () => a * b,
    '/': () => a / b,
    '%': () => a % b,
    '<': () => a < b,
    '>': () => a > b,
    '<=': () => a <= b,
    '>=': () => a >= b,
  };
  return results[operator]?.() ?? unknownValue(`${source()} is not evaluated`);
}
