import { SyntaxProblem } from '../../model/syntax-problem.ts';
import { lexBicep, type LexedString, type Token } from './lexer.ts';
import type { ArrayItem, BinaryOperator, Decorator, Expression, ObjectProperty, Program, ResourceDeclaration, Span, Statement, StringPart, Variable } from './syntax.ts';

/** Binary operators by precedence, lowest first; all associate to the left. */
const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [['??'], ['||'], ['&&'], ['==', '!=', '=~', '!~'], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];
/** Operators that may begin a line continuing the expression before it: none of them can begin a property or an item. */
const CONTINUING = new Set(['|', '?', ':', '??', '||', '&&', '==', '!=', '=~', '!~', '<', '<=', '>', '>=', '+', '*', '/', '%']);
/** Statements read but not evaluated. */
const KEPT_UNKNOWN = new Set(['type', 'test', 'import', 'extension', 'extensionConfig', 'provider', 'assert', 'extends']);
/** Deeper nesting is refused before it can exhaust the stack. */
const MAX_NESTING = 200;
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
/** In a type, `<…>` holds arguments (`resourceInput<'…'>`), and may span lines like the other brackets. */
const TYPE_OPENING = new Set([...OPENING, '<']);
const TYPE_CLOSING = new Set([...CLOSING, '>']);

type Node<K extends Expression['kind']> = Extract<Expression, { kind: K }>;

/** Parses a `.bicep` or `.bicepparam` file into statements with positions; throws a SyntaxProblem at the first error. */
export function parseBicep(text: string): Program {
  try {
    return new Parser(lexBicep(text)).program();
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    // The wording is Bicep's where it has one; the prefix says which language, as the other readers do.
    throw new SyntaxProblem(`invalid Bicep: ${error.message.replace(/\.$/, '')}`, error.offset, error.length);
  }
}

class Parser {
  private index = 0;
  private lastEnd = 0;

  constructor(
    private readonly tokens: Token[],
    /** How deep the expression being read is nested: an interpolation's parser starts at its string's depth. */
    private nesting = 0,
  ) {}

  /** A file nested deeper than any real one would exhaust the stack: it is a syntax problem instead. */
  private enter(): void {
    if (++this.nesting > MAX_NESTING) this.fail(this.peek(), 'The expressions are nested too deeply to be read.');
  }

  program(): Program {
    const statements: Statement[] = [];
    this.skipNewlines();
    while (this.peek().type !== 'end') {
      statements.push(this.statement());
      this.endOfLine();
      this.skipNewlines();
    }
    return { statements };
  }

  /** The whole of an interpolation's tokens as one expression. */
  interpolation(): Expression {
    this.skipNewlines();
    const expression = this.expression();
    this.skipNewlines();
    if (this.peek().type !== 'end') this.fail(this.peek(), 'Expected "}" to close the interpolation at this location.');
    return expression;
  }

