import type { BinaryOperator, Expression, Formula, Name, Statement } from './ast.ts';
import type { FormulaDiagnostic } from './diagnostic.ts';
import { tokenize } from './lexer.ts';
import { MAX_NESTING, NESTING_TOO_DEEP } from '../model/nesting.ts';
import type { Token } from './tokens.ts';

export interface ParseResult {
  /** Absent when the formula has a syntax error. */
  formula?: Formula;
  /** At most one error (the first place the formula cannot continue), plus warnings. */
  diagnostics: FormulaDiagnostic[];
}

/** Binary operators by precedence, loosest first; the docs give no precedence, this is the C-family order. */
const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/']];

class SyntaxError extends Error {
  constructor(readonly diagnostic: FormulaDiagnostic) {
    super(diagnostic.message);
  }
}

export function parseFormula(source: string): ParseResult {
  const lexed = tokenize(source);
  const lexError = lexed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  const parser = new Parser(lexed.tokens);
  try {
    const formula = parser.formula(source.length);
    if (lexError) return { diagnostics: lexed.diagnostics };
    return { formula, diagnostics: [...lexed.diagnostics, ...parser.warnings] };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // The lexer stopped at a character it cannot read; the parser then met the end there, not a real end.
    if (lexError && error.diagnostic.offset >= lexError.offset) return { diagnostics: [...lexed.diagnostics.filter((d) => d.offset < lexError.offset), lexError] };
    return { diagnostics: [...lexed.diagnostics.filter((d) => d.offset < error.diagnostic.offset), ...parser.warnings, error.diagnostic] };
  }
}

class Parser {
  readonly warnings: FormulaDiagnostic[] = [];
  private index = 0;
  /** Expressions open around the current token: the parser recurses once per level. */
  private nesting = 0;
  /** How deep each node built so far is: the checker and the evaluator recurse as deep. */
  private readonly depths = new WeakMap<Expression, number>();

  constructor(private readonly tokens: Token[]) {}

  formula(sourceLength: number): Formula {
    const statements: Statement[] = [];
    for (;;) {
      while (this.isPunctuation(';')) this.index += 1;
      if (this.peek().kind === 'end') break;
      const statement = this.statement();
      statements.push(statement);
      const next = this.peek();
      if (this.isPunctuation(';')) {
        this.index += 1;
      } else if (next.kind === 'end') {
        break;
      } else if (next.text === '=') {
        this.fail(next, "unexpected '=': only a variable name can be assigned, at the start of a statement (use '==' to compare)");
      } else if (next.afterLineBreak && startsStatement(next)) {
        const end = statement.offset + statement.length;
        this.warnings.push({
          severity: 'warning',
          code: 'missing-semicolon',
          message: "missing ';' between statements: the docs warn that a missing semicolon may make the evaluation fail",
          offset: end,
          length: 0,
        });
      } else {
        this.fail(next, `expected ';' or an operator before ${describe(next)}`);
      }
    }
    return { statements, offset: 0, length: sourceLength };
  }

  private statement(): Statement {
    const first = this.peek();
    const second = this.tokens[this.index + 1];
    if (first.kind === 'name' && second?.text === '=') {
      this.index += 2;
      const target: Name = { text: first.text, offset: first.offset, length: first.length };
      const value = this.expression(second);
      // Up to the last token read, so that a value in parentheses keeps its ')'.
      return { kind: 'assignment', target, value, offset: first.offset, length: this.consumedEnd() - first.offset };
    }
    if (first.kind === 'punctuation' && !startsStatement(first)) this.fail(first, `expected a statement, found ${describe(first)}`);
    const expression = this.expression();
    return { kind: 'expression', expression, offset: first.offset, length: this.consumedEnd() - first.offset };
  }

  /** Where the last token read ends. */
  private consumedEnd(): number {
    const last = this.tokens[this.index - 1]!;
    return last.offset + last.length;
  }

  /** An expression; `after` is the token before it, named in the message when the expression is missing. */
  private expression(after?: Token): Expression {
    if (++this.nesting > MAX_NESTING) this.tooDeep(this.peek());
    const expression = this.conditional(after);
    this.nesting--;
    return expression;
  }

  private conditional(after?: Token): Expression {
    const test = this.binary(0, after);
    if (!this.isPunctuation('?')) return test;
    const question = this.next();
    const consequent = this.expression(question);
    if (!this.isPunctuation(':')) this.fail(this.peek(), `expected ':' for the '?' before it, found ${describe(this.peek())}`);
    const colon = this.next();
    const alternate = this.expression(colon);
    return this.node({ kind: 'conditional', test, consequent, alternate, offset: test.offset, length: end(alternate) - test.offset }, question, [test, consequent, alternate]);
  }

  /** The node, once it is known not to nest deeper than MAX_NESTING; `at` is the token a deeper one is reported at. */
  private node<T extends Expression>(node: T, at: Token, children: readonly Expression[]): T {
    const depth = 1 + children.reduce((deepest, child) => Math.max(deepest, this.depths.get(child) ?? 1), 0);
    if (depth > MAX_NESTING) this.tooDeep(at, ' (each operator in a chain such as a + b + c is a level)');
    this.depths.set(node, depth);
    return node;
  }

