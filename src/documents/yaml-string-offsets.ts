import { Scalar } from 'yaml';
import { DecodedString } from './decoded-string.ts';

interface Line {
  /** Where the line's characters start and stop (before `\r\n` or `\n`), and where its line break ends. */
  start: number;
  end: number;
  breakEnd: number;
}

/**
 * A YAML string scalar decoded from the file, with the characters behind each of its characters; undefined
 * when the decoding does not reproduce the value the yaml library read (a case this reading does not know).
 */
export function decodeYamlScalar(text: string, scalar: Scalar): DecodedString | undefined {
  if (typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const [start, end] = scalar.range;
  switch (scalar.type) {
    case Scalar.PLAIN:
      return settled(flowScalar(text, start, end, verbatim), scalar.value);
    case Scalar.QUOTE_SINGLE:
      return settled(flowScalar(text, start + 1, end - 1, singleQuoted), scalar.value);
    case Scalar.QUOTE_DOUBLE:
      return settled(flowScalar(text, start + 1, end - 1, doubleQuoted), scalar.value);
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return blockScalar(text, start, end, scalar.type === Scalar.BLOCK_FOLDED, scalar.value);
    default:
      return undefined;
  }
}

function settled(decoded: DecodedString | undefined, value: string): DecodedString | undefined {
  return decoded?.text === value ? decoded : undefined;
}

/** Decodes one line of a flow scalar's text into decoded; false when it holds something this reading does not know. */
type LineDecoder = (text: string, start: number, end: number, decoded: DecodedString) => boolean;

const verbatim: LineDecoder = (text, start, end, decoded) => {
  decoded.pushVerbatim(text.slice(start, end), start);
  return true;
};

const singleQuoted: LineDecoder = (text, start, end, decoded) => {
  for (let position = start; position < end; position++) {
    if (text[position] === "'" && text[position + 1] === "'") {
      decoded.push("'", position, position + 2);
      position++;
    } else {
      decoded.pushVerbatim(text[position]!, position);
    }
  }
  return true;
};

const DOUBLE_QUOTED_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

const doubleQuoted: LineDecoder = (text, start, end, decoded) => {
  for (let position = start; position < end; position++) {
    if (text[position] !== '\\') {
      decoded.pushVerbatim(text[position]!, position);
      continue;
    }
    const kind = text[position + 1] ?? '';
    const digits = HEX_DIGITS[kind];
    if (digits !== undefined) {
      const hex = text.slice(position + 2, position + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return false;
      decoded.push(String.fromCodePoint(Number.parseInt(hex, 16)), position, position + 2 + digits);
      position += 1 + digits;
    } else if (kind in DOUBLE_QUOTED_ESCAPES) {
      decoded.push(DOUBLE_QUOTED_ESCAPES[kind]!, position, position + 2);
      position++;
    } else {
      return false;
    }
  }
  return true;
};

/**
 * A plain or quoted scalar over [start, end): each line without its surrounding blanks, one line break
 * between two lines folded into a space, and each empty line between them kept as a line break.
 */
function flowScalar(text: string, start: number, end: number, decodeLine: LineDecoder): DecodedString | undefined {
  const lines = linesOf(text, start, end);
  const decoded = new DecodedString();
  const last = lines.length - 1;
  const blank = (line: Line) => /^[ \t]*$/.test(text.slice(line.start, line.end));
  for (let index = 0; index <= last;) {
    const line = lines[index]!;
    let from = line.start;
    let to = line.end;
    if (index > 0) while (from < to && isBlank(text[from])) from++;
    if (index < last) while (to > from && isBlank(text[to - 1])) to--;
    // A double-quoted line ending in a backslash joins the next one with nothing between.
    const joined = index < last && decodeLine === doubleQuoted && trailingBackslashes(text, from, to) % 2 === 1;
    if (!decodeLine(text, from, joined ? to - 1 : to, decoded)) return undefined;
    if (index === last) break;
    let next = index + 1;
    while (next < last && blank(lines[next]!)) next++;
    if (joined) {
      index++;
      continue;
    }
    if (next === index + 1) decoded.push(' ', line.end, line.breakEnd);
    for (let empty = index + 1; empty < next; empty++) decoded.push('\n', lines[empty]!.end, lines[empty]!.breakEnd);
    index = next;
  }
  return decoded;
}

/**
 * A block scalar (`|` or `>`) with any indentation indicator and chomping: the content indentation is the
 * one whose reading gives the library's value, and the value's end says what chomping kept.
 */
function blockScalar(text: string, start: number, end: number, folded: boolean, value: string): DecodedString | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end) return undefined;
  const lines = linesOf(text, headerEnd + 1, end).filter((line, index, all) => index < all.length - 1 || line.end > line.start || line.breakEnd > line.end);
  const firstContent = lines.find((line) => !/^ *$/.test(text.slice(line.start, line.end)));
  if (!firstContent) return undefined;
  const widest = /^ */.exec(text.slice(firstContent.start, firstContent.end))![0].length;
  for (let indentation = widest; indentation >= 1; indentation--) {
    const decoded = blockContent(text, lines, indentation, folded);
    if (!decoded?.text.startsWith(value)) continue;
    decoded.truncate(value.length);
    return decoded;
  }
  return undefined;
}

function blockContent(text: string, lines: Line[], indentation: number, folded: boolean): DecodedString | undefined {
  const decoded = new DecodedString();
  const empty = (line: Line) => line.end - line.start <= indentation && /^ *$/.test(text.slice(line.start, line.end));
  const normal = (line: Line) => !empty(line) && !isBlank(text[line.start + indentation]);
  if (!lines.every((line) => empty(line) || /^ *$/.test(text.slice(line.start, line.start + indentation)))) return undefined;
  lines.forEach((line, index) => {
    if (!empty(line)) decoded.pushVerbatim(text.slice(line.start + indentation, line.end), line.start + indentation);
    if (line.breakEnd === line.end) return;
    let next = index + 1;
    while (next < lines.length && empty(lines[next]!)) next++;
    const foldsIntoSpace = folded && !empty(line) && normal(line) && next < lines.length && normal(lines[next]!);
    if (!foldsIntoSpace) decoded.push('\n', line.end, line.breakEnd);
    else if (next === index + 1) decoded.push(' ', line.end, line.breakEnd);
  });
  return decoded;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  for (let newline = text.indexOf('\n', start); newline !== -1 && newline < end; newline = text.indexOf('\n', newline + 1)) {
    lines.push({ start: lineStart, end: text[newline - 1] === '\r' ? newline - 1 : newline, breakEnd: newline + 1 });
    lineStart = newline + 1;
  }
  lines.push({ start: lineStart, end, breakEnd: end });
  return lines;
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function trailingBackslashes(text: string, from: number, to: number): number {
  let count = 0;
  while (to - 1 - count >= from && text[to - 1 - count] === '\\') count++;
  return count;
}
