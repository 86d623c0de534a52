import type { BinaryOperator, UnaryOperator } from './ast.ts';

/**
 * The value types of the language (docs: "Types"), plus `deallocationOption` for the bare words assigned to
 * `$NodeDeallocationOption`, and `unknown` where the checker cannot tell (then it reports nothing).
 */
export type ValueType = 'double' | 'doubleVec' | 'string' | 'timestamp' | 'timeinterval' | 'deallocationOption' | 'unknown';

/** double and doubleVec: what the list functions accept (docs: `doubleVecList`). */
export function isNumeric(type: ValueType): boolean {
  return type === 'double' || type === 'doubleVec';
}

/** The result of a binary operation, or `undefined` when the types do not combine (a type error). */
export function binaryResult(operator: BinaryOperator, left: ValueType, right: ValueType): ValueType | undefined {
  if (left === 'unknown' || right === 'unknown') return 'unknown';
  switch (operator) {
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmeticResult(operator, left, right);
    case '&&':
    case '||':
      return isNumeric(left) && isNumeric(right) ? 'double' : undefined;
    default:
      // Comparisons: documented for two operands of one type (double, string, timestamp, timeinterval);
      // two deallocation options are not in the table but are not flagged either.
      if (isNumeric(left) && isNumeric(right)) return 'double';
      return left === right ? 'double' : undefined;
  }
}

function arithmeticResult(operator: '+' | '-' | '*' | '/', left: ValueType, right: ValueType): ValueType | undefined {
  // The docs list doubleVec op double and doubleVec op doubleVec; double op doubleVec is accepted too,
  // as nothing says otherwise and the result is the same vector arithmetic.
  if (isNumeric(left) && isNumeric(right)) return left === 'double' && right === 'double' ? 'double' : 'doubleVec';
  const pair = `${left} ${operator} ${right}`;
  return TIME_ARITHMETIC[pair];
}

/**
 * Arithmetic with times (docs: "Operations"). `timestamp - timeinterval` and `timeinterval / timeinterval`
 * are not in the docs' table but are the natural reading and are accepted, not flagged.
 */
const TIME_ARITHMETIC: Record<string, ValueType> = {
  'double * timeinterval': 'timeinterval',
  'timeinterval * double': 'timeinterval',
  'timeinterval / double': 'timeinterval',
  'timeinterval + timeinterval': 'timeinterval',
  'timeinterval - timeinterval': 'timeinterval',
  'timeinterval / timeinterval': 'double',
  'timeinterval + timestamp': 'timestamp',
  'timestamp + timeinterval': 'timestamp',
  'timestamp - timeinterval': 'timestamp',
  'timestamp - timestamp': 'timeinterval',
};

/** The result of a unary operation, or `undefined` on a type error (docs: `-`, `!` on double; `-` on timeinterval). */
export function unaryResult(operator: UnaryOperator, operand: ValueType): ValueType | undefined {
  if (operand === 'unknown') return 'unknown';
  if (isNumeric(operand)) return operand;
  return operator === '-' && operand === 'timeinterval' ? 'timeinterval' : undefined;
}

/** How a type is named in messages. */
export function typeName(type: ValueType): string {
  return type === 'deallocationOption' ? 'a $NodeDeallocationOption value' : `a ${type}`;
}
