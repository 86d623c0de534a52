import type { FormulaDiagnostic } from './diagnostic.ts';
import { PUNCTUATION, type Token } from './tokens.ts';

export interface LexResult {
  tokens: Token[];
  /** A syntax error ends the token list early (the last token is then `end` at the error); warnings do not. */
  diagnostics: FormulaDiagnostic[];
}

const NAME = /\$?[A-Za-z_][A-Za-z0-9_]*/y;
// Decimal numbers as the docs write them (`0.7`, `180`); an exponent is read too, and warned about.
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?<exponent>[eE][+-]?\d+)?/y;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

const STRAY_CHARACTER_HINTS: Record<string, string> = {
  '&': "'&' is not an operator: use '&&'",
  '|': "'|' is not an operator: use '||'",
  '%': "'%' is not an operator of the autoscale language",
  '^': "'^' is not an operator of the autoscale language",
  "'": 'strings are written in double quotes',
  $: "expected a variable name after '$'",
};

/** Splits a formula into tokens; `//` comments and white space (line breaks included) separate them. */
export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  const diagnostics: FormulaDiagnostic[] = [];
  let position = 0;
  let afterLineBreak = true;
  const push = (kind: Token['kind'], offset: number, length: number) => {
    tokens.push({ kind, text: source.slice(offset, offset + length), offset, length, afterLineBreak });
    afterLineBreak = false;
  };

  while (position < source.length) {
    const character = source[position]!;
    if (/\s/.test(character)) {
      if (LINE_BREAK.test(character)) afterLineBreak = true;
      position += 1;
      continue;
    }
    if (source.startsWith('//', position)) {
      const end = nextLineBreak(source, position);
      position = end === -1 ? source.length : end;
      continue;
    }
    if (source.startsWith('/*', position)) {
      const close = source.indexOf('*/', position + 2);
      const end = close === -1 ? source.length : close + 2;
      diagnostics.push({
        severity: close === -1 ? 'error' : 'warning',
        code: close === -1 ? 'syntax' : 'undocumented-syntax',
        message: close === -1 ? "unterminated '/*' comment" : "'/* */' comments are not documented for autoscale formulas (the docs show only '//'); the service may reject them",
        offset: position,
        length: close === -1 ? 2 : end - position,
      });
      if (close === -1) return finish(tokens, diagnostics, position);
      if (LINE_BREAK.test(source.slice(position, end))) afterLineBreak = true;
      position = end;
      continue;
    }
    if (character === '"') {
      const close = source.indexOf('"', position + 1);
      if (close === -1 || LINE_BREAK.test(source.slice(position + 1, close))) {
        diagnostics.push({ severity: 'error', code: 'syntax', message: "unterminated string: expected a closing '\"'", offset: position, length: 1 });
        return finish(tokens, diagnostics, position);
      }
      push('string', position, close + 1 - position);
      position = close + 1;
      continue;
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(source);
    if (number) {
      if (number.groups?.exponent) {
        diagnostics.push({
          severity: 'warning',
          code: 'undocumented-syntax',
          message: `exponent notation ('${number[0]}') is not documented for autoscale formulas; write the number out`,
          offset: position,
          length: number[0].length,
        });
      }
      push('number', position, number[0].length);
      position += number[0].length;
      continue;
    }
    NAME.lastIndex = position;
    const name = NAME.exec(source);
    if (name) {
      push('name', position, name[0].length);
      position += name[0].length;
      continue;
    }
    const punctuation = PUNCTUATION.find((candidate) => source.startsWith(candidate, position));
    if (punctuation) {
      push('punctuation', position, punctuation.length);
      position += punctuation.length;
      continue;
    }
    const hint = STRAY_CHARACTER_HINTS[character];
    diagnostics.push({ severity: 'error', code: 'syntax', message: hint ?? `unexpected character '${character}'`, offset: position, length: 1 });
    return finish(tokens, diagnostics, position);
  }
  return finish(tokens, diagnostics, source.length);

  function finish(done: Token[], found: FormulaDiagnostic[], endOffset: number): LexResult {
    done.push({ kind: 'end', text: '', offset: endOffset, length: 0, afterLineBreak });
    return { tokens: done, diagnostics: found };
  }
}

const ANY_LINE_BREAK = new RegExp(LINE_BREAK.source, 'g');

/** Where the first line break at or after `from` is; -1 when there is none. Searched in place: a copy of the rest of the formula per comment made long formulas quadratic. */
function nextLineBreak(source: string, from: number): number {
  ANY_LINE_BREAK.lastIndex = from;
  return ANY_LINE_BREAK.exec(source)?.index ?? -1;
}
