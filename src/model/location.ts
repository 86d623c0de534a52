/** A span of the original file; lines and columns are 1-based, end is exclusive of nothing (inclusive column of the last char + 1). */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Character offsets into the file text; fixes are expressed against these. */
  offset: number;
  length: number;
}

/** Characters of a string value as decoded (escapes resolved), counted in UTF-16 code units from its start. */
export interface StringRange {
  offset: number;
  length: number;
}

/** A path into a parsed document or a canonical pool: object keys and array indices. */
export type Path = readonly (string | number)[];

/** Turns character offsets into 1-based line/column pairs. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
      this.lineStarts.push(newline + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  location(offset: number, length: number): Location {
    const start = this.position(offset);
    const end = this.position(offset + length);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset, length };
  }
}
