/** The lexical pieces of an autoscale formula. */
export type TokenKind = 'number' | 'string' | 'name' | 'punctuation' | 'end';

export interface Token {
  kind: TokenKind;
  /** The token as written; for punctuation the operator itself (`==`, `&&`, `;` …). */
  text: string;
  offset: number;
  length: number;
  /** A line break (or the start of the formula) lies between the previous token and this one. */
  afterLineBreak: boolean;
}

/** Operators and separators, longest first so that `<=` wins over `<`. */
export const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', ';', ',', '(', ')', '[', ']', '.', '?', ':', '=', '<', '>', '!', '+', '-', '*', '/'] as const;
