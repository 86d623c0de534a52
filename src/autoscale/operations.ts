import type { BinaryOperator, UnaryOperator } from './ast.ts';
import { EvaluationFault } from './evaluation-error.ts';
import { asDouble, describe } from './functions.ts';
import { double, doubleVec, timeinterval, timestamp, type Value } from './values.ts';

/** A binary operation on two values (docs: "Operations"); throws on operands that do not combine. */
export function applyBinary(operator: BinaryOperator, left: Value, right: Value): Value {
  switch (operator) {
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(operator, left, right);
    case '&&':
      return double(truthy(left) && truthy(right) ? 1 : 0);
    case '||':
      return double(truthy(left) || truthy(right) ? 1 : 0);
    default:
      return double(compare(operator, comparable(left), comparable(right)) ? 1 : 0);
  }
}

export function applyUnary(operator: UnaryOperator, operand: Value): Value {
  if (operator === '!') return double(truthy(operand) ? 0 : 1);
  if (operand.kind === 'timeinterval') return timeinterval(-operand.seconds);
  if (operand.kind === 'doubleVec') return doubleVec(operand.values.map((value) => -value));
  return double(-asDouble(operand));
}

/** Nonzero is true (docs: the ternary operator). */
export function truthy(value: Value): boolean {
  return asDouble(value) !== 0;
}

const NUMBER_OPERATIONS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
};

function arithmetic(operator: '+' | '-' | '*' | '/', left: Value, right: Value): Value {
  const apply = NUMBER_OPERATIONS[operator];
  if (left.kind === 'doubleVec' || right.kind === 'doubleVec') return vectorArithmetic(apply, left, right);
  if (left.kind === 'double' && right.kind === 'double') return double(apply(left.value, right.value));
  const time = timeArithmetic(operator, left, right);
  if (time) return time;
  throw new EvaluationFault(`${describe(left)} ${operator} ${describe(right)} is not an operation of the language`);
}

function vectorArithmetic(apply: (a: number, b: number) => number, left: Value, right: Value): Value {
  if (left.kind === 'doubleVec' && right.kind === 'doubleVec') {
    if (left.values.length !== right.values.length) throw new EvaluationFault(`vectors of ${left.values.length} and ${right.values.length} values do not combine`);
    return doubleVec(left.values.map((value, index) => apply(value, right.values[index]!)));
  }
  if (left.kind === 'doubleVec') {
    const scalar = asDouble(right);
    return doubleVec(left.values.map((value) => apply(value, scalar)));
  }
  const scalar = asDouble(left);
  return doubleVec((right as { values: number[] }).values.map((value) => apply(scalar, value)));
}

function timeArithmetic(operator: '+' | '-' | '*' | '/', left: Value, right: Value): Value | undefined {
  const MS = 1000;
  if (left.kind === 'timeinterval' && right.kind === 'timeinterval') {
    if (operator === '+') return timeinterval(left.seconds + right.seconds);
    if (operator === '-') return timeinterval(left.seconds - right.seconds);
    if (operator === '/') return double(left.seconds / right.seconds);
  }
  if (left.kind === 'timeinterval' && right.kind === 'double' && (operator === '*' || operator === '/')) {
    return timeinterval(operator === '*' ? left.seconds * right.value : left.seconds / right.value);
  }
  if (left.kind === 'double' && right.kind === 'timeinterval' && operator === '*') return timeinterval(left.value * right.seconds);
  if (left.kind === 'timestamp' && right.kind === 'timeinterval' && (operator === '+' || operator === '-')) {
    return timestamp(left.epochMs + (operator === '+' ? 1 : -1) * right.seconds * MS);
  }
  if (left.kind === 'timeinterval' && right.kind === 'timestamp' && operator === '+') return timestamp(right.epochMs + left.seconds * MS);
  if (left.kind === 'timestamp' && right.kind === 'timestamp' && operator === '-') return timeinterval((left.epochMs - right.epochMs) / MS);
  return undefined;
}

function comparable(value: Value): number | string {
  switch (value.kind) {
    case 'timestamp':
      return value.epochMs;
    case 'timeinterval':
      return value.seconds;
    case 'string':
    case 'deallocationOption':
      return value.value;
    default:
      return asDouble(value);
  }
}

function compare(operator: BinaryOperator, left: number | string, right: number | string): boolean {
  if (typeof left !== typeof right) throw new EvaluationFault(`cannot compare a ${typeof left} with a ${typeof right}`);
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '==':
      return left === right;
    default:
      return left !== right;
  }
}
