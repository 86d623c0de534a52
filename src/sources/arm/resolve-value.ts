import type { Path } from '../../model/location.ts';
import { UnknownValue } from '../../model/unknown.ts';
import { userRecord } from '../../model/user-record.ts';
import { evaluate, type EvaluationScope } from './evaluate.ts';
import { ExpressionSyntaxError, ExpressionTooDeep, parseExpression } from './expression-syntax.ts';

/** Told of an expression string that does not parse, with its path in the document and what the arm-expression rule says. */
export type SyntaxErrorListener = (path: Path, message: string) => void;

/** ARM deploys at most this many copies in one loop; a larger count is not a template that deploys. */
const MAX_COPY_COUNT = 800;

/**
 * A template value with every expression in it evaluated (or unknown); a "[[…]" literal loses one bracket.
 * A property `copy` loop (`"copy": [{ "name", "count", "input" }]`, what Bicep writes for a `for` in a
 * property) becomes the array it builds. An expression that does not parse is unknown, and the listener
 * hears of it with its path.
 */
export function resolveValue(value: unknown, scope: EvaluationScope, path: Path = [], onSyntaxError?: SyntaxErrorListener): unknown {
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, scope, [...path, index], onSyntaxError));
  if (typeof value === 'string') return resolveString(value, scope, path, onSyntaxError);
  if (typeof value !== 'object' || value === null) return value;
  const resolved = userRecord();
  for (const [key, member] of Object.entries(value)) {
    if (key === 'copy' && Array.isArray(member)) continue;
    resolved[key] = resolveValue(member, scope, [...path, key], onSyntaxError);
  }
  const loops = (value as Record<string, unknown>).copy;
  if (Array.isArray(loops)) {
    loops.forEach((loop, index) => {
      if (isCopyLoop(loop)) resolved[loop.name] = copyLoop(loop, scope, [...path, 'copy', index], onSyntaxError);
    });
  }
  return resolved;
}

export interface CopyLoop {
  name: string;
  count: unknown;
  input: unknown;
}

export function isCopyLoop(value: unknown): value is CopyLoop {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && 'input' in value;
}

/** The array a property or variable copy loop builds, each item evaluated with copyIndex('name') at its index. */
export function copyLoop(loop: CopyLoop, scope: EvaluationScope, path: Path, onSyntaxError?: SyntaxErrorListener): unknown {
  const count = copyCount(resolveValue(loop.count, scope, [...path, 'count'], onSyntaxError), loop.name);
  if (count instanceof UnknownValue) return count;
  return Array.from({ length: count }, (_, index) => resolveValue(loop.input, inCopyLoop(scope, loop.name, index, false), [...path, 'input'], onSyntaxError));
}

/** A loop's count as a number of copies, or why it is not one. */
export function copyCount(count: unknown, loopName: string): number | UnknownValue {
  if (count instanceof UnknownValue) return new UnknownValue(`the count of copy loop "${loopName}" is not known (${count.reason})`);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COPY_COUNT)
    return new UnknownValue(`the count of copy loop "${loopName}" is not a number of copies from 0 to ${MAX_COPY_COUNT}`);
  return count;
}

/**
 * The scope one copy of a loop is evaluated in: copyIndex('loopName') is its index; an unnamed copyIndex()
 * means the resource's own loop, so only a resource loop answers it.
 */
export function inCopyLoop(scope: EvaluationScope, loopName: string, index: number, isResourceLoop: boolean): EvaluationScope {
  return {
    parameter: (name) => scope.parameter(name),
    variable: (name) => scope.variable(name),
    subscriptionId: scope.subscriptionId,
    resourceGroup: scope.resourceGroup,
    copyIndex: (name) => ((name === undefined ? isResourceLoop : name.toLowerCase() === loopName.toLowerCase()) ? index : scope.copyIndex?.(name)),
  };
}

function resolveString(value: string, scope: EvaluationScope, path: Path, onSyntaxError?: SyntaxErrorListener): unknown {
  if (!value.startsWith('[') || !value.endsWith(']')) return value;
  if (value.startsWith('[[')) return value.slice(1);
  try {
    return evaluate(parseExpression(value.slice(1, -1)), scope);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError) && !(error instanceof TypeError)) throw error;
    if (error instanceof ExpressionTooDeep) return new UnknownValue(`the template expression at ${path.join('.')} has ${error.message}`);
    if (error instanceof ExpressionSyntaxError) onSyntaxError?.(path, syntaxErrorMessage(value, error));
    return new UnknownValue(`"${value}" is not a valid template expression: ${error.message}`);
  }
}

/** Characters are counted from the opening bracket. */
function syntaxErrorMessage(value: string, error: ExpressionSyntaxError): string {
  return `the template expression ${JSON.stringify(value)} does not parse at character ${error.offset + 2}: ${error.message}; the template is rejected when deployed, and nothing that depends on this value was checked`;
}
