/*
 * Our own HCL reader, because no npm package parses HCL2 with source positions: hcl2-parser and
 * @cdktf/hcl2json turn a file into JSON and drop every position; tree-sitter-hcl keeps them but is a native
 * addon on the tree-sitter runtime, which the esbuild bundle cannot carry; codemirror-lang-hcl is an editor
 * grammar that recovers from errors silently and gives a highlighting tree rather than values. Findings
 * must point at the line the user wrote, so the lexer and parser here keep a span for every node.
 */
import { MAX_NESTING, NESTING_TOO_DEEP } from '../../model/nesting.ts';
import { ReadLimitExceeded, SyntaxProblem } from '../../model/syntax-problem.ts';
import { lex, type Token } from './lexer.ts';
import { firstDeeperThan } from '../../model/value-depth.ts';
import type { Attribute, Block, Body, Expression, ObjectItem, Span, TemplatePart } from './syntax.ts';

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/**
 * Parses HCL native syntax (Terraform's .tf and .tfvars) into a syntax tree with every span kept.
 * Expressions are parsed, not evaluated: references, calls, operators and `for` expressions are nodes.
 * Throws SyntaxProblem at the first error.
 */
export function parseHcl(text: string): Body {
  const body = new Parser(lex(text)).file();
  // The parser bounds brackets, blocks and templates as it goes; a chain of operators (1 + 1 + …) builds a tree
  // as deep as it is long, which the evaluator would recurse through. A syntax node spans up to four levels of objects.
  const tooDeep = firstDeeperThan(body, 4 * MAX_NESTING, placeOfNode);
  if (tooDeep) throw new ReadLimitExceeded(`HCL: ${NESTING_TOO_DEEP}`, tooDeep.place ?? 0, 1);
  return body;
}

function placeOfNode(node: object): number | undefined {
  const span = (node as { span?: Span }).span;
  return span?.offset;
}

class Parser {
  private index = 0;
  private lastEnd = 0;
  /** Inside ( [ and ${ newlines do not end anything; inside { they separate object items. */
  private readonly ignoringNewlines: boolean[] = [false];
  private nesting = 0;

  constructor(private readonly tokens: Token[]) {}

  file(): Body {
    const body = this.body(undefined);
    const token = this.raw();
    if (token.type !== 'end') throw this.unexpected(token, 'an attribute or a block');
    return body;
  }

  private body(opening: Token | undefined): Body {
    const items: (Attribute | Block)[] = [];
    this.enter();
    for (;;) {
      this.skipNewlines();
      const token = this.raw();
      if (token.type === 'end') {
        if (opening) throw new SyntaxProblem('invalid HCL: a block is not closed: "}" is expected', opening.offset, 1);
        break;
      }
      if (isPunctuation(token, '}')) {
        if (!opening) throw this.unexpected(token, 'an attribute or a block');
        break;
      }
      if (token.type !== 'identifier') throw this.unexpected(token, 'an attribute name or a block type');
      this.advance();
      items.push(isPunctuation(this.raw(), '=') ? this.attribute(token) : this.block(token));
      this.endOfItem();
    }
    this.leave();
    return { items };
  }

  private attribute(name: Token): Attribute {
    this.advance();
    const expression = this.expression();
    return { kind: 'attribute', name: name.text, nameSpan: spanOfToken(name), expression };
  }

  private block(type: Token): Block {
    const labels: Block['labels'] = [];
    for (let token = this.raw(); !isPunctuation(token, '{'); token = this.raw()) {
      if (token.type === 'identifier') {
        this.advance();
        labels.push({ value: token.text, span: spanOfToken(token) });
      } else if (token.type === 'templateOpen' && !token.heredoc) {
        labels.push(this.label());
      } else {
        throw this.unexpected(token, `"=" or a block after "${type.text}"`);
      }
    }
    const open = this.advance();
    const body = this.body(open);
    const close = this.advance();
    return {
      kind: 'block',
      type: type.text,
      typeSpan: spanOfToken(type),
      labels,
      body,
      span: { offset: type.offset, end: close.offset + 1 },
      openBrace: open.offset,
      closeBrace: close.offset,
    };
  }

  private label(): Block['labels'][number] {
    const open = this.advance();
    let value = '';
    for (let token = this.advance(); token.type !== 'templateClose'; token = this.advance()) {
      if (token.type !== 'templateText') throw new SyntaxProblem('invalid HCL: a block label cannot contain an interpolation', token.offset, token.length);
      value += token.text;
    }
    return { value, span: { offset: open.offset, end: this.lastEnd } };
  }

