import { DecodedString, rangeInPiece } from '../../documents/decoded-string.ts';
import type { StringRange } from '../../model/location.ts';
import { evaluate, type EvaluationScope } from './evaluate.ts';
import { parseExpression, type Expression } from './expression-syntax.ts';

/**
 * Where a range of an expression string's value was written: inside one of its string literals (a range of
 * the written "[…]" string), or inside the value of a plain parameter or variable reference.
 */
export type WrittenPart = { kind: 'literal'; range: StringRange } | { kind: 'reference'; reference: 'parameters' | 'variables'; name: string; within: StringRange };

/**
 * The part of a `[concat(…)]` or `[format(…)]` expression that produces the range `within` of its value,
 * when the whole range comes from one literal or one reference; undefined otherwise.
 */
export function writtenPartOf(written: string, within: StringRange, scope: EvaluationScope): WrittenPart | undefined {
  let expression: Expression;
  try {
    expression = parseExpression(written.slice(1, -1));
  } catch {
    return undefined;
  }
  const part = partOf(expression, within, scope);
  // The expression text starts after the opening bracket.
  return part?.kind === 'literal' ? { kind: 'literal', range: { offset: part.range.offset + 1, length: part.range.length } } : part;
}

function partOf(expression: Expression, within: StringRange, scope: EvaluationScope): WrittenPart | undefined {
  if (expression.kind === 'string') return literalPart(expression, within);
  if (expression.kind !== 'call') return undefined;
  const name = expression.name.toLowerCase();
  if (name === 'concat') return concatPart(expression.args, within, scope);
  if (name === 'format') return formatPart(expression.args, within, scope);
  if ((name === 'parameters' || name === 'variables') && expression.args.length === 1 && expression.args[0]!.kind === 'string') {
    return { kind: 'reference', reference: name, name: expression.args[0]!.value, within };
  }
  return undefined;
}

function concatPart(args: Expression[], within: StringRange, scope: EvaluationScope): WrittenPart | undefined {
  let start = 0;
  for (const arg of args) {
    const value = stringValue(arg, scope);
    if (value === undefined) return undefined;
    const inside = rangeInPiece(within, start, value.length);
    if (inside) return partOf(arg, inside, scope);
    start += value.length;
  }
  return undefined;
}

/** As the evaluator reads a format: `{{` and `}}` are braces, `{n}` or `{n:…}` the n-th value as text. */
function formatPart(args: Expression[], within: StringRange, scope: EvaluationScope): WrittenPart | undefined {
  const [pattern, ...values] = args;
  if (pattern?.kind !== 'string') return undefined;
  const token = /\{\{|\}\}|\{(\d+)(?::[^}]*)?\}/g;
  let start = 0;
  let patternAt = 0;
  for (let match = token.exec(pattern.value); ; match = token.exec(pattern.value)) {
    const textEnd = match ? match.index : pattern.value.length;
    const text = rangeInPiece(within, start, textEnd - patternAt);
    if (text) return literalPart(pattern, { offset: patternAt + text.offset, length: text.length });
    start += textEnd - patternAt;
    if (!match) return undefined;
    const arg = match[1] === undefined ? undefined : values[Number(match[1])];
    const value = match[1] === undefined ? match[0][0]! : arg && stringValue(arg, scope);
    if (value === undefined) return undefined;
    const inside = rangeInPiece(within, start, value.length);
    // A brace written twice produces one: a range on it covers both.
    if (inside) return arg ? partOf(arg, inside, scope) : literalPart(pattern, { offset: match.index, length: inside.length === 0 ? 0 : 2 });
    start += value.length;
    patternAt = match.index + match[0].length;
  }
}

/** A range of a string literal's value, as the characters of the expression text written for it (`''` is one quote). */
function literalPart(literal: Extract<Expression, { kind: 'string' }>, within: StringRange): WrittenPart | undefined {
  const decoded = new DecodedString();
  let position = literal.offset + 1;
  for (const char of literal.value) {
    const width = char === "'" ? 2 : char.length;
    decoded.push(char, position, position + width);
    position += width;
  }
  const range = decoded.rawRange(within);
  return range && { kind: 'literal', range };
}

function stringValue(expression: Expression, scope: EvaluationScope): string | undefined {
  try {
    const value = evaluate(expression, scope);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