  private statement(): Statement {
    const start = this.peek().offset;
    const decorators: Decorator[] = [];
    while (this.isPunctuation('@')) {
      decorators.push(this.decorator());
      this.skipNewlines();
    }
    const keyword = this.peek();
    if (keyword.type !== 'identifier')
      return this.fail(keyword, 'This declaration type is not recognized. Specify a metadata, parameter, variable, resource, or output declaration.');
    this.next();
    const span = (): Span => ({ offset: start, end: this.lastEnd });
    switch (keyword.text) {
      case 'param': {
        const name = this.name('parameter');
        this.skipType();
        const value = this.takePunctuation('=') ? this.expression() : undefined;
        return { kind: 'param', ...name, decorators, ...(value && { value }), span: span() };
      }
      case 'var':
      case 'output':
      case 'metadata': {
        const name = this.name(keyword.text === 'var' ? 'variable' : keyword.text);
        if (keyword.text !== 'metadata') this.skipType();
        this.expectPunctuation('=');
        const value = this.expression();
        return { kind: keyword.text, ...name, decorators, value, span: span() };
      }
      case 'resource': {
        const name = this.name('resource');
        const type = this.stringLiteral('Expected a resource type string. Specify a valid resource type of format "<types>@<apiVersion>".');
        const existing = this.peek().type === 'identifier' && this.peek().text === 'existing' && Boolean(this.next());
        this.expectPunctuation('=');
        return { kind: 'resource', ...name, decorators, type, existing, value: this.declarationBody(), span: span() };
      }
      case 'module': {
        const name = this.name('module');
        const path = this.stringLiteral("Expected a module path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'");
        this.expectPunctuation('=');
        return { kind: 'module', ...name, decorators, path, value: this.declarationBody(), span: span() };
      }
      case 'targetScope':
        this.expectPunctuation('=');
        return { kind: 'targetScope', value: this.expression(), decorators, span: span() };
      case 'using': {
        const path = this.peek().type === 'string' ? this.primary() : undefined;
        this.skipToLineEnd();
        return { kind: 'using', ...(path && { path }), decorators, span: span() };
      }
      case 'func': {
        const name = this.name('function');
        this.skipType(['=>']);
        this.expectPunctuation('=>');
        this.skipNewlines();
        this.expression();
        return { kind: 'other', keyword: 'func', name: name.name, decorators, span: span() };
      }
      default: {
        if (!KEPT_UNKNOWN.has(keyword.text))
          return this.fail(keyword, 'This declaration type is not recognized. Specify a metadata, parameter, variable, resource, or output declaration.');
        const name = keyword.text === 'type' && this.peek().type === 'identifier' ? this.peek().text : undefined;
        this.skipToLineEnd();
        return { kind: 'other', keyword: keyword.text, ...(name !== undefined && { name }), decorators, span: span() };
      }
    }
  }

  private decorator(): Decorator {
    const at = this.next();
    const expression = this.postfix();
    if (expression.kind !== 'call') return this.fail(at, "Expected a decorator call, such as @description('…'), at this location.");
    return {
      name: expression.name,
      ...(expression.namespace !== undefined && { namespace: expression.namespace }),
      args: expression.args,
      span: { offset: at.offset, end: this.lastEnd },
    };
  }

  private name(what: string): { name: string; nameSpan: Span } {
    const token = this.peek();
    if (token.type !== 'identifier') return this.fail(token, `Expected a ${what} identifier at this location.`);
    this.next();
    return { name: token.text, nameSpan: { offset: token.offset, end: token.offset + token.length } };
  }

  private stringLiteral(message: string): Expression {
    if (this.peek().type !== 'string') return this.fail(this.peek(), message);
    return this.primary();
  }

  /** A resource's or module's value: an object, `if (…) {…}`, or a `[for …]` loop. */
  private declarationBody(): Expression {
    this.skipNewlines();
    const token = this.peek();
    if (this.isKeyword('if')) return this.ifBody();
    if (this.isPunctuation('{') || this.isPunctuation('[')) return this.primary();
    return this.fail(token, 'Expected the "{" character, the "[" character, or the "if" keyword at this location.');
  }

  private ifBody(): Node<'if'> {
    const start = this.next().offset;
    this.expectPunctuation('(');
    this.skipNewlines();
    const condition = this.expression();
    this.skipNewlines();
    this.expectPunctuation(')');
    if (!this.isPunctuation('{')) return this.fail(this.peek(), 'Expected the "{" character at this location.');
    const body = this.primary();
    return { kind: 'if', condition, body, span: { offset: start, end: this.lastEnd } };
  }

  /** A type annotation is read past, not kept: up to one of stops or the end of the line, outside brackets. */
  private skipType(stops: readonly string[] = ['=']): void {
    let depth = 0;
    for (let token = this.peek(); token.type !== 'end'; token = this.peek()) {
      if (depth === 0 && token.type === 'newline' && this.continuesWith('|')) continue;
      if (depth === 0 && (token.type === 'newline' || (token.type === 'punctuation' && stops.includes(token.text)))) return;
      if (token.type === 'punctuation' && TYPE_OPENING.has(token.text)) depth++;
      if (token.type === 'punctuation' && TYPE_CLOSING.has(token.text)) depth--;
      this.next();
    }
  }

