import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/autoscale/lexer.ts';

const shape = (source: string) => tokenize(source).tokens.map(({ kind, text, offset, afterLineBreak }) => ({ kind, text, offset, afterLineBreak }));

describe('tokenize', () => {
  it('places every token and marks those after a line break', () => {
    expect(shape('$a = 1.5; // note\nb=$a*2')).toEqual([
      { kind: 'name', text: '$a', offset: 0, afterLineBreak: true },
      { kind: 'punctuation', text: '=', offset: 3, afterLineBreak: false },
      { kind: 'number', text: '1.5', offset: 5, afterLineBreak: false },
      { kind: 'punctuation', text: ';', offset: 8, afterLineBreak: false },
      { kind: 'name', text: 'b', offset: 18, afterLineBreak: true },
      { kind: 'punctuation', text: '=', offset: 19, afterLineBreak: false },
      { kind: 'name', text: '$a', offset: 20, afterLineBreak: false },
      { kind: 'punctuation', text: '*', offset: 22, afterLineBreak: false },
      { kind: 'number', text: '2', offset: 23, afterLineBreak: false },
      { kind: 'end', text: '', offset: 24, afterLineBreak: false },
    ]);
  });

  it('reads two-character operators whole and strings with their quotes', () => {
    expect(
      shape('a<=b&&c!=d||!e>=f==g time("x y")')
        .filter((token) => token.kind !== 'name')
        .map((token) => token.text),
    ).toEqual(['<=', '&&', '!=', '||', '!', '>=', '==', '(', '"x y"', ')', '']);
  });

  it('ends a comment at a line break of any kind', () => {
    expect(shape('a // x\r\nb // y').map((token) => token.text)).toEqual(['a', 'b', '']);
  });

  it('stops at a character it cannot read, with the reason', () => {
    const { tokens, diagnostics } = tokenize('x = 3 # 4');
    expect(diagnostics).toEqual([{ severity: 'error', code: 'syntax', message: "unexpected character '#'", offset: 6, length: 1 }]);
    expect(tokens.at(-1)).toMatchObject({ kind: 'end', offset: 6 });
  });

  it("names the '$' that starts no variable", () => {
    expect(tokenize('x = $ 3').diagnostics[0]).toMatchObject({ message: "expected a variable name after '$'", offset: 4 });
  });

  it('warns about what the docs do not show but reads it: exponents and block comments', () => {
    const { tokens, diagnostics } = tokenize('x = 1e3; /* c */ y = 2');
    expect(tokens.map((token) => token.text)).toEqual(['x', '=', '1e3', ';', 'y', '=', '2', '']);
    expect(diagnostics.map(({ severity, code, offset, length }) => ({ severity, code, offset, length }))).toEqual([
      { severity: 'warning', code: 'undocumented-syntax', offset: 4, length: 3 },
      { severity: 'warning', code: 'undocumented-syntax', offset: 9, length: 7 },
    ]);
  });

  it('rejects an unterminated block comment or string at its start', () => {
    expect(tokenize('x = 1 /* open').diagnostics).toMatchObject([{ severity: 'error', message: "unterminated '/*' comment", offset: 6 }]);
    expect(tokenize('x = time("2024\n");').diagnostics).toMatchObject([{ severity: 'error', message: "unterminated string: expected a closing '\"'", offset: 9 }]);
  });
});
