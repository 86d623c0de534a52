import { DecodedString } from '../decoded-string.ts';
import type { Expression, Span, TemplatePart } from './syntax.ts';

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * A template's literal text up to its first interpolation or directive, with the file characters behind
 * each character: where an interpolation's value ends is not known here, so text after one is left out.
 */
export function decodeTemplatePrefix(text: string, node: Expression): DecodedString | undefined {
  if (node.kind !== 'template') return undefined;
  const decoded = new DecodedString();
  for (const part of node.parts) {
    if (part.kind !== 'text') break;
    const written = decodeTemplateText(text, part, node.heredoc === undefined);
    if (!written) return undefined;
    decoded.append(written);
  }
  return decoded;
}

/** A text part of a template (quoted or heredoc) decoded, with the file characters behind each character. */
export function decodeTemplateText(text: string, part: Extract<TemplatePart, { kind: 'text' }>, quoted: boolean): DecodedString | undefined {
  const written = decodeText(text, part.span, quoted);
  if (!written) return undefined;
  // `<<-` removed the lines' common indentation from the part's value.
  const removed = written.text.length - part.value.length;
  if (removed < 0 || written.text.slice(removed) !== part.value || !/^[ \t]*$/.test(written.text.slice(0, removed))) return undefined;
  const kept = new DecodedString();
  kept.append(written, removed);
  return kept;
}

function decodeText(text: string, span: Span, quoted: boolean): DecodedString | undefined {
  const decoded = new DecodedString();
  for (let position = span.offset; position < span.end; position++) {
    const char = text[position]!;
    if ((char === '$' || char === '%') && text[position + 1] === char && text[position + 2] === '{') {
      decoded.push(`${char}{`, position, position + 3);
      position += 2;
    } else if (quoted && char === '\\') {
      const escape = decodeEscape(text, position);
      if (!escape) return undefined;
      decoded.push(escape.value, position, position + escape.length);
      position += escape.length - 1;
    } else {
      decoded.pushVerbatim(char, position);
    }
  }
  return decoded;
}

function decodeEscape(text: string, position: number): { value: string; length: number } | undefined {
  const kind = text[position + 1];
  if (kind !== undefined && kind in ESCAPES) return { value: ESCAPES[kind]!, length: 2 };
  const digits = kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  const hex = text.slice(position + 2, position + 2 + digits);
  if (digits === 0 || hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  return { value: String.fromCodePoint(Number.parseInt(hex, 16)), length: 2 + digits };
}