  /** An attribute or block ends at a new line, the end of the file, or the brace closing a one-line block. */
  private endOfItem(): void {
    const token = this.raw();
    if (token.type === 'newline') this.advance();
    else if (token.type !== 'end' && !isPunctuation(token, '}')) throw this.unexpected(token, 'a new line');
  }

  expression(): Expression {
    this.enter();
    const condition = this.binary(1);
    let result = condition;
    if (isPunctuation(this.peek(), '?')) {
      this.advance();
      this.skipNewlines();
      const whenTrue = this.expression();
      this.expect(':');
      this.skipNewlines();
      const whenFalse = this.expression();
      result = { kind: 'conditional', condition, whenTrue, whenFalse, span: { offset: condition.span.offset, end: whenFalse.span.end } };
    }
    this.leave();
    return result;
  }

  private binary(minimum: number): Expression {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token.type === 'punctuation' ? BINARY_PRECEDENCE[token.text] : undefined;
      if (precedence === undefined || precedence < minimum) return left;
      this.advance();
      this.skipNewlines();
      const right = this.binary(precedence + 1);
      left = { kind: 'binary', operator: token.text, left, right, span: { offset: left.span.offset, end: right.span.end } };
    }
  }

  private unary(): Expression {
    const token = this.peek();
    if (!isPunctuation(token, '!') && !isPunctuation(token, '-')) return this.postfix(this.primary());
    this.advance();
    this.enter();
    const operand = this.unary();
    this.leave();
    const span = { offset: token.offset, end: operand.span.end };
    if (token.text === '-' && operand.kind === 'literal' && typeof operand.value === 'number') return { kind: 'literal', value: -operand.value, span };
    return { kind: 'unary', operator: token.text, operand, span };
  }

  private postfix(term: Expression): Expression {
    let result = term;
    for (;;) {
      const token = this.peek();
      if (isPunctuation(token, '.')) {
        this.advance();
        const name = this.advance();
        const span = { offset: result.span.offset, end: this.lastEnd };
        if (name.type === 'identifier') result = { kind: 'attribute', target: result, name: name.text, span };
        else if (name.type === 'number') result = { kind: 'index', target: result, key: { kind: 'literal', value: Number(name.text), span: spanOfToken(name) }, span };
        else if (isPunctuation(name, '*')) result = { kind: 'splat', target: result, span };
        else throw this.unexpected(name, 'an attribute name after "."');
      } else if (isPunctuation(token, '[')) {
        this.advance();
        this.ignoringNewlines.push(true);
        if (isPunctuation(this.peek(), '*')) {
          this.advance();
          this.expect(']');
          this.ignoringNewlines.pop();
          result = { kind: 'splat', target: result, span: { offset: result.span.offset, end: this.lastEnd } };
        } else {
          const key = this.expression();
          this.expect(']');
          this.ignoringNewlines.pop();
          result = { kind: 'index', target: result, key, span: { offset: result.span.offset, end: this.lastEnd } };
        }
      } else {
        return result;
      }
    }
  }

  private primary(): Expression {
    const token = this.peek();
    const span = spanOfToken(token);
    if (token.type === 'number') {
      this.advance();
      return { kind: 'literal', value: Number(token.text), span };
    }
    if (token.type === 'identifier') {
      this.advance();
      if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true', span };
      if (token.text === 'null') return { kind: 'literal', value: null, span };
      // peek: inside brackets a new line may stand between a function's name and its "(".
      if (isPunctuation(this.peek(), '(') || isPunctuation(this.peek(), '::')) return this.call(token);
      return { kind: 'variable', name: token.text, span };
    }
    if (token.type === 'templateOpen') return this.template();
    if (isPunctuation(token, '[')) return this.tuple();
    if (isPunctuation(token, '{')) return this.object();
    if (isPunctuation(token, '(')) {
      this.advance();
      this.ignoringNewlines.push(true);
      const expression = this.expression();
      this.expect(')');
      this.ignoringNewlines.pop();
      return { kind: 'parentheses', expression, span: { offset: token.offset, end: this.lastEnd } };
    }
    throw this.unexpected(token, 'an expression');
  }

  /** `name(args)`, or a provider function `provider::name::function(args)`. */
  private call(first: Token): Expression {
    let name = first.text;
    while (isPunctuation(this.peek(), '::')) {
      this.advance();
      const part = this.advance();
      if (part.type !== 'identifier') throw this.unexpected(part, 'a function name after "::"');
      name += `::${part.text}`;
    }
    this.expect('(');
    this.ignoringNewlines.push(true);
    const args: Expression[] = [];
    while (!isPunctuation(this.peek(), ')')) {
      args.push(this.expression());
      const separator = this.peek();
      if (isPunctuation(separator, ',') || isPunctuation(separator, '...')) this.advance();
      else if (!isPunctuation(separator, ')')) throw this.unexpected(separator, '"," or ")" in the arguments of ' + name);
    }
    this.advance();
    this.ignoringNewlines.pop();
    return { kind: 'call', name, args, span: { offset: first.offset, end: this.lastEnd } };
  }

  private tuple(): Expression {
    const open = this.advance();
    this.ignoringNewlines.push(true);
    if (this.startsFor()) return this.skipFor(open);
    const items: Expression[] = [];
    while (!isPunctuation(this.peek(), ']')) {
      items.push(this.expression());
      const separator = this.peek();
      if (isPunctuation(separator, ',')) this.advance();
      else if (!isPunctuation(separator, ']')) throw this.unexpected(separator, '"," or "]"');
    }
    this.advance();
    this.ignoringNewlines.pop();
    return { kind: 'tuple', items, span: { offset: open.offset, end: this.lastEnd } };
  }

  private object(): Expression {
    const open = this.advance();
    this.ignoringNewlines.push(false);
    this.skipNewlines();
    if (this.startsFor()) return this.skipFor(open);
    const items: ObjectItem[] = [];
    for (this.skipNewlines(); !isPunctuation(this.raw(), '}'); this.skipNewlines()) {
      const keyToken = this.raw();
      const next = this.tokens[this.index + 1];
      const bareKey = keyToken.type === 'identifier' && next !== undefined && (isPunctuation(next, '=') || isPunctuation(next, ':'));
      const key: Expression = bareKey ? { kind: 'literal', value: keyToken.text, span: spanOfToken(this.advance()) } : this.expression();
      const assign = this.raw();
      if (!isPunctuation(assign, '=') && !isPunctuation(assign, ':')) throw this.unexpected(assign, '"=" after an object key');
      this.advance();
      this.skipNewlines();
      items.push({ key, value: this.expression() });
      const separator = this.raw();
      if (isPunctuation(separator, ',') || separator.type === 'newline') this.advance();
      else if (!isPunctuation(separator, '}')) throw this.unexpected(separator, '",", a new line or "}"');
    }
    this.advance();
    this.ignoringNewlines.pop();
    return { kind: 'object', items, span: { offset: open.offset, end: this.lastEnd } };
  }

  private startsFor(): boolean {
    const token = this.peek();
    const next = this.tokens[this.index + 1];
    return token.type === 'identifier' && token.text === 'for' && next?.type === 'identifier';
  }

  /** A `for` expression is kept as a node without its parts: it is never evaluated. */
  private skipFor(open: Token): Expression {
    let depth = 1;
    while (depth > 0) {
      const token = this.advance();
      if (token.type === 'end') throw new SyntaxProblem(`invalid HCL: "${open.text}" is not closed`, open.offset, 1);
      if (token.type === 'punctuation' && OPENING.has(token.text)) depth++;
      if (token.type === 'punctuation' && CLOSING.has(token.text)) depth--;
    }
    this.ignoringNewlines.pop();
    return { kind: 'for', span: { offset: open.offset, end: this.lastEnd } };
  }

  private template(): Expression {
    const open = this.advance();
    const parts: TemplatePart[] = [];
    for (let token = this.advance(); token.type !== 'templateClose'; token = this.advance()) {
      if (token.type === 'templateText') {
        parts.push({ kind: 'text', value: token.text, span: spanOfToken(token) });
      } else if (token.type === 'templateSequenceStart' && token.directive) {
        this.skipDirective();
        parts.push({ kind: 'directive', span: { offset: token.offset, end: this.lastEnd } });
      } else if (token.type === 'templateSequenceStart') {
        this.ignoringNewlines.push(true);
        const expression = this.expression();
        const end = this.advance();
        if (end.type !== 'templateSequenceEnd') throw this.unexpected(end, '"}" closing the interpolation');
        this.ignoringNewlines.pop();
        parts.push({ kind: 'interpolation', expression, span: { offset: token.offset, end: this.lastEnd } });
      } else {
        throw this.unexpected(token, 'the end of the string');
      }
    }
    const span = { offset: open.offset, end: this.lastEnd };
    return open.heredoc ? { kind: 'template', parts: open.heredoc.indented ? dedent(parts) : parts, heredoc: open.heredoc, span } : { kind: 'template', parts, span };
  }

  /** `%{ if … }`, `%{ for … }`, `%{ else }`, `%{ endif }`: kept as a part of its own, never evaluated. */
  private skipDirective(): void {
    for (let depth = 1; depth > 0;) {
      const token = this.advance();
      if (token.type === 'end') throw new SyntaxProblem('invalid HCL: a template directive "%{" is not closed', token.offset, 0);
      if (token.type === 'templateSequenceStart') depth++;
      if (token.type === 'templateSequenceEnd') depth--;
    }
  }

  private expect(text: string): Token {
    const token = this.peek();
    if (!isPunctuation(token, text)) throw this.unexpected(token, `"${text}"`);
    return this.advance();
  }

  /** The next token, skipping new lines where they do not count. */
  private peek(): Token {
    if (this.ignoringNewlines[this.ignoringNewlines.length - 1]) this.skipNewlines();
    return this.tokens[this.index]!;
  }

  private raw(): Token {
    return this.tokens[this.index]!;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    this.lastEnd = token.offset + token.length;
    return token;
  }

  private skipNewlines(): void {
    while (this.tokens[this.index]!.type === 'newline') this.index++;
  }

  private enter(): void {
    if (++this.nesting > MAX_NESTING) throw new ReadLimitExceeded(`HCL: ${NESTING_TOO_DEEP}`, this.raw().offset, 1);
  }

  private leave(): void {
    this.nesting--;
  }

  private unexpected(token: Token, expected: string): SyntaxProblem {
    const found = token.type === 'end' ? 'the end of the file' : token.type === 'newline' ? 'a new line' : `"${token.text.slice(0, 40)}"`;
    return new SyntaxProblem(`invalid HCL: expected ${expected}, found ${found}`, token.offset, Math.max(token.length, 1));
  }
}