  /** Up to the end of the statement; a type's union goes on over lines that start with `|`, and after an `=` that ends a line. */
  private skipToLineEnd(): void {
    let depth = 0;
    for (let token = this.peek(); token.type !== 'end'; token = this.peek()) {
      if (depth <= 0 && token.type === 'newline') {
        const previous = this.tokens[this.index - 1];
        if (previous?.type === 'punctuation' && previous.text === '=') this.skipNewlines();
        else if (!this.continuesWith('|')) return;
        continue;
      }
      if (token.type === 'punctuation' && TYPE_OPENING.has(token.text)) depth++;
      if (token.type === 'punctuation' && TYPE_CLOSING.has(token.text)) depth--;
      this.next();
    }
  }

  /** Every nested expression comes through here, so that is where nesting is counted. */
  expression(): Expression {
    this.enter();
    try {
      return this.ternary();
    } finally {
      this.nesting--;
    }
  }

  private ternary(): Expression {
    const condition = this.binary(0);
    if (!this.continuesWith('?')) return condition;
    this.next();
    this.skipNewlines();
    const whenTrue = this.expression();
    if (!this.continuesWith(':')) return this.fail(this.peek(), 'Expected the ":" character at this location.');
    this.next();
    this.skipNewlines();
    const whenFalse = this.expression();
    return { kind: 'ternary', condition, whenTrue, whenFalse, span: { offset: condition.span.offset, end: whenFalse.span.end } };
  }

