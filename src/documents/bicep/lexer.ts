import { SyntaxProblem } from '../../model/syntax-problem.ts';
import { DecodedString } from '../decoded-string.ts';
import type { Span } from './syntax.ts';

export type TokenType = 'identifier' | 'number' | 'punctuation' | 'string' | 'newline' | 'end';

export interface Token {
  type: TokenType;
  text: string;
  offset: number;
  length: number;
  /** For a string: its text pieces, and the tokens of each interpolation. */
  string?: LexedString;
}

export interface LexedString {
  parts: ({ kind: 'text'; value: string; span: Span; decoded: DecodedString } | { kind: 'interpolation'; tokens: Token[]; span: Span })[];
  multiline: boolean;
}

const PUNCTUATION = [
  '...',
  '??',
  '.?',
  '==',
  '!=',
  '=~',
  '!~',
  '<=',
  '>=',
  '&&',
  '||',
  '=>',
  '::',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '=',
  ',',
  '.',
  ':',
  '?',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '@',
  '|',
  '^',
];
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

/**
 * Splits Bicep into tokens, keeping every offset. Newlines are tokens (they end statements and separate
 * properties); comments are dropped, a block comment even when it spans lines. A string is one
 * token whose interpolations carry their own tokens.
 */
export function lexBicep(text: string): Token[] {
  return new Lexer(text).tokens(false);
}

