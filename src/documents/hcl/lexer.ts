import { SyntaxProblem } from '../../model/syntax-problem.ts';

export type TokenType =
  | 'identifier'
  | 'number'
  | 'punctuation'
  | 'newline'
  /** The opening `"` of a quoted template, or `<<EOF` / `<<-EOF` of a heredoc. */
  | 'templateOpen'
  | 'templateClose'
  /** Literal text of a template, already unescaped. */
  | 'templateText'
  /** `${` (interpolation) or `%{` (directive); the expression tokens follow, then `templateSequenceEnd`. */
  | 'templateSequenceStart'
  | 'templateSequenceEnd'
  | 'end';

export interface Token {
  type: TokenType;
  /** The source text; for templateText the unescaped value. */
  text: string;
  offset: number;
  length: number;
  /** For templateOpen: a heredoc, and whether it is the indented `<<-` form. */
  heredoc?: { indented: boolean };
  /** For templateSequenceStart: `%{` rather than `${`. */
  directive?: boolean;
}

const PUNCTUATION = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '::', '{', '}', '[', ']', '(', ')', '=', ',', '.', ':', '?', '!', '+', '-', '*', '/', '%', '<', '>'];
const IDENTIFIER_START = /[\p{L}_]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_-]/u;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** What the lexer is inside: plain expressions (with the braces opened there), or a template's text. */
type Mode = { kind: 'expression'; braces: number } | { kind: 'quoted' } | { kind: 'heredoc'; marker: string };

/**
 * Splits HCL native syntax into tokens, keeping every offset. Templates nest: `"a ${ b["c"] } d"` gives
 * templateOpen, templateText, templateSequenceStart, the tokens of `b["c"]`, templateSequenceEnd,
 * templateText, templateClose. Throws SyntaxProblem on text that cannot be a token.
 */
