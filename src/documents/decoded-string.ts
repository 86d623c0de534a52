import type { StringRange } from '../model/location.ts';

/** A range of a file's text. */
export interface TextRange {
  offset: number;
  length: number;
}

/**
 * A string value as a reader decoded it, with the file characters each of its UTF-16 code units came from:
 * an escape (`\n`, `''`, a folded line break) produces its characters from several file characters at once.
 */
export class DecodedString {
  text = '';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Appends decoded characters produced by the file characters [rawStart, rawEnd). */
  push(decoded: string, rawStart: number, rawEnd: number): void {
    this.text += decoded;
    this.starts.push(...new Array<number>(decoded.length).fill(rawStart));
    this.ends.push(...new Array<number>(decoded.length).fill(rawEnd));
  }

  /** Appends file text that stands for itself, starting at rawStart. */
  pushVerbatim(raw: string, rawStart: number): void {
    for (let index = 0; index < raw.length; index++) this.push(raw[index]!, rawStart + index, rawStart + index + 1);
  }

  /** Appends other's characters from `from` on, with the file characters behind them. */
  append(other: DecodedString, from = 0): void {
    this.text += other.text.slice(from);
    this.starts.push(...other.starts.slice(from));
    this.ends.push(...other.ends.slice(from));
  }

  /** Keeps only the first `length` decoded characters. */
  truncate(length: number): void {
    this.text = this.text.slice(0, length);
    this.starts.length = length;
    this.ends.length = length;
  }

  /** The file range whose characters produce the decoded range; undefined when the range is not inside the value. */
  rawRange(within: StringRange): TextRange | undefined {
    const { offset, length } = within;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.text.length) return undefined;
    if (length === 0) {
      const at = offset < this.text.length ? this.starts[offset] : this.ends[offset - 1];
      return at === undefined ? undefined : { offset: at, length: 0 };
    }
    const start = this.starts[offset]!;
    return { offset: start, length: this.ends[offset + length - 1]! - start };
  }
}

/** The decoding, when it reproduces the value the reader gave; anything else would place a finding wrongly. */
export function matching(decoded: DecodedString | undefined, value: unknown): DecodedString | undefined {
  return decoded && decoded.text === value ? decoded : undefined;
}

/** The range relative to a piece of a value at [start, start + length), when it lies wholly inside that piece. */
export function rangeInPiece(within: StringRange, start: number, length: number): StringRange | undefined {
  const end = within.offset + within.length;
  const inside = within.offset >= start && end <= start + length && (within.length > 0 || within.offset < start + length);
  return inside ? { offset: within.offset - start, length: within.length } : undefined;
}