function atLineStart(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

/** Strings inside interpolations inside strings, deeper than any real file: refused before they exhaust the stack. */
const MAX_STRING_NESTING = 100;

class Lexer {
  private position = 0;
  private stringNesting = 0;

  constructor(private readonly text: string) {}

  /** Tokens up to the end of the text, or (inside an interpolation) up to the `}` that closes it, which is consumed. */
  tokens(inInterpolation: boolean): Token[] {
    const tokens: Token[] = [];
    let braces = 0;
    const text = this.text;
    while (this.position < text.length) {
      const start = this.position;
      const char = text[start]!;
      if (char === ' ' || char === '\t' || char === '\r') {
        this.position++;
      } else if (char === '\n') {
        tokens.push({ type: 'newline', text: '\n', offset: start, length: 1 });
        this.position++;
      } else if (text.startsWith('//', start) || (char === '#' && atLineStart(text, start))) {
        // `#disable-next-line rule` and `#disable-diagnostics` are directives to the Bicep linter, read as comments.
        const end = text.indexOf('\n', start);
        this.position = end === -1 ? text.length : end;
      } else if (text.startsWith('/*', start)) {
        const end = text.indexOf('*/', start + 2);
        if (end === -1) throw new SyntaxProblem('The multi-line comment at this location is not terminated. Terminate it with the */ character sequence.', start, 2);
        this.position = end + 2;
      } else if (char === '\uFEFF' && start === 0) {
        this.position++;
      } else if ((char === "'" || char === '$') && /^\$*'''/.test(text.slice(start, start + 64))) {
        tokens.push(this.multilineString());
      } else if (char === "'") {
        tokens.push(this.string());
      } else if (DIGIT.test(char)) {
        while (this.position < text.length && DIGIT.test(text[this.position]!)) this.position++;
        tokens.push({ type: 'number', text: text.slice(start, this.position), offset: start, length: this.position - start });
      } else if (IDENTIFIER_START.test(char)) {
        while (this.position < text.length && IDENTIFIER_PART.test(text[this.position]!)) this.position++;
        tokens.push({ type: 'identifier', text: text.slice(start, this.position), offset: start, length: this.position - start });
      } else {
        const punctuation = PUNCTUATION.find((candidate) => text.startsWith(candidate, start));
        if (!punctuation) throw new SyntaxProblem(`The following token is not recognized: "${char}".`, start, 1);
        if (inInterpolation && punctuation === '}' && braces === 0) {
          this.position++;
          return tokens;
        }
        if (punctuation === '{') braces++;
        if (punctuation === '}') braces--;
        this.position += punctuation.length;
        tokens.push({ type: 'punctuation', text: punctuation, offset: start, length: punctuation.length });
      }
    }
    if (inInterpolation) throw new SyntaxProblem('The string at this location is not terminated: an interpolation is not closed with "}".', this.position, 0);
    tokens.push({ type: 'end', text: '', offset: text.length, length: 0 });
    return tokens;
  }

  private string(): Token {
    const text = this.text;
    const start = this.position;
    const parts: LexedString['parts'] = [];
    let decoded = new DecodedString();
    let textStart = ++this.position;
    const flushText = () => {
      if (decoded.text !== '' || parts.length === 0 || parts[parts.length - 1]!.kind === 'interpolation') {
        parts.push({ kind: 'text', value: decoded.text, span: { offset: textStart, end: this.position }, decoded });
      }
      decoded = new DecodedString();
    };
    while (true) {
      const char = text[this.position];
      if (char === undefined || char === '\n' || char === '\r') {
        throw new SyntaxProblem('The string at this location is not terminated. Terminate the string with a single quote character.', start, this.position - start);
      }
      if (char === "'") {
        flushText();
        this.position++;
        return { type: 'string', text: text.slice(start, this.position), offset: start, length: this.position - start, string: { parts, multiline: false } };
      }
      if (char === '\\') {
        const escapeStart = this.position;
        decoded.push(this.escape(), escapeStart, this.position);
        continue;
      }
      if (char === '$' && text[this.position + 1] === '{') {
        flushText();
        const holeStart = this.position;
        this.position += 2;
        const tokens = this.interpolationTokens(holeStart);
        const holeEnd = this.position;
        tokens.push({ type: 'end', text: '', offset: holeEnd - 1, length: 0 });
        parts.push({ kind: 'interpolation', tokens, span: { offset: holeStart, end: holeEnd } });
        textStart = this.position;
        continue;
      }
      decoded.pushVerbatim(char, this.position);
      this.position++;
    }
  }

  private interpolationTokens(start: number): Token[] {
    if (++this.stringNesting > MAX_STRING_NESTING) throw new SyntaxProblem('The strings are nested too deeply to be read.', start, 2);
    const tokens = this.tokens(true);
    this.stringNesting--;
    return tokens;
  }

  private escape(): string {
    const text = this.text;
    const start = this.position;
    const next = text[start + 1];
    if (next !== undefined && next in ESCAPES) {
      this.position += 2;
      return ESCAPES[next]!;
    }
    if (next === 'u' && text[start + 2] === '{') {
      const close = text.indexOf('}', start + 3);
      const digits = close === -1 ? '' : text.slice(start + 3, close);
      if (/^[0-9A-Fa-f]{1,6}$/.test(digits) && Number.parseInt(digits, 16) <= 0x10ffff) {
        this.position = close + 1;
        return String.fromCodePoint(Number.parseInt(digits, 16));
      }
    }
    throw new SyntaxProblem(
      "The specified escape sequence is not recognized. Only the following escape sequences are allowed: \\$, \\', \\\\, \\n, \\r, \\t, \\u{...}.",
      start,
      Math.min(2, text.length - start),
    );
  }

  /**
   * `'''…'''`: no escapes; a line break right after the opening quotes is not part of the value. With n `$`
   * before the quotes, n `$` then `{` open an interpolation (`$'''a ${b}'''`); fewer are text.
   */
  private multilineString(): Token {
    const text = this.text;
    const start = this.position;
    let dollars = 0;
    while (text[start + dollars] === '$') dollars++;
    const opener = dollars > 0 ? '$'.repeat(dollars) + '{' : undefined;
    this.position = start + dollars + 3;
    if (text.startsWith('\r\n', this.position)) this.position += 2;
    else if (text[this.position] === '\n') this.position += 1;
    const parts: LexedString['parts'] = [];
    let decoded = new DecodedString();
    let textStart = this.position;
    const flushText = (end: number) => {
      parts.push({ kind: 'text', value: decoded.text, span: { offset: textStart, end }, decoded });
      decoded = new DecodedString();
    };
    while (this.position < text.length) {
      if (text.startsWith("'''", this.position)) {
        let close = this.position + 3;
        // Quotes right before the closing ones belong to the value: '''it's'''' ends at the last three.
        while (text[close] === "'") close++;
        decoded.pushVerbatim(text.slice(this.position, close - 3), this.position);
        flushText(close - 3);
        this.position = close;
        return { type: 'string', text: text.slice(start, close), offset: start, length: close - start, string: { parts, multiline: true } };
      }
      if (opener && text.startsWith(opener, this.position)) {
        flushText(this.position);
        const holeStart = this.position;
        this.position += opener.length;
        const tokens = this.interpolationTokens(holeStart);
        tokens.push({ type: 'end', text: '', offset: this.position - 1, length: 0 });
        parts.push({ kind: 'interpolation', tokens, span: { offset: holeStart, end: this.position } });
        textStart = this.position;
        continue;
      }
      decoded.pushVerbatim(text[this.position]!, this.position);
      this.position++;
    }
    throw new SyntaxProblem("The multi-line string at this location is not terminated. Terminate it with \"'''\".", start, dollars + 3);
  }
}
