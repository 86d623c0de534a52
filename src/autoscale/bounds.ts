import { ABSTRACT_FUNCTIONS } from './abstract-functions.ts';
import { abstractDouble, growthOf, joinValues, OTHER, rangeOf, type AbstractValue } from './abstract-values.ts';
import type { BinaryExpression, Expression, Formula, MethodCall, Span, Statement } from './ast.ts';
import { add, ANY, BOOLEAN, contains, divide, interval, isPoint, multiply, negate, NON_NEGATIVE, point, subtract, type Interval } from './interval.ts';
import { SERVICE_VARIABLES } from './signatures.ts';

/** The largest value a target can take, or why the analysis finds none, at the assignment that makes it so. */
export type Bound = { max: number } | { unbounded: true; reason: string; span: Span };

/** What is known of the pool when the formula runs; anything not given can be any count. */
export interface BoundsContext {
  currentDedicatedNodes?: number;
  currentLowPriorityNodes?: number;
  /** The pool's targets before the evaluation: what a target keeps when the formula does not set it. */
  targetDedicatedNodes?: number;
  targetLowPriorityNodes?: number;
}

export interface TargetBounds {
  dedicated: Bound;
  lowPriority: Bound;
}

const PERCENT_VARIABLES: ReadonlySet<string> = new Set(['$CPUPercent']);
const TARGET_NAMES = {
  dedicated: ['$TargetDedicatedNodes', '$TargetDedicated'],
  lowPriority: ['$TargetLowPriorityNodes', '$TargetLowPriority'],
} as const;
const TIMESTAMP_MEMBER_RANGES: Readonly<Record<string, Interval>> = {
  year: interval(1, 9999),
  month: interval(1, 12),
  day: interval(1, 31),
  weekday: interval(0, 7),
  hour: interval(0, 23),
  minute: interval(0, 59),
  second: interval(0, 60),
};

/**
 * The upper bound of the final `$TargetDedicatedNodes` and `$TargetLowPriorityNodes` (or their legacy aliases)
 * over every possible metric: samples range over [0, +∞) (`$CPUPercent` over [0, 100]), statements run in order,
 * and a condition the analysis cannot decide gives the join of both branches. Sound for the max: the formula
 * never produces a larger target; where it cannot bound, it says why.
 */
export function targetBounds(formula: Formula, context: BoundsContext = {}): TargetBounds {
  return new BoundsWalker(context).run(formula);
}

interface Cap {
  key: string;
  hi: number;
}

interface TargetState {
  value: AbstractValue;
  span: Span;
}

class BoundsWalker {
  private readonly targets = new Map<string, TargetState>();
  private readonly userVariables = new Map<string, AbstractValue>();
  /** The targets wherever `stop()` may end the evaluation early. */
  private readonly stops: Map<string, TargetState>[] = [];
  /** Upper ends that the conditions around the expression being walked put on variables. */
  private readonly caps: Cap[] = [];

  constructor(private readonly context: BoundsContext) {}

  run(formula: Formula): TargetBounds {
    for (const statement of formula.statements) this.statement(statement);
    const exits = [new Map(this.targets), ...this.stops];
    return {
      dedicated: this.bound(exits, TARGET_NAMES.dedicated, this.context.targetDedicatedNodes),
      lowPriority: this.bound(exits, TARGET_NAMES.lowPriority, this.context.targetLowPriorityNodes),
    };
  }

  private statement(statement: Statement): void {
    if (statement.kind === 'expression') {
      this.value(statement.expression);
      return;
    }
    const name = statement.target.text;
    const value = this.value(statement.value);
    if (SERVICE_VARIABLES.get(name)?.target) this.targets.set(name, { value, span: { offset: statement.offset, length: statement.length } });
    else if (!SERVICE_VARIABLES.has(name)) this.userVariables.set(userKey(name), value);
  }

  /** The largest final value over every way out of the formula; the full name wins over its alias (docs). */
  private bound(exits: Map<string, TargetState>[], [full, alias]: readonly [string, string], keeps: number | undefined): Bound {
    let max = -Infinity;
    for (const exit of exits) {
      const state = exit.get(full) ?? exit.get(alias);
      if (!state) {
        if (keeps === undefined) {
          const how = exits.some((other) => other.has(full) || other.has(alias)) ? 'does not always set' : 'never sets';
          return { unbounded: true, reason: `the formula ${how} ${full}: the pool keeps its current target, which is not known`, span: { offset: 0, length: 0 } };
        }
        max = Math.max(max, keeps);
        continue;
      }
      const range = state.value.kind === 'other' ? ANY : rangeOf(state.value);
      if (range.hi === Infinity) {
        const reason = growthOf(state.value) ?? (state.value.kind === 'other' ? 'the value is not a number' : 'the analysis cannot bound it');
        return { unbounded: true, reason, span: state.span };
      }
      max = Math.max(max, range.hi);
    }
    return { max };
  }