export function lex(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private readonly modes: Mode[] = [{ kind: 'expression', braces: 0 }];
  private position = 0;

  constructor(private readonly text: string) {}

  run(): Token[] {
    while (this.position < this.text.length) {
      const mode = this.modes[this.modes.length - 1]!;
      if (mode.kind === 'expression') this.expressionToken(mode);
      else this.templateToken(mode);
    }
    const mode = this.modes[this.modes.length - 1]!;
    if (mode.kind === 'quoted') throw new SyntaxProblem('invalid HCL: a string is not closed', this.lastOpening(), 1);
    if (mode.kind === 'heredoc') throw new SyntaxProblem(`invalid HCL: the heredoc is not closed by a line "${mode.marker}"`, this.lastOpening(), 2);
    if (this.modes.length > 1) throw new SyntaxProblem('invalid HCL: an interpolation "${" is not closed', this.lastOpening(), 2);
    this.push('end', '', this.text.length, 0);
    return this.tokens;
  }

  private expressionToken(mode: { kind: 'expression'; braces: number }): void {
    const text = this.text;
    const start = this.position;
    const char = text[start]!;
    if (char === ' ' || char === '\t' || char === '\r' || char === '\uFEFF') {
      this.position++;
    } else if (char === '\n') {
      this.push('newline', '\n', start, 1);
      this.position++;
    } else if (char === '#' || (char === '/' && text[start + 1] === '/')) {
      const newline = text.indexOf('\n', start);
      this.position = newline === -1 ? text.length : newline;
    } else if (char === '/' && text[start + 1] === '*') {
      const close = text.indexOf('*/', start + 2);
      if (close === -1) throw new SyntaxProblem('invalid HCL: a comment "/*" is not closed', start, 2);
      this.position = close + 2;
    } else if (char === '"') {
      this.push('templateOpen', '"', start, 1);
      this.modes.push({ kind: 'quoted' });
      this.position++;
    } else if (char === '<' && text[start + 1] === '<' && this.heredocStart(start)) {
      // heredocStart consumed it
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(start, start + 400))!;
      this.push('number', match[0], start, match[0].length);
      this.position += match[0].length;
    } else if (IDENTIFIER_START.test(char)) {
      let end = start + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end]!)) end++;
      this.push('identifier', text.slice(start, end), start, end - start);
      this.position = end;
    } else if (char === '}' && mode.braces === 0 && this.modes.length > 1) {
      this.modes.pop();
      this.push('templateSequenceEnd', '}', start, 1);
      this.position++;
    } else if (char === '~' && text[start + 1] === '}' && mode.braces === 0 && this.modes.length > 1) {
      this.modes.pop();
      this.push('templateSequenceEnd', '~}', start, 2);
      this.position += 2;
    } else {
      const punctuation = PUNCTUATION.find((candidate) => text.startsWith(candidate, start));
      if (!punctuation) throw new SyntaxProblem(`invalid HCL: unexpected character "${char}"`, start, 1);
      if (punctuation === '{') mode.braces++;
      if (punctuation === '}') mode.braces--;
      this.push('punctuation', punctuation, start, punctuation.length);
      this.position += punctuation.length;
    }
  }

  /** `<<EOF` or `<<-EOF` followed by a newline opens a heredoc; anything else is two `<` operators. */
  private heredocStart(start: number): boolean {
    const match = /^<<(-?)([\p{L}_][\p{L}\p{N}_-]*)[ \t]*\r?\n/u.exec(this.text.slice(start, start + 200));
    if (!match) return false;
    const opening = match[0].trimEnd();
    this.tokens.push({ type: 'templateOpen', text: opening, offset: start, length: opening.length, heredoc: { indented: match[1] === '-' } });
    this.modes.push({ kind: 'heredoc', marker: match[2]! });
    this.position = start + match[0].length;
    return true;
  }

  private templateToken(mode: { kind: 'quoted' } | { kind: 'heredoc'; marker: string }): void {
    const text = this.text;
    const start = this.position;
    if (mode.kind === 'heredoc' && this.atLineStart(start)) {
      const closing = new RegExp(`^[ \\t]*${escapeRegExp(mode.marker)}[ \\t]*(?=\\r?\\n|$)`).exec(text.slice(start, start + mode.marker.length + 200));
      if (closing) {
        this.modes.pop();
        this.push('templateClose', closing[0], start, closing[0].length);
        this.position = start + closing[0].length;
        return;
      }
    }
    if (mode.kind === 'quoted' && text[start] === '"') {
      this.modes.pop();
      this.push('templateClose', '"', start, 1);
      this.position++;
      return;
    }
    if ((text[start] === '$' || text[start] === '%') && text[start + 1] === '{') {
      const strip = text[start + 2] === '~';
      this.tokens.push({ type: 'templateSequenceStart', text: text.slice(start, start + (strip ? 3 : 2)), offset: start, length: strip ? 3 : 2, directive: text[start] === '%' });
      this.modes.push({ kind: 'expression', braces: 0 });
      this.position = start + (strip ? 3 : 2);
      return;
    }
    this.templateText(mode);
  }

  /** Literal text up to the next sequence, closing quote or (in a heredoc) the end of the line. */
  private templateText(mode: { kind: 'quoted' } | { kind: 'heredoc'; marker: string }): void {
    const text = this.text;
    const start = this.position;
    let value = '';
    let position = start;
    while (position < text.length) {
      const char = text[position]!;
      const next = text[position + 1];
      if ((char === '$' || char === '%') && next === char && text[position + 2] === '{') {
        value += `${char}{`;
        position += 3;
      } else if ((char === '$' || char === '%') && next === '{') {
        break;
      } else if (mode.kind === 'quoted' && char === '"') {
        break;
      } else if (mode.kind === 'quoted' && char === '\n') {
        throw new SyntaxProblem('invalid HCL: a string is not closed on its line', this.lastOpening(), 1);
      } else if (mode.kind === 'quoted' && char === '\\') {
        const [decoded, length] = this.escape(position);
        value += decoded;
        position += length;
      } else if (mode.kind === 'heredoc' && char === '\n') {
        value += char;
        position++;
        break;
      } else {
        value += char;
        position++;
      }
    }
    if (position > start) this.push('templateText', value, start, position - start);
    this.position = position;
  }

  private escape(position: number): [string, number] {
    const kind = this.text[position + 1];
    if (kind !== undefined && kind in ESCAPES) return [ESCAPES[kind]!, 2];
    const digits = kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
    const hex = this.text.slice(position + 2, position + 2 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits || Number.parseInt(hex, 16) > 0x10ffff) {
      throw new SyntaxProblem('invalid HCL: invalid escape sequence in a string', position, 2);
    }
    return [String.fromCodePoint(Number.parseInt(hex, 16)), 2 + digits];
  }

  private atLineStart(position: number): boolean {
    return position === 0 || this.text[position - 1] === '\n';
  }

  private lastOpening(): number {
    for (let index = this.tokens.length - 1; index >= 0; index--) {
      const token = this.tokens[index]!;
      if (token.type === 'templateOpen' || token.type === 'templateSequenceStart') return token.offset;
    }
    return 0;
  }

  private push(type: TokenType, text: string, offset: number, length: number): void {
    this.tokens.push({ type, text, offset, length });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