  private binary(level: number): Expression {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const operator = BINARY_LEVELS[level]!.find((candidate) => this.continuesWith(candidate));
      if (!operator) return left;
      this.next();
      this.skipNewlines();
      const right = this.binary(level + 1);
      left = { kind: 'binary', operator, left, right, span: { offset: left.span.offset, end: right.span.end } };
    }
  }

  private unary(): Expression {
    if (this.isPunctuation('!') || this.isPunctuation('-')) {
      const token = this.next();
      this.enter();
      const operand = this.unary();
      this.nesting--;
      return { kind: 'unary', operator: token.text as '!' | '-', operand, span: { offset: token.offset, end: operand.span.end } };
    }
    return this.postfix();
  }

  private postfix(): Expression {
    let expression = this.primary();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'punctuation') return expression;
      const span = (): Span => ({ offset: expression.span.offset, end: this.lastEnd });
      if (token.text === '.' || token.text === '.?' || token.text === '::') {
        this.next();
        const name = this.peek();
        if (name.type !== 'identifier') return this.fail(name, 'Expected a property name at this location.');
        this.next();
        const nameSpan = { offset: name.offset, end: name.offset + name.length };
        if (token.text === '.' && this.isPunctuation('(')) {
          const args = this.callArguments();
          const namespace = expression.kind === 'identifier' ? expression.name : undefined;
          expression = { kind: 'call', name: name.text, nameSpan, ...(namespace !== undefined ? { namespace } : { target: expression }), args, span: span() };
        } else {
          const nested = token.text === '::';
          expression = { kind: 'property', target: expression, name: name.text, nameSpan, safe: token.text === '.?', ...(nested && { nested }), span: span() };
        }
      } else if (token.text === '[') {
        this.next();
        const safe = this.takePunctuation('?');
        const fromEnd = this.takePunctuation('^');
        this.skipNewlines();
        const index = this.expression();
        this.skipNewlines();
        this.expectPunctuation(']');
        expression = { kind: 'index', target: expression, index, safe, ...(fromEnd && { fromEnd }), span: span() };
      } else if (token.text === '!') {
        this.next();
        expression = { kind: 'nonNull', operand: expression, span: span() };
      } else {
        return expression;
      }
    }
  }

  private primary(): Expression {
    const token = this.peek();
    const span = (): Span => ({ offset: token.offset, end: this.lastEnd });
    switch (token.type) {
      case 'number':
        this.next();
        return { kind: 'number', value: Number(token.text), span: span() };
      case 'string':
        this.next();
        return { kind: 'string', parts: this.stringParts(token.string!), multiline: token.string!.multiline, span: span() };
      case 'identifier': {
        this.next();
        if (token.text === 'true' || token.text === 'false') return { kind: 'boolean', value: token.text === 'true', span: span() };
        if (token.text === 'null') return { kind: 'null', span: span() };
        const nameSpan = { offset: token.offset, end: token.offset + token.length };
        if (this.isPunctuation('(')) return { kind: 'call', name: token.text, nameSpan, args: this.callArguments(), span: span() };
        if (this.isPunctuation('=>')) return this.lambdaBody([{ name: token.text, span: nameSpan }], token.offset);
        return { kind: 'identifier', name: token.text, span: span() };
      }
      case 'punctuation':
        if (token.text === '{') return this.object();
        if (token.text === '[') return this.array();
        if (token.text === '(') return this.isLambda() ? this.lambda() : this.parentheses();
        break;
    }
    return this.fail(
      token,
      token.type === 'end' || token.type === 'newline' ? 'Expected an expression at this location.' : `Unexpected "${token.text}": expected an expression at this location.`,
    );
  }

  private stringParts(lexed: LexedString): StringPart[] {
    return lexed.parts.map((part) => (part.kind === 'text' ? part : { kind: 'interpolation', expression: new Parser(part.tokens, this.nesting).interpolation(), span: part.span }));
  }

  private callArguments(): Expression[] {
    this.expectPunctuation('(');
    const args: Expression[] = [];
    this.skipNewlines();
    while (!this.isPunctuation(')')) {
      args.push(this.expression());
      this.skipNewlines();
      if (!this.takePunctuation(',')) break;
      this.skipNewlines();
    }
    this.skipNewlines();
    this.expectPunctuation(')');
    return args;
  }

  private parentheses(): Expression {
    const start = this.next().offset;
    this.skipNewlines();
    const expression = this.expression();
    this.skipNewlines();
    this.expectPunctuation(')');
    return { kind: 'parentheses', expression, span: { offset: start, end: this.lastEnd } };
  }

  /** `(a, b) =>`: a parenthesis closed, then an arrow. */
  private isLambda(): boolean {
    let depth = 0;
    for (let ahead = this.index; ahead < this.tokens.length; ahead++) {
      const token = this.tokens[ahead]!;
      if (token.type === 'end') return false;
      if (token.type !== 'punctuation') continue;
      if (OPENING.has(token.text)) depth++;
      if (CLOSING.has(token.text) && --depth === 0) return this.tokens[ahead + 1]?.text === '=>' && this.tokens[ahead + 1]?.type === 'punctuation';
    }
    return false;
  }

  private lambda(): Expression {
    const start = this.next().offset;
    const parameters: Variable[] = [];
    this.skipNewlines();
    while (!this.isPunctuation(')')) {
      const name = this.name('lambda variable');
      parameters.push({ name: name.name, span: name.nameSpan });
      this.skipType([',', ')']);
      this.skipNewlines();
      if (!this.takePunctuation(',')) break;
      this.skipNewlines();
    }
    this.expectPunctuation(')');
    return this.lambdaBody(parameters, start);
  }

  private lambdaBody(parameters: Variable[], start: number): Expression {
    this.expectPunctuation('=>');
    this.skipNewlines();
    const body = this.expression();
    return { kind: 'lambda', parameters, body, span: { offset: start, end: body.span.end } };
  }

  private object(): Expression {
    const start = this.next().offset;
    const properties: ObjectProperty[] = [];
    const resources: ResourceDeclaration[] = [];
    this.skipNewlines();
    while (!this.isPunctuation('}')) {
      if (this.isNestedResource()) {
        const statement = this.statement();
        if (statement.kind !== 'resource') return this.fail(this.peek(), 'Expected a nested resource declaration at this location.');
        resources.push(statement);
        this.endOfLine();
        this.skipNewlines();
        continue;
      }
      properties.push(this.property());
      if (!this.takePunctuation(',') && !this.isPunctuation('}')) this.endOfLine();
      this.skipNewlines();
    }
    this.next();
    return { kind: 'object', properties, resources, span: { offset: start, end: this.lastEnd } };
  }

  /** `resource name 'type' = …` or a decorator, where a property would be: a resource declared inside its parent's body. */
  private isNestedResource(): boolean {
    const token = this.peek();
    if (token.type === 'punctuation' && token.text === '@') return true;
    return token.type === 'identifier' && token.text === 'resource' && this.tokens[this.index + 1]?.type === 'identifier';
  }

  private property(): ObjectProperty {
    const token = this.peek();
    if (this.takePunctuation('...')) {
      const value = this.expression();
      return { key: undefined, keySpan: { offset: token.offset, end: token.offset + 3 }, value, spread: true, span: { offset: token.offset, end: value.span.end } };
    }
    const keySpan = { offset: token.offset, end: token.offset + token.length };
    let key: string | undefined;
    let keyExpression: Expression | undefined;
    if (token.type === 'identifier') {
      this.next();
      key = token.text;
    } else if (token.type === 'string') {
      keyExpression = this.primary();
      const only = (keyExpression as Node<'string'>).parts.length === 1 ? (keyExpression as Node<'string'>).parts[0] : undefined;
      if (only?.kind === 'text') {
        key = only.value;
        keyExpression = undefined;
      }
    } else {
      return this.fail(token, 'Expected a property name at this location.');
    }
    this.expectPunctuation(':');
    const value = this.expression();
    return { key, keySpan, ...(keyExpression && { keyExpression }), value, span: { offset: token.offset, end: value.span.end } };
  }

  private array(): Expression {
    const start = this.next().offset;
    this.skipNewlines();
    if (this.isKeyword('for')) return this.forExpression(start);
    const items: ArrayItem[] = [];
    while (!this.isPunctuation(']')) {
      const spread = this.takePunctuation('...');
      items.push({ value: this.expression(), ...(spread && { spread }) });
      if (!this.takePunctuation(',') && !this.isPunctuation(']')) this.endOfLine();
      this.skipNewlines();
    }
    this.next();
    return { kind: 'array', items, span: { offset: start, end: this.lastEnd } };
  }

  private forExpression(start: number): Expression {
    this.next();
    let item: Variable | undefined;
    let index: Variable | undefined;
    if (this.takePunctuation('(')) {
      item = this.variable();
      this.expectPunctuation(',');
      index = this.variable();
      this.expectPunctuation(')');
    } else {
      item = this.variable();
    }
    if (!this.isKeyword('in')) return this.fail(this.peek(), 'Expected the "in" keyword at this location.');
    this.next();
    const iterable = this.expression();
    this.expectPunctuation(':');
    this.skipNewlines();
    const body = this.isKeyword('if') ? this.ifBody() : this.expression();
    this.skipNewlines();
    this.expectPunctuation(']');
    return { kind: 'for', ...(item && { item }), ...(index && { index }), iterable, body, span: { offset: start, end: this.lastEnd } };
  }

  private variable(): Variable {
    const name = this.name('loop variable');
    return { name: name.name, span: name.nameSpan };
  }

  /** The next token past any line breaks is the operator: the line breaks are consumed, as the expression goes on. */
  private continuesWith(operator: string): boolean {
    let ahead = this.index;
    while (this.tokens[ahead]!.type === 'newline') ahead++;
    const token = this.tokens[ahead]!;
    if (token.type !== 'punctuation' || token.text !== operator) return false;
    if (ahead !== this.index && !CONTINUING.has(operator)) return false;
    this.index = ahead;
    return true;
  }

  private endOfLine(): void {
    const token = this.peek();
    if (token.type !== 'newline' && token.type !== 'end') this.fail(token, 'Expected a new line character at this location.');
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.index++;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.type !== 'end') this.index++;
    this.lastEnd = token.offset + token.length;
    return token;
  }

  private isPunctuation(text: string): boolean {
    const token = this.peek();
    return token.type === 'punctuation' && token.text === text;
  }

  private isKeyword(text: string): boolean {
    const token = this.peek();
    return token.type === 'identifier' && token.text === text;
  }

  private takePunctuation(text: string): boolean {
    if (!this.isPunctuation(text)) return false;
    this.next();
    return true;
  }

  private expectPunctuation(text: string): void {
    if (!this.takePunctuation(text)) this.fail(this.peek(), `Expected the "${text}" character at this location.`);
  }

  /** At the token; at the end of the file, right after the last thing written rather than on the empty line after it. */
  private fail(token: Token, message: string): never {
    if (token.type === 'end')
      throw new SyntaxProblem(
        message,
        Math.max(this.lastEnd, ...this.tokens.filter((other) => other.type !== 'newline' && other.type !== 'end').map((other) => other.offset + other.length)),
        0,
      );
    throw new SyntaxProblem(message, token.offset, token.type === 'newline' ? 0 : token.length);
  }
}
