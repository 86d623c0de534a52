/** A JSON text with comments, or with ARM's line breaks inside strings, in the forms each reader needs. */
export interface JsonTextForms {
  /**
   * Raw control characters inside strings replaced by spaces, comments kept: what jsonc-parser reads, with
   * every offset of the original text.
   */
  flattened: string;
  /** The flattened text with comments blanked out too (line breaks kept): what the member scanner reads. */
  blanked: string;
  /** Raw control characters inside strings written as escapes: jsonc-parser reads this to the strings ARM sees. */
  escaped: string;
}

/**
 * ARM reads a template more leniently than JSON: `//` and `/* *\/` comments, and line breaks (any control
 * character) inside a string. Trailing commas are not among them: `az deployment` parses the template with
 * Python's json module (strict=False) after stripping comments, which refuses them. jsonc-parser's own
 * stripComments is not used: its comment tokens take in the character before them, which shifts offsets.
 */
export function jsonTextForms(text: string): JsonTextForms {
  const flattened: string[] = [];
  const blanked: string[] = [];
  const escaped: string[] = [];
  let copiedUpTo = 0;
  const copyUpTo = (end: number) => {
    const part = text.slice(copiedUpTo, end);
    flattened.push(part);
    blanked.push(part);
    escaped.push(part);
    copiedUpTo = end;
  };
  let position = 0;
  while (position < text.length) {
    const char = text[position];
    const next = text[position + 1];
    if (char === '/' && (next === '/' || next === '*')) {
      const close = next === '/' ? lineEnd(text, position) : text.indexOf('*/', position + 2);
      const end = close === -1 ? text.length : next === '/' ? close : close + 2;
      const comment = text.slice(position, end);
      copyUpTo(position);
      flattened.push(comment);
      blanked.push(comment.replace(/[^\r\n]/g, ' '));
      escaped.push(comment);
      copiedUpTo = position = end;
    } else if (char === '"') {
      for (position++; position < text.length && text[position] !== '"'; position++) {
        const code = text.charCodeAt(position);
        if (code === 92) position++;
        else if (code < 0x20) {
          copyUpTo(position);
          flattened.push(' ');
          blanked.push(' ');
          escaped.push(`\\u${code.toString(16).padStart(4, '0')}`);
          copiedUpTo = position + 1;
        }
      }
      position++;
    } else {
      position++;
    }
  }
  copyUpTo(text.length);
  return { flattened: flattened.join(''), blanked: blanked.join(''), escaped: escaped.join('') };
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