  private binary(level: number, after?: Token): Expression {
    const operators = BINARY_LEVELS[level];
    if (!operators) return this.unary(after);
    let left = this.binary(level + 1, after);
    while (this.peek().kind === 'punctuation' && (operators as readonly string[]).includes(this.peek().text)) {
      const operator = this.next();
      const right = this.binary(level + 1, operator);
      const binary = {
        kind: 'binary',
        operator: operator.text as BinaryOperator,
        operatorOffset: operator.offset,
        left,
        right,
        offset: left.offset,
        length: end(right) - left.offset,
      } as const;
      left = this.node(binary, operator, [left, right]);
    }
    return left;
  }

  private unary(after?: Token): Expression {
    if (this.isPunctuation('-') || this.isPunctuation('!')) {
      const operator = this.next();
      if (++this.nesting > MAX_NESTING) this.tooDeep(operator);
      const operand = this.unary(operator);
      this.nesting--;
      return this.node({ kind: 'unary', operator: operator.text as '-' | '!', operand, offset: operator.offset, length: end(operand) - operator.offset }, operator, [operand]);
    }
    return this.postfix(this.primary(after));
  }

  private postfix(target: Expression): Expression {
    let result = target;
    while (this.isPunctuation('.')) {
      this.index += 1;
      const nameToken = this.peek();
      if (nameToken.kind !== 'name' || nameToken.text.startsWith('$')) this.fail(nameToken, `expected a method or member name after '.', found ${describe(nameToken)}`);
      this.index += 1;
      const name: Name = { text: nameToken.text, offset: nameToken.offset, length: nameToken.length };
      if (this.isPunctuation('(')) {
        const { args, close } = this.arguments(name.text);
        result = this.node({ kind: 'method', target: result, method: name, args, offset: result.offset, length: close.offset + 1 - result.offset }, nameToken, [result, ...args]);
      } else {
        result = this.node({ kind: 'member', target: result, member: name, offset: result.offset, length: end(name) - result.offset }, nameToken, [result]);
      }
    }
    return result;
  }

  private primary(after?: Token): Expression {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.index += 1;
        return { kind: 'number', value: Number(token.text), offset: token.offset, length: token.length };
      case 'string':
        this.index += 1;
        return { kind: 'string', value: token.text.slice(1, -1), offset: token.offset, length: token.length };
      case 'name': {
        this.index += 1;
        if (!this.isPunctuation('(')) return { kind: 'identifier', name: token.text, offset: token.offset, length: token.length };
        if (token.text.startsWith('$')) this.fail(this.peek(), `'${token.text}' is a variable, not a function: it cannot be called`);
        const { args, close } = this.arguments(token.text);
        return this.node(
          { kind: 'call', callee: { text: token.text, offset: token.offset, length: token.length }, args, offset: token.offset, length: close.offset + 1 - token.offset },
          token,
          args,
        );
      }
      case 'punctuation':
        if (token.text === '(') {
          this.index += 1;
          const inner = this.expression(token);
          if (!this.isPunctuation(')')) this.fail(this.peek(), `expected ')' to close a '(', found ${describe(this.peek())}`);
          this.index += 1;
          return inner;
        }
        if (token.text === '[') {
          this.index += 1;
          const elements = this.list(']', token);
          const close = this.next();
          return this.node({ kind: 'vector', elements, offset: token.offset, length: close.offset + 1 - token.offset }, token, elements);
        }
        break;
      case 'end':
        break;
    }
    const where = after ? ` after '${after.text}'` : '';
    this.fail(token, `expected an expression${where}, found ${describe(token)}`);
  }

  private arguments(callee: string): { args: Expression[]; close: Token } {
    const open = this.next();
    const args = this.list(')', open, callee);
    return { args, close: this.next() };
  }

  /** Comma-separated expressions up to (not past) the closing bracket. */
  private list(closing: ')' | ']', open: Token, callee?: string): Expression[] {
    const items: Expression[] = [];
    if (this.isPunctuation(closing)) return items;
    for (;;) {
      items.push(this.expression(items.length === 0 ? open : this.tokens[this.index - 1]));
      if (this.isPunctuation(closing)) return items;
      if (!this.isPunctuation(',')) {
        const what = callee ? `the arguments of '${callee}'` : 'the vector';
        this.fail(this.peek(), `expected ',' or '${closing}' in ${what}, found ${describe(this.peek())}`);
      }
      this.index += 1;
    }
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isPunctuation(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punctuation' && token.text === text;
  }

  private fail(token: Token, message: string): never {
    throw new SyntaxError({ severity: 'error', code: 'syntax', message, offset: token.offset, length: token.length });
  }

  private tooDeep(token: Token, note = ''): never {
    throw new SyntaxError({ severity: 'error', code: 'read-limit', message: `the formula has ${NESTING_TOO_DEEP}${note}`, offset: token.offset, length: token.length });
  }
}

function end(span: { offset: number; length: number }): number {
  return span.offset + span.length;
}

function startsStatement(token: Token): boolean {
  return token.kind !== 'punctuation' || ['(', '[', '-', '!'].includes(token.text);
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the formula';
  return `'${token.text}'`;
}