  private value(expression: Expression): AbstractValue {
    switch (expression.kind) {
      case 'number':
        return abstractDouble(point(expression.value));
      case 'string':
        return OTHER;
      case 'identifier':
        return this.read(expression.name);
      case 'vector': {
        const elements = expression.elements.map((element) => this.value(element));
        const length = elements.reduce((total, element) => total + (element.kind === 'doubleVec' ? element.maxLength : 1), 0);
        const fewest = elements.reduce((total, element) => total + (element.kind === 'doubleVec' ? element.minLength : 1), 0);
        const range = elements.map(rangeOf).reduce((a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }), interval(Infinity, -Infinity));
        return { kind: 'doubleVec', elements: range, minLength: fewest, maxLength: length, ...optionalGrowth(growthOf(...elements)) };
      }
      case 'call': {
        const args = expression.args.map((arg) => this.value(arg));
        if (expression.callee.text === 'stop') {
          this.stops.push(new Map(this.targets));
          return OTHER;
        }
        const semantics = ABSTRACT_FUNCTIONS.get(expression.callee.text);
        return semantics ? semantics(args) : abstractDouble(ANY, `${expression.callee.text}() is not a known function`);
      }
      case 'method':
        return this.method(expression);
      case 'member': {
        this.value(expression.target);
        return abstractDouble(TIMESTAMP_MEMBER_RANGES[expression.member.text] ?? ANY, `.${expression.member.text} is not a known member`);
      }
      case 'unary': {
        const operand = this.value(expression.operand);
        if (expression.operator === '!') return abstractDouble(notRange(rangeOf(operand)));
        if (operand.kind === 'other') return OTHER;
        return mapRange(operand, negate);
      }
      case 'binary':
        return this.binary(expression);
      case 'conditional': {
        const test = this.value(expression.test);
        const range = test.kind === 'other' ? ANY : rangeOf(test);
        const caps = this.capsFrom(expression.test);
        if (!contains(range, 0)) return this.within(caps.whenTrue, () => this.value(expression.consequent));
        if (isPoint(range)) return this.within(caps.whenFalse, () => this.value(expression.alternate));
        return joinValues(
          this.within(caps.whenTrue, () => this.value(expression.consequent)),
          this.within(caps.whenFalse, () => this.value(expression.alternate)),
        );
      }
    }
  }

  /**
   * What a comparison of a variable says of its upper end in each branch: in `x < 20 ? x : 20` the first
   * branch reads an x below 20. Expressions do not assign, so x is the same in the test and in the branch.
   */
  private capsFrom(test: Expression): { whenTrue: Cap[]; whenFalse: Cap[] } {
    const none = { whenTrue: [], whenFalse: [] };
    if (test.kind !== 'binary' || !['<', '<=', '>', '>='].includes(test.operator)) return none;
    const below = test.operator === '<' || test.operator === '<=';
    const caps: { whenTrue: Cap[]; whenFalse: Cap[] } = { whenTrue: [], whenFalse: [] };
    if (test.left.kind === 'identifier') (below ? caps.whenTrue : caps.whenFalse).push({ key: variableKey(test.left.name), hi: this.upperEnd(test.right) });
    if (test.right.kind === 'identifier') (below ? caps.whenFalse : caps.whenTrue).push({ key: variableKey(test.right.name), hi: this.upperEnd(test.left) });
    return caps;
  }

  /** The upper end of a side of a comparison, evaluated again (it has no effect but a possible `stop()`, already counted). */
  private upperEnd(expression: Expression): number {
    const stops = this.stops.length;
    const value = this.value(expression);
    this.stops.length = stops;
    return value.kind === 'other' ? Infinity : rangeOf(value).hi;
  }

  private within(caps: Cap[], walk: () => AbstractValue): AbstractValue {
    this.caps.push(...caps);
    try {
      return walk();
    } finally {
      this.caps.length -= caps.length;
    }
  }

  private read(name: string): AbstractValue {
    const value = this.readUncapped(name);
    const hi = Math.min(...this.caps.filter((cap) => cap.key === variableKey(name)).map((cap) => cap.hi));
    if (value.kind === 'other' || hi === Infinity) return value;
    return mapRange(value, (range) => interval(Math.min(range.lo, hi), Math.min(range.hi, hi)));
  }

  private readUncapped(name: string): AbstractValue {
    if (name.startsWith('TimeInterval_')) return OTHER;
    const service = SERVICE_VARIABLES.get(name);
    if (service?.target) {
      const state = this.targets.get(name);
      if (state) return state.value;
      const dedicated = (TARGET_NAMES.dedicated as readonly string[]).includes(name);
      const keeps = dedicated ? this.context.targetDedicatedNodes : this.context.targetLowPriorityNodes;
      return keeps === undefined ? abstractDouble(NON_NEGATIVE, `it grows with the pool's current target (${name} read before it is set)`) : abstractDouble(point(keeps));
    }
    if (service) {
      const range = this.metricRange(name);
      return abstractDouble(range, range.hi === Infinity ? `it grows with ${name}` : undefined);
    }
    if (name === '$NodeDeallocationOption') return OTHER;
    // A user variable, or a deallocation option word (then not in the map: `other` is right for it too).
    return this.userVariables.get(userKey(name)) ?? OTHER;
  }

  private metricRange(name: string): Interval {
    if (PERCENT_VARIABLES.has(name)) return interval(0, 100);
    const given = {
      $CurrentDedicatedNodes: this.context.currentDedicatedNodes,
      $CurrentDedicated: this.context.currentDedicatedNodes,
      $CurrentLowPriorityNodes: this.context.currentLowPriorityNodes,
    }[name];
    return given === undefined ? NON_NEGATIVE : point(given);
  }

  private method(call: MethodCall): AbstractValue {
    const args = call.args.map((arg) => this.value(arg));
    const name = call.target.kind === 'identifier' ? call.target.name : '';
    const metric = rangeOf(this.read(name));
    const growth = metric.hi === Infinity ? `it grows with ${name}` : undefined;
    switch (call.method.text) {
      case 'GetSample': {
        const [count] = args;
        const most = args.length === 1 && count?.kind === 'double' && isPoint(count.range) ? Math.max(0, Math.floor(count.range.hi)) : Infinity;
        return { kind: 'doubleVec', elements: metric, minLength: 0, maxLength: most, ...optionalGrowth(growth) };
      }
      case 'GetSamplePercent':
        return abstractDouble(interval(0, 100));
      case 'Count':
        return abstractDouble(NON_NEGATIVE, 'it grows with the number of samples');
      default:
        return OTHER;
    }
  }

  private binary(expression: BinaryExpression): AbstractValue {
    const left = this.value(expression.left);
    const right = this.value(expression.right);
    const operator = expression.operator;
    if (operator === '&&' || operator === '||' || !['+', '-', '*', '/'].includes(operator)) return abstractDouble(comparison(operator, left, right));
    if (left.kind === 'other' || right.kind === 'other') return OTHER;
    const combine = { '+': add, '-': subtract, '*': multiply, '/': divide }[operator as '+' | '-' | '*' | '/'];
    const range = combine(rangeOf(left), rangeOf(right));
    const growth = growthOf(left, right) ?? (range.hi === Infinity ? 'it divides by a value that can be 0' : undefined);
    if (left.kind === 'doubleVec' || right.kind === 'doubleVec') {
      const vector = left.kind === 'doubleVec' ? left : (right as Extract<AbstractValue, { kind: 'doubleVec' }>);
      return { ...vector, elements: range, ...optionalGrowth(growth) };
    }
    return abstractDouble(range, growth);
  }
}