function isPunctuation(token: Token, text: string): boolean {
  return token.type === 'punctuation' && token.text === text;
}

function spanOfToken(token: Token): Span {
  return { offset: token.offset, end: token.offset + token.length };
}

/**
 * `<<-EOF` removes the smallest indentation of the lines from every line. Lines of only spaces do not
 * count; a line that starts with an interpolation has none.
 */
function dedent(parts: TemplatePart[]): TemplatePart[] {
  const lineStarts: { part: number; at: number }[] = [];
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    if (index === 0 || (previous?.kind === 'text' && previous.value.endsWith('\n'))) lineStarts.push({ part: index, at: 0 });
    if (part.kind !== 'text') return;
    for (let newline = part.value.indexOf('\n'); newline !== -1 && newline < part.value.length - 1; newline = part.value.indexOf('\n', newline + 1)) {
      lineStarts.push({ part: index, at: newline + 1 });
    }
  });
  const indentation = (start: { part: number; at: number }): number | undefined => {
    const part = parts[start.part]!;
    if (part.kind !== 'text') return 0;
    const line = part.value.slice(start.at).split('\n')[0]!;
    const ends = start.part === parts.length - 1 || part.value.includes('\n', start.at);
    return line.trim() === '' && ends ? undefined : line.length - line.trimStart().length;
  };
  const counted = lineStarts.map(indentation).filter((count): count is number => count !== undefined);
  const remove = counted.length === 0 ? 0 : Math.min(...counted);
  if (remove === 0) return parts;
  const starts = new Map<number, number[]>();
  for (const start of lineStarts) starts.set(start.part, [...(starts.get(start.part) ?? []), start.at]);
  return parts.map((part, index) => {
    const at = starts.get(index);
    if (part.kind !== 'text' || !at) return part;
    let value = '';
    let cursor = 0;
    for (const start of at) {
      value += part.value.slice(cursor, start);
      const line = part.value.slice(start);
      const leading = line.length - line.replace(/^[ \t]+/, '').length;
      cursor = start + Math.min(remove, leading);
    }
    return { ...part, value: value + part.value.slice(cursor) };
  });
}
