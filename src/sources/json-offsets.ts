import type { Path } from './location.ts';

export interface Span {
  offset: number;
  length: number;
}

/** Where one member of a JSON document is: its key (object members only) and its value. */
export interface MemberSpans {
  key?: Span;
  value: Span;
  /** For an object or array value: where its last member's value ends, and where that member's key starts. */
  lastMember?: { keyOffset: number; valueEnd: number };
}

const SEPARATOR = '\u0000';
/** Whitespace, comma, ] and }: what ends a number, true, false or null. */
const LITERAL_END = new Set([32, 10, 13, 9, 44, 93, 125]);

/** A path as a map key: each segment prefixed by a separator, so the root is "" and [""] is not. */
export function pathKey(path: Path): string {
  let key = '';
  for (const segment of path) key += SEPARATOR + segment;
  return key;
}

/**
 * The spans of every key and value of a JSON text that is already known to parse (JSON.parse accepted it,
 * or comments were blanked out of JSONC). jsonc-parser's tree does the same, but at about a fifth of the
 * speed, and locating findings is the hot path of a large lint; strings are skipped with indexOf rather
 * than character by character. Trailing commas are tolerated. Duplicate keys keep the last, as JSON.parse does.
 */
export function indexJsonOffsets(text: string): Map<string, MemberSpans> {
  const spans = new Map<string, MemberSpans>();
  let position = 0;

  const skipWhitespace = () => {
    let code = text.charCodeAt(position);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++position);
  };

  const endOfString = (start: number): number => {
    let quote = text.indexOf('"', start + 1);
    while (quote !== -1) {
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      quote = text.indexOf('"', quote + 1);
    }
    return text.length;
  };

  const value = (key: string, spansOfKey: Omit<MemberSpans, 'value'>): void => {
    skipWhitespace();
    const start = position;
    const char = text[position];
    const entry: MemberSpans = { ...spansOfKey, value: { offset: start, length: 0 } };
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      position++;
      for (let index = 0; ; index++) {
        skipWhitespace();
        if (text[position] === close || position >= text.length) break;
        let childKey = String(index);
        let keySpan: Span | undefined;
        if (char === '{') {
          const keyEnd = endOfString(position);
          const raw = text.slice(position + 1, keyEnd - 1);
          childKey = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          keySpan = { offset: position, length: keyEnd - position };
          position = keyEnd;
          skipWhitespace();
          position++; // the colon
        }
        const childPath = key + SEPARATOR + childKey;
        value(childPath, keySpan ? { key: keySpan } : {});
        const member = spans.get(childPath)!;
        entry.lastMember = { keyOffset: keySpan?.offset ?? member.value.offset, valueEnd: member.value.offset + member.value.length };
        skipWhitespace();
        if (text[position] === ',') position++;
      }
      position++;
    } else if (char === '"') {
      position = endOfString(position);
    } else {
      while (position < text.length && !LITERAL_END.has(text.charCodeAt(position))) position++;
    }
    entry.value.length = position - start;
    spans.set(key, entry);
  };

  value('', {});
  return spans;
}
