import type { DecodedString } from '../decoded-string.ts';

/** A character range of the source: [offset, end). */
export interface Span {
  offset: number;
  end: number;
}

/** A piece of a string: text as read (escapes resolved), or a `${…}` interpolation. */
export type StringPart = { kind: 'text'; value: string; span: Span; decoded: DecodedString } | { kind: 'interpolation'; expression: Expression; span: Span };

export type Expression = { span: Span } & (
  | { kind: 'string'; parts: StringPart[]; multiline: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'identifier'; name: string }
  /** Nested `resource` declarations may sit among a resource body's properties. */
  | { kind: 'object'; properties: ObjectProperty[]; resources: ResourceDeclaration[] }
  | { kind: 'array'; items: ArrayItem[] }
  /** `a.b`, `a.?b` (safe: null when a is null or has no b), `account::pool` (nested: a resource declared in another's body). */
  | { kind: 'property'; target: Expression; name: string; nameSpan: Span; safe: boolean; nested?: boolean }
  /** `a[i]`, `a[?i]`, `a[^1]` (counted from the end). */
  | { kind: 'index'; target: Expression; index: Expression; safe: boolean; fromEnd?: boolean }
  /** `f(x)`, `sys.f(x)` (namespace), `a.f(x)` on a resource or module (target). */
  | { kind: 'call'; name: string; nameSpan: Span; namespace?: string; target?: Expression; args: Expression[] }
  | { kind: 'unary'; operator: '!' | '-'; operand: Expression }
  /** The postfix `!` that asserts a value is not null. */
  | { kind: 'nonNull'; operand: Expression }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression }
  | { kind: 'ternary'; condition: Expression; whenTrue: Expression; whenFalse: Expression }
  | { kind: 'parentheses'; expression: Expression }
  /** `[for item in list: body]`, `[for (item, index) in list: body]`; the body may be `if (…) {…}`. */
  | { kind: 'for'; item?: Variable; index?: Variable; iterable: Expression; body: Expression }
  /** `if (condition) {…}`: the body of a resource or module deployed only when the condition holds. */
  | { kind: 'if'; condition: Expression; body: Expression }
  /** `x => …`, `(x, y) => …`: an argument of map(), filter()… */
  | { kind: 'lambda'; parameters: Variable[]; body: Expression }
);

export type BinaryOperator = '??' | '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface Variable {
  name: string;
  span: Span;
}

export interface ObjectProperty {
  /** The name; undefined when it is an interpolated string, known only when evaluated. */
  key: string | undefined;
  keySpan: Span;
  /** An interpolated key, as written. */
  keyExpression?: Expression;
  value: Expression;
  /** `...other`: the members of another object. */
  spread?: boolean;
  span: Span;
}

export interface ArrayItem {
  value: Expression;
  spread?: boolean;
}

export interface Decorator {
  name: string;
  namespace?: string;
  args: Expression[];
  span: Span;
}

interface Declared {
  name: string;
  nameSpan: Span;
  decorators: Decorator[];
  /** From the first decorator or keyword to the end of the value. */
  span: Span;
}

export type ResourceDeclaration = Extract<Statement, { kind: 'resource' }>;

/** A top-level statement of a `.bicep` or `.bicepparam` file. */
export type Statement =
  | (Declared & { kind: 'param'; value?: Expression })
  | (Declared & { kind: 'var'; value: Expression })
  | (Declared & { kind: 'output'; value: Expression })
  | (Declared & { kind: 'metadata'; value: Expression })
  /** `type: 'Microsoft.Batch/batchAccounts/pools@2024-07-01'`, as the string written. */
  | (Declared & { kind: 'resource'; type: Expression; existing: boolean; value: Expression })
  | (Declared & { kind: 'module'; path: Expression; value: Expression })
  | { kind: 'targetScope'; value: Expression; span: Span; decorators: Decorator[] }
  /** `using './main.bicep'` in a parameters file. */
  | { kind: 'using'; path?: Expression; span: Span; decorators: Decorator[] }
  /** Read and kept, not evaluated: `type`, `func`, `import`, `extension`, `provider`, `assert`, `extends`. */
  | { kind: 'other'; keyword: string; name?: string; span: Span; decorators: Decorator[] };

export interface Program {
  statements: Statement[];
}
