/**
 * The syntax tree of an autoscale formula. Every node carries its span in the formula text (offset, length),
 * so checks and a later interval analysis can place what they find.
 */
export interface Span {
  offset: number;
  length: number;
}

/** A name as written, `$` included when present (`$TargetDedicatedNodes`, `maxNumberofVMs`, `GetSample`). */
export interface Name extends Span {
  text: string;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '<' | '<=' | '==' | '!=' | '>=' | '>' | '&&' | '||';
export type UnaryOperator = '-' | '!';

export type Expression =
  NumberLiteral | StringLiteral | Identifier | VectorLiteral | FunctionCall | MethodCall | MemberAccess | UnaryExpression | BinaryExpression | ConditionalExpression;

export interface NumberLiteral extends Span {
  kind: 'number';
  value: number;
}

export interface StringLiteral extends Span {
  kind: 'string';
  /** The text between the quotes. */
  value: string;
}

/** A variable, a `TimeInterval_*` constant or a `$NodeDeallocationOption` value: the checker resolves which. */
export interface Identifier extends Span {
  kind: 'identifier';
  name: string;
}

export interface VectorLiteral extends Span {
  kind: 'vector';
  elements: Expression[];
}

export interface FunctionCall extends Span {
  kind: 'call';
  callee: Name;
  args: Expression[];
}

/** `$PendingTasks.GetSample(…)`: a method of a sample variable. */
export interface MethodCall extends Span {
  kind: 'method';
  target: Expression;
  method: Name;
  args: Expression[];
}

/** `time().weekday`: a member of a timestamp. */
export interface MemberAccess extends Span {
  kind: 'member';
  target: Expression;
  member: Name;
}

export interface UnaryExpression extends Span {
  kind: 'unary';
  operator: UnaryOperator;
  operand: Expression;
}

export interface BinaryExpression extends Span {
  kind: 'binary';
  operator: BinaryOperator;
  /** Where the operator itself stands, for messages about it. */
  operatorOffset: number;
  left: Expression;
  right: Expression;
}

export interface ConditionalExpression extends Span {
  kind: 'conditional';
  test: Expression;
  consequent: Expression;
  alternate: Expression;
}

export interface Assignment extends Span {
  kind: 'assignment';
  target: Name;
  value: Expression;
}

export interface ExpressionStatement extends Span {
  kind: 'expression';
  expression: Expression;
}

export type Statement = Assignment | ExpressionStatement;

export interface Formula extends Span {
  statements: Statement[];
}
