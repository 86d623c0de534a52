import type { Expression, Formula, MethodCall } from './ast.ts';
import { TIME_INTERVAL_SECONDS } from './signatures.ts';
import { expressionsOf } from './walk.ts';

/** A `$Variable.GetSample(…)` call, in the form the docs distinguish. */
export interface SampleCall {
  call: MethodCall;
  /** `$PendingTasks`, as written. */
  variable: string;
  /** `GetSample(count)`: the last samples, however old; `window`: the samples of a time window; `unknown`: the first argument does not say. */
  form: 'count' | 'window' | 'unknown';
  /**
   * How far back the window reaches, in seconds, when its bounds are constants such as `TimeInterval_Minute * 5`:
   * the start, or the farther of start and end in `GetSample(start, end[, percent])`.
   */
  lookBackSeconds?: number;
  /** A sample percent is given, or the formula checks GetSamplePercent of the same variable. */
  guarded: boolean;
  /** The formula also reads the variable over a time window or checks its sample percent, so it does not rest on the last samples alone. */
  alsoWindowed: boolean;
}

export function sampleCalls(formula: Formula): SampleCall[] {
  const methods = expressionsOf(formula).filter((expression): expression is MethodCall => expression.kind === 'method' && expression.target.kind === 'identifier');
  const name = (call: MethodCall) => (call.target.kind === 'identifier' ? call.target.name : '');
  const percentChecked = new Set(methods.filter((call) => call.method.text === 'GetSamplePercent').map(name));
  const samples = methods.filter((call) => call.method.text === 'GetSample' && call.args.length > 0);
  const windowed = new Set([...percentChecked, ...samples.filter((call) => !isPlainNumber(call.args[0]!)).map(name)]);
  return samples.map((call) => {
    const start = call.args[0]!;
    const startSeconds = lookBack(call.args);
    const form = isPlainNumber(start) ? 'count' : isTimeLike(start) ? 'window' : 'unknown';
    // GetSample(start, percent) and GetSample(start, end, percent): a last argument that is not a time is the percent.
    const hasPercent = call.args.length >= 2 && !isTimeLike(call.args[call.args.length - 1]!);
    return {
      call,
      variable: name(call),
      form,
      ...(startSeconds !== undefined && { lookBackSeconds: startSeconds }),
      guarded: hasPercent || percentChecked.has(name(call)),
      alsoWindowed: windowed.has(name(call)),
    };
  });
}

function lookBack(args: readonly Expression[]): number | undefined {
  const start = intervalSeconds(args[0]!);
  const end = args[1] && isTimeLike(args[1]) ? intervalSeconds(args[1]) : 0;
  return start === undefined || end === undefined ? undefined : Math.max(start, end);
}

/** The seconds of a constant time interval (`TimeInterval_Minute * 5`, `30 * TimeInterval_Second`); undefined otherwise. */
function intervalSeconds(expression: Expression): number | undefined {
  if (expression.kind === 'identifier') return TIME_INTERVAL_SECONDS.get(expression.name);
  if (expression.kind !== 'binary' || (expression.operator !== '*' && expression.operator !== '/')) return undefined;
  const left = intervalSeconds(expression.left);
  const right = expression.right.kind === 'number' ? expression.right.value : undefined;
  if (left !== undefined && right !== undefined) return expression.operator === '*' ? left * right : left / right;
  const leftNumber = expression.left.kind === 'number' ? expression.left.value : undefined;
  const rightInterval = intervalSeconds(expression.right);
  return expression.operator === '*' && leftNumber !== undefined && rightInterval !== undefined ? leftNumber * rightInterval : undefined;
}

/** Built from TimeInterval_ constants or time(): a start or end, never a count or a percent. */
function isTimeLike(expression: Expression): boolean {
  return expressionsWithin(expression).some(
    (inner) => (inner.kind === 'identifier' && TIME_INTERVAL_SECONDS.has(inner.name)) || (inner.kind === 'call' && inner.callee.text === 'time'),
  );
}

function expressionsWithin(expression: Expression): Expression[] {
  return expressionsOf({ offset: 0, length: 0, statements: [{ kind: 'expression', offset: 0, length: 0, expression }] });
}

function isPlainNumber(expression: Expression): boolean {
  return expression.kind === 'number' || (expression.kind === 'unary' && expression.operand.kind === 'number');
}
