import type { Expression, Formula, MemberAccess, MethodCall, Span } from './ast.ts';
import { EvaluationFault, StopEvaluation } from './evaluation-error.ts';
import { asDouble, describe, FUNCTION_SEMANTICS } from './functions.ts';
import { applyBinary, applyUnary, truthy } from './operations.ts';
import { newestSamples, oldestRecordedAge, recordedValues, sampleWindow, DEFAULT_SAMPLE_PERIOD_SECONDS, type SampleSeries } from './samples.ts';
import { DEALLOCATION_OPTIONS, SERVICE_VARIABLES } from './signatures.ts';
import { TIME_INTERVAL_SECONDS } from './signatures.ts';
import { double, doubleVec, formatValue, timeinterval, timestamp, type Value } from './values.ts';

export type { SampleSeries } from './samples.ts';
export type { Value } from './values.ts';

export interface EvaluationInputs {
  /** The sample variables (`$PendingTasks`, `$CPUPercent`, `$CurrentDedicatedNodes`, …): a history, or one double. */
  variables?: Readonly<Record<string, SampleSeries | number>>;
  /** What `time()` returns; the sample ages count back from it. Default: the current time. */
  now?: Date;
  /** What `rand()` draws from (default Math.random); tests pass a seeded one. */
  random?: () => number;
  /** The pool's targets before this evaluation: what a target reads before the formula sets it. Default 0. */
  targetDedicatedNodes?: number;
  targetLowPriorityNodes?: number;
}

export interface EvaluationError extends Span {
  message: string;
}

export type EvaluationResult =
  | { ok: true; results: string; values: ReadonlyMap<string, Value> }
  /** `results` holds the values set before the failure. */
  | { ok: false; error: EvaluationError; results: string; values: ReadonlyMap<string, Value> };

const DEDICATED = '$TargetDedicatedNodes';
const LOW_PRIORITY = '$TargetLowPriorityNodes';
const DEALLOCATION = '$NodeDeallocationOption';
/** The legacy aliases; when a formula sets both names, the full name wins (docs, note under the read-write table). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['$TargetDedicated', DEDICATED],
  ['$TargetLowPriority', LOW_PRIORITY],
]);

/**
 * Evaluates a formula as the service's "evaluate autoscale" does, on the given samples. The results list
 * the two targets and `$NodeDeallocationOption`, then the user variables by name, as `$name=value` pairs
 * joined by `;` (the form of the REST `AutoScaleRun.results`).
 */
export function evaluateFormula(formula: Formula, inputs: EvaluationInputs = {}): EvaluationResult {
  return new Evaluator(inputs).run(formula);
}

class Evaluator {
  /** Service read-write variables and their aliases, by the name written. */
  private readonly targets = new Map<string, Value>();
  /** User variables by their name without `$` (`$n` and `n` are one variable), with the name first written. */
  private readonly userVariables = new Map<string, { written: string; value: Value }>();
  private readonly now: Date;
  private readonly random: () => number;

  constructor(private readonly inputs: EvaluationInputs) {
    this.now = inputs.now ?? new Date();
    this.random = inputs.random ?? Math.random;
  }

  run(formula: Formula): EvaluationResult {
    for (const statement of formula.statements) {
      try {
        if (statement.kind === 'assignment') this.assign(statement.target.text, this.evaluate(statement.value), statement);
        else this.evaluate(statement.expression);
      } catch (error) {
        if (error instanceof StopEvaluation) break;
        if (!(error instanceof EvaluationFault)) throw error;
        const span = error.span ?? statement;
        return { ok: false, error: { message: error.message, offset: span.offset, length: span.length }, ...this.results() };
      }
    }
    return { ok: true, ...this.results() };
  }