/** A comparison or logical operation: 0 or 1, decided when both sides are known exactly. */
function comparison(operator: string, left: AbstractValue, right: AbstractValue): Interval {
  if (left.kind !== 'double' || right.kind !== 'double' || !isPoint(left.range) || !isPoint(right.range)) return BOOLEAN;
  const [a, b] = [left.range.lo, right.range.lo];
  const decided: Record<string, boolean> = { '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b, '==': a === b, '!=': a !== b, '&&': a !== 0 && b !== 0, '||': a !== 0 || b !== 0 };
  return point(decided[operator] ? 1 : 0);
}

function notRange(range: Interval): Interval {
  if (!contains(range, 0)) return point(0);
  return isPoint(range) ? point(1) : BOOLEAN;
}

function mapRange(value: Exclude<AbstractValue, { kind: 'other' }>, apply: (range: Interval) => Interval): AbstractValue {
  return value.kind === 'doubleVec' ? { ...value, elements: apply(value.elements) } : { ...value, range: apply(value.range) };
}

function optionalGrowth(growth: string | undefined): { growth?: string } {
  return growth === undefined ? {} : { growth };
}

function userKey(name: string): string {
  return name.startsWith('$') ? name.slice(1) : name;
}

/** One key for `$n` and `n`; service variables keep their `$`. */
function variableKey(name: string): string {
  return SERVICE_VARIABLES.has(name) ? name : userKey(name);
}
