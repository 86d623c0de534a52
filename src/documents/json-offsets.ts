import type { Path } from '../model/location.ts';

export interface Span {
  offset: number;
  length: number;
}

/** Where one member of a JSON document is: its key (object members only) and its value. */
export interface MemberSpans {
  key?: Span;
  value: Span;
  /** For an object or array value: where its last member's value ends, and where that member's key (or value) starts. */
  lastMember?: { keyOffset: number; valueEnd: number };
}

/** The member at a path, or the deepest ancestor of it that exists and how deep that is. */
export interface Found {
  depth: number;
  member: MemberSpans;
}

/**
 * Finds a path in a JSON text that is already known to parse (JSON.parse accepted it, or comments were
 * blanked out of JSONC), walking only along the path and skipping other values with indexOf and bracket
 * counting. jsonc-parser's tree gives the same spans, but building it for every file with a finding
 * was the largest cost of a large lint. Trailing commas are tolerated; for duplicate keys the last wins,
 * as in JSON.parse.
 */
export function findMember(text: string, path: Path): Found {
  const scanner = new Scanner(text);
  let member: MemberSpans = { value: { offset: scanner.skipWhitespace(0), length: 0 } };
  member.value.length = scanner.endOfValue(member.value.offset) - member.value.offset;
  for (let depth = 0; depth < path.length; depth++) {
    const child = scanner.child(member.value.offset, path[depth]!);
    if (!child) return { depth, member: withLastMember(scanner, member) };
    member = child;
  }
  return { depth: path.length, member: withLastMember(scanner, member) };
}

function withLastMember(scanner: Scanner, member: MemberSpans): MemberSpans {
  const lastMember = scanner.lastMember(member.value.offset);
  return lastMember ? { ...member, lastMember } : member;
}

const WHITESPACE = new Set([32, 10, 13, 9]);
/** What ends a number, true, false or null: whitespace, comma, ] and }. */
const LITERAL_END = new Set([32, 10, 13, 9, 44, 93, 125]);

class Scanner {
  constructor(private readonly text: string) {}

  skipWhitespace(position: number): number {
    while (WHITESPACE.has(this.text.charCodeAt(position))) position++;
    return position;
  }

  /** The member of the object or array that opens at `start` named by `segment`, if any (the last one wins). */
  child(start: number, segment: string | number): MemberSpans | undefined {
    let found: MemberSpans | undefined;
    this.members(start, (key, keySpan, valueStart, valueEnd, index) => {
      const matches = keySpan ? key === String(segment) : index === segment;
      if (matches) found = { ...(keySpan && { key: keySpan }), value: { offset: valueStart, length: valueEnd - valueStart } };
    });
    return found;
  }

  lastMember(start: number): MemberSpans['lastMember'] {
    let last: MemberSpans['lastMember'];
    this.members(start, (_, keySpan, valueStart, valueEnd) => {
      last = { keyOffset: keySpan?.offset ?? valueStart, valueEnd };
    });
    return last;
  }

  /** Calls back for each member of the object or array opening at `start`; nothing for a scalar. */
  private members(start: number, each: (key: string, keySpan: Span | undefined, valueStart: number, valueEnd: number, index: number) => void): void {
    const opening = this.text[start];
    if (opening !== '{' && opening !== '[') return;
    const close = opening === '{' ? '}' : ']';
    let position = start + 1;
    for (let index = 0; ; index++) {
      position = this.skipWhitespace(position);
      if (position >= this.text.length || this.text[position] === close) return;
      let key = '';
      let keySpan: Span | undefined;
      if (opening === '{') {
        const keyEnd = this.endOfString(position);
        const raw = this.text.slice(position + 1, keyEnd - 1);
        key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        keySpan = { offset: position, length: keyEnd - position };
        position = this.skipWhitespace(keyEnd) + 1; // past the colon
      }
      const valueStart = this.skipWhitespace(position);
      const valueEnd = this.endOfValue(valueStart);
      each(key, keySpan, valueStart, valueEnd, index);
      position = this.skipWhitespace(valueEnd);
      if (this.text[position] === ',') position++;
    }
  }

  endOfValue(start: number): number {
    const char = this.text[start];
    if (char === '"') return this.endOfString(start);
    if (char !== '{' && char !== '[') {
      let position = start;
      while (position < this.text.length && !LITERAL_END.has(this.text.charCodeAt(position))) position++;
      return position;
    }
    let depth = 0;
    for (let position = start; position < this.text.length; position++) {
      const code = this.text.charCodeAt(position);
      if (code === 34) position = this.endOfString(position) - 1;
      else if (code === 123 || code === 91) depth++;
      else if ((code === 125 || code === 93) && --depth === 0) return position + 1;
    }
    return this.text.length;
  }

  private endOfString(start: number): number {
    let quote = this.text.indexOf('"', start + 1);
    while (quote !== -1) {
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      quote = this.text.indexOf('"', quote + 1);
    }
    return this.text.length;
  }
}
