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
  return new JsonMemberIndex(text).find(path);
}

/** One container's members, scanned once: an object's by key (the last of duplicates), an array's by index; and the last one. */
interface Members {
  isObject: boolean;
  byKey: Map<string, MemberSpans>;
  byIndex: MemberSpans[];
  last: MemberSpans['lastMember'];
}

/**
 * findMember for many paths of one text: each object or array on a path is scanned once and remembered, so
 * that a file of N pools with findings costs O(N), not a scan from the top for every finding.
 */
export class JsonMemberIndex {
  private readonly scanner: Scanner;
  private readonly containers = new Map<number, Members>();
  private root: MemberSpans | undefined;

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  find(path: Path): Found {
    let member = this.rootMember();
    for (let depth = 0; depth < path.length; depth++) {
      const child = this.child(member.value.offset, path[depth]!);
      if (!child) return { depth, member: this.withLastMember(member) };
      member = child;
    }
    return { depth: path.length, member: this.withLastMember(member) };
  }

  private rootMember(): MemberSpans {
    if (!this.root) {
      const offset = this.scanner.skipWhitespace(0);
      this.root = { value: { offset, length: this.scanner.endOfValue(offset) - offset } };
    }
    return this.root;
  }

  private child(start: number, segment: string | number): MemberSpans | undefined {
    const members = this.membersAt(start);
    if (!members) return undefined;
    if (members.isObject) return members.byKey.get(String(segment));
    return typeof segment === 'number' ? members.byIndex[segment] : undefined;
  }

  private withLastMember(member: MemberSpans): MemberSpans {
    const last = this.membersAt(member.value.offset)?.last;
    return last ? { ...member, lastMember: last } : member;
  }

  private membersAt(start: number): Members | undefined {
    let members = this.containers.get(start);
    if (members) return members;
    const opening = this.scanner.charAt(start);
    if (opening !== '{' && opening !== '[') return undefined;
    members = { isObject: opening === '{', byKey: new Map(), byIndex: [], last: undefined };
    const found = members;
    this.scanner.members(start, (key, keySpan, valueStart, valueEnd) => {
      const member: MemberSpans = { ...(keySpan && { key: keySpan }), value: { offset: valueStart, length: valueEnd - valueStart } };
      if (keySpan) found.byKey.set(key, member);
      else found.byIndex.push(member);
      found.last = { keyOffset: keySpan?.offset ?? valueStart, valueEnd };
    });
    this.containers.set(start, members);
    return members;
  }
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

  charAt(position: number): string | undefined {
    return this.text[position];
  }

  /** Calls back for each member of the object or array opening at `start`; nothing for a scalar. */
  members(start: number, each: (key: string, keySpan: Span | undefined, valueStart: number, valueEnd: number) => void): void {
    const opening = this.text[start];
    if (opening !== '{' && opening !== '[') return;
    const close = opening === '{' ? '}' : ']';
    let position = start + 1;
    for (;;) {
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
      each(key, keySpan, valueStart, valueEnd);
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
