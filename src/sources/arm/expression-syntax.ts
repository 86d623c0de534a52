import { MAX_NESTING, NESTING_TOO_DEEP } from '../../model/nesting.ts';

/** The parsed form of an ARM template expression: "[concat(parameters('prefix'), '-pool')]". */
export type Expression =
  /** `offset`: where its opening quote is in the parsed text. */
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; value: number }
  /** `name` is `namespace.function` for a user-defined function. */
  | { kind: 'call'; name: string; args: Expression[] }
  | { kind: 'property'; target: Expression; name: string }
  | { kind: 'index'; target: Expression; index: Expression };

/** An expression that does not parse; `offset` is into the expression text, after the opening bracket. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** An expression nested deeper than batchlint reads: ARM may well accept it, so it is not reported as a syntax error. */
export class ExpressionTooDeep extends ExpressionSyntaxError {}

/** A template string is an expression when it is wrapped in brackets; "[[" starts a literal bracket instead. */
export function isExpression(value: string): boolean {
  return value.length >= 2 && value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

/** Parses the text between the outer brackets of a template expression. */
export function parseExpression(text: string): Expression {
  const parser = new Parser(text);
  const expression = parser.expression();
  parser.skipSpaces();
  if (!parser.atEnd()) throw new ExpressionSyntaxError(`unexpected "${text.slice(parser.position, parser.position + 10)}"`, parser.position);
  return expression;
}

const NUMBER = /-?\d+(\.\d+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;

class Parser {
  position = 0;
  /** Calls, properties and indexes open around the current position: the evaluator recurses as deep. */
  private nesting = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipSpaces(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }

  expression(): Expression {
    const outer = this.nesting;
    this.enter();
    this.skipSpaces();
    let expression = this.primary();
    for (;;) {
      this.skipSpaces();
      const char = this.text[this.position];
      if (char === '.') {
        this.enter();
        this.position++;
        expression = { kind: 'property', target: expression, name: this.identifier() };
      } else if (char === '[') {
        this.enter();
        this.position++;
        const index = this.expression();
        this.expect(']');
        expression = { kind: 'index', target: expression, index };
      } else {
        this.nesting = outer;
        return expression;
      }
    }
  }

  private enter(): void {
    if (++this.nesting > MAX_NESTING) throw new ExpressionTooDeep(NESTING_TOO_DEEP, this.position);
  }

  private primary(): Expression {
    const char = this.text[this.position];
    if (char === "'") return this.string();
    if (char === '"') throw new ExpressionSyntaxError('strings in expressions take single quotes, not double', this.position);
    if (char !== undefined && /[-\d]/.test(char)) return this.number();
    const name = this.functionName();
    this.skipSpaces();
    this.expect('(');
    const args: Expression[] = [];
    this.skipSpaces();
    if (this.text[this.position] !== ')') {
      for (;;) {
        args.push(this.expression());
        this.skipSpaces();
        if (this.text[this.position] !== ',') break;
        this.position++;
      }
    }
    this.expect(')');
    return { kind: 'call', name, args };
  }

  private string(): Expression {
    const offset = this.position;
    let value = '';
    for (this.position++; ; this.position++) {
      const char = this.text[this.position];
      if (char === undefined) throw new ExpressionSyntaxError('a string is not closed', this.position);
      if (char === "'") {
        if (this.text[this.position + 1] !== "'") break;
        this.position++; // '' is an escaped quote
      }
      value += char;
    }
    this.position++;
    return { kind: 'string', value, offset };
  }

  private number(): Expression {
    const match = this.match(NUMBER);
    if (!match) throw new ExpressionSyntaxError('a number is expected', this.position);
    this.position += match[0].length;
    return { kind: 'number', value: Number(match[0]) };
  }

  /** A function, or a user-defined one in its namespace: `__bicep.poolName(…)`. */
  private functionName(): string {
    const name = this.identifier();
    this.skipSpaces();
    if (this.text[this.position] !== '.') return name;
    this.position++;
    this.skipSpaces();
    return `${name}.${this.identifier()}`;
  }

  private identifier(): string {
    const match = this.match(IDENTIFIER);
    if (!match)
      throw new ExpressionSyntaxError(
        this.atEnd() ? 'the expression ends too early' : `a function name is expected at "${this.text.slice(this.position, this.position + 10)}"`,
        this.position,
      );
    this.position += match[0].length;
    return match[0];
  }

  /** The sticky pattern's match at the current position, without copying the rest of the text. */
  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.position;
    return pattern.exec(this.text);
  }

  private expect(char: string): void {
    this.skipSpaces();
    if (this.text[this.position] !== char) throw new ExpressionSyntaxError(`"${char}" is expected`, this.position);
    this.position++;
  }
}
