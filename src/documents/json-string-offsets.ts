import { DecodedString } from './decoded-string.ts';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The JSON string literal opening at `quote` in text, decoded with the file characters behind each of its characters. */
export function decodeJsonString(text: string, quote: number): DecodedString | undefined {
  if (text[quote] !== '"') return undefined;
  const decoded = new DecodedString();
  let position = quote + 1;
  while (position < text.length && text[position] !== '"') {
    if (text[position] !== '\\') {
      decoded.pushVerbatim(text[position]!, position);
      position++;
      continue;
    }
    const kind = text[position + 1];
    if (kind === 'u') {
      const hex = text.slice(position + 2, position + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      decoded.push(String.fromCharCode(Number.parseInt(hex, 16)), position, position + 6);
      position += 6;
    } else if (kind !== undefined && kind in SIMPLE_ESCAPES) {
      decoded.push(SIMPLE_ESCAPES[kind]!, position, position + 2);
      position += 2;
    } else {
      return undefined;
    }
  }
  return position < text.length ? decoded : undefined;
}