  private results(): { results: string; values: ReadonlyMap<string, Value> } {
    const values = new Map<string, Value>([
      [DEDICATED, double(this.finalTarget(DEDICATED))],
      [LOW_PRIORITY, double(this.finalTarget(LOW_PRIORITY))],
      [DEALLOCATION, this.targets.get(DEALLOCATION) ?? { kind: 'deallocationOption', value: 'requeue' }],
    ]);
    const users = [...this.userVariables.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, { written, value }] of users) values.set(written, value);
    const results = [...values].map(([name, value]) => `${name}=${formatValue(value)}`).join(';');
    return { results, values };
  }

  private finalTarget(name: string): number {
    const alias = [...ALIASES].find(([, full]) => full === name)?.[0];
    const value = this.targets.get(name) ?? (alias === undefined ? undefined : this.targets.get(alias));
    return value === undefined ? this.initialTarget(name) : asDouble(value);
  }

  private initialTarget(name: string): number {
    const full = ALIASES.get(name) ?? name;
    return (full === DEDICATED ? this.inputs.targetDedicatedNodes : this.inputs.targetLowPriorityNodes) ?? 0;
  }

  private assign(name: string, value: Value, where: Span): void {
    const service = SERVICE_VARIABLES.get(name);
    if (service?.access === 'read-only') throw new EvaluationFault(`${name} is read-only`, where);
    if (service?.target) {
      // A one-sample vector assigned to a target stands for its sample; anything else is not a node count.
      this.targets.set(name, double(this.at(where, () => asDouble(value))));
    } else if (service) {
      if (value.kind !== 'deallocationOption') throw new EvaluationFault(`${name} takes requeue, terminate, taskcompletion or retaineddata, not ${describe(value)}`, where);
      this.targets.set(name, value);
    } else {
      const key = userKey(name);
      this.userVariables.set(key, { written: this.userVariables.get(key)?.written ?? name, value });
    }
  }

  private evaluate(expression: Expression): Value {
    switch (expression.kind) {
      case 'number':
        return double(expression.value);
      case 'string':
        return { kind: 'string', value: expression.value };
      case 'identifier':
        return this.read(expression.name, expression);
      case 'vector':
        return doubleVec(expression.elements.flatMap((element) => this.at(element, () => numbers(this.evaluate(element)))));
      case 'call':
        return this.call(expression.callee.text, expression.args, expression);
      case 'method':
        return this.method(expression);
      case 'member':
        return this.member(expression);
      case 'unary': {
        const operand = this.evaluate(expression.operand);
        return this.at(expression, () => applyUnary(expression.operator, operand));
      }
      case 'binary': {
        const left = this.evaluate(expression.left);
        const right = this.evaluate(expression.right);
        return this.at(expression, () => applyBinary(expression.operator, left, right));
      }
      case 'conditional': {
        const test = this.evaluate(expression.test);
        return this.at(expression.test, () => truthy(test)) ? this.evaluate(expression.consequent) : this.evaluate(expression.alternate);
      }
    }
  }

  /** Runs an operation, placing a fault it throws at `span`. */
  private at<T>(span: Span, operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      if (error instanceof EvaluationFault && !error.span) throw new EvaluationFault(error.message, span);
      throw error;
    }
  }

  private read(name: string, where: Span): Value {
    const seconds = TIME_INTERVAL_SECONDS.get(name);
    if (seconds !== undefined) return timeinterval(seconds);
    if (DEALLOCATION_OPTIONS.has(name)) return { kind: 'deallocationOption', value: name };
    const service = SERVICE_VARIABLES.get(name);
    if (service?.target) return this.targets.get(name) ?? double(this.initialTarget(name));
    if (name === DEALLOCATION) return this.targets.get(name) ?? { kind: 'deallocationOption', value: 'requeue' };
    if (service) {
      const given = this.inputs.variables?.[name];
      if (typeof given === 'number') return double(given);
      const newest = given ? recordedValues(given).at(-1) : undefined;
      if (newest === undefined) throw new EvaluationFault(`no sample of ${name} was given`, where);
      return double(newest);
    }
    const user = this.userVariables.get(userKey(name));
    if (!user) throw new EvaluationFault(`${name} is read before it is set`, where);
    return user.value;
  }

  private call(name: string, argExpressions: Expression[], where: Span): Value {
    const semantics = FUNCTION_SEMANTICS.get(name);
    if (!semantics) throw new EvaluationFault(`${name} is not a function`, where);
    const args = argExpressions.map((arg) => this.evaluate(arg));
    return this.at(where, () => semantics(args, { now: this.now, random: this.random }));
  }

  private method(call: MethodCall): Value {
    const series = this.series(call.target);
    const args = call.args.map((arg) => this.evaluate(arg));
    const name = call.method.text;
    const period = series.periodSeconds ?? DEFAULT_SAMPLE_PERIOD_SECONDS;
    return this.at(call, () => {
      switch (name) {
        case 'GetSample':
          return this.getSample(series, args);
        case 'GetSamplePercent': {
          const [from, to] = [this.age(args[0]), args[1] === undefined ? 0 : this.age(args[1])];
          return double(sampleWindow(series, from, to).percent);
        }
        case 'Count':
          return double(recordedValues(series).length);
        case 'GetSamplePeriod':
          return timeinterval(period);
        case 'HistoryBeginTime': {
          const age = oldestRecordedAge(series);
          if (age === undefined) throw new EvaluationFault('the metric has no recorded sample');
          return timestamp(this.now.getTime() - age * 1000);
        }
        default:
          throw new EvaluationFault(`${name} is not a method of a sample variable`);
      }
    });
  }

  /** GetSample(count) | GetSample(start [, samplePercent]) | GetSample(start, end [, samplePercent]). */
  private getSample(series: SampleSeries, args: Value[]): Value {
    const [first, second, third] = args;
    if (first?.kind === 'double' && args.length === 1) return doubleVec(newestSamples(series, first.value));
    const from = this.age(first);
    const hasEnd = second !== undefined && second.kind !== 'double';
    const to = hasEnd ? this.age(second) : 0;
    const percentArg = hasEnd ? third : second;
    const required = percentArg === undefined ? 0 : asDouble(percentArg);
    const window = sampleWindow(series, from, to);
    if (window.percent < required) {
      throw new EvaluationFault(
        `GetSample asks for ${required}% of the samples in its window, but only ${round(window.percent)}% (${window.values.length}) are recorded: the evaluation fails and the pool is not resized`,
      );
    }
    return doubleVec(window.values);
  }

  /** A window bound as an age in seconds: a time interval back from now, or a timestamp. */
  private age(value: Value | undefined): number {
    if (value?.kind === 'timeinterval') return value.seconds;
    if (value?.kind === 'timestamp') return (this.now.getTime() - value.epochMs) / 1000;
    throw new EvaluationFault(`a sample window is bounded by a timestamp or a timeinterval, not ${describe(value)}`);
  }

  private series(target: Expression): SampleSeries {
    if (target.kind !== 'identifier' || !SERVICE_VARIABLES.has(target.name)) throw new EvaluationFault('only service variables have samples', target);
    const given = this.inputs.variables?.[target.name];
    if (given === undefined) {
      const service = SERVICE_VARIABLES.get(target.name);
      if (service?.target) return { values: [asDouble(this.read(target.name, target))] };
      throw new EvaluationFault(`no samples of ${target.name} were given`, target);
    }
    return typeof given === 'number' ? { values: [given] } : given;
  }

  private member(access: MemberAccess): Value {
    const target = this.evaluate(access.target);
    if (target.kind !== 'timestamp') throw new EvaluationFault(`${describe(target)} has no member ${access.member.text}`, access);
    const date = new Date(target.epochMs);
    const members: Record<string, number> = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      // 1 is Monday (docs); Sunday is taken as 0, as .NET's DayOfWeek counts: the docs do not say.
      weekday: date.getUTCDay(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
    const value = members[access.member.text];
    if (value === undefined) throw new EvaluationFault(`a timestamp has no member ${access.member.text}`, access.member);
    return double(value);
  }
}

function userKey(name: string): string {
  return name.startsWith('$') ? name.slice(1) : name;
}

function numbers(value: Value): number[] {
  return value.kind === 'doubleVec' ? value.values : [asDouble(value)];
}

function round(percent: number): number {
  return Math.round(percent * 10) / 10;
}
