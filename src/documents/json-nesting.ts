import { MAX_NESTING, NESTING_TOO_DEEP } from '../model/nesting.ts';
import { ReadLimitExceeded } from '../model/syntax-problem.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const NEWLINE = 0x0a;
const OPENINGS = new Set([0x7b, 0x5b]);
const CLOSINGS = new Set([0x7d, 0x5d]);

/**
 * Throws ReadLimitExceeded at the first bracket that opens a level deeper than MAX_NESTING. Strings and
 * comments are skipped; the text need not be valid (the parser says what else is wrong). Run before the
 * parser, which recurses once per level.
 */
export function checkJsonNesting(text: string, what: string): void {
  let depth = 0;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code === QUOTE) {
      for (position++; position < text.length && text.charCodeAt(position) !== QUOTE; position++) {
        if (text.charCodeAt(position) === BACKSLASH) position++;
      }
    } else if (code === SLASH && text.charCodeAt(position + 1) === SLASH) {
      while (position < text.length && text.charCodeAt(position) !== NEWLINE) position++;
    } else if (code === SLASH && text.charCodeAt(position + 1) === STAR) {
      const close = text.indexOf('*/', position + 2);
      position = close === -1 ? text.length : close + 1;
    } else if (OPENINGS.has(code)) {
      if (++depth > MAX_NESTING) throw new ReadLimitExceeded(`${what}: ${NESTING_TOO_DEEP}`, position, 1);
    } else if (CLOSINGS.has(code) && depth > 0) {
      depth--;
    }
  }
}
