import { readFileSync } from 'node:fs';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface SourceText {
  text: string;
  encoding: TextEncoding;
}

/**
 * A file's text. UTF-16 with a byte order mark (what Windows PowerShell 5's `>` and Out-File write) is
 * decoded: az reads such files as well as UTF-8 ones. Anything else is read as UTF-8.
 */
export function decodeSource(bytes: Buffer): SourceText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: swapBytes(bytes.subarray(2)).toString('utf16le'), encoding: 'utf-16be' };
  return { text: bytes.toString('utf8'), encoding: 'utf-8' };
}

/** A UTF-16 byte order mark (FF FE or FE FF), read as UTF-8: two replacement characters. */
const UTF16_MARK_AS_UTF8 = '\uFFFD\uFFFD';

/**
 * The file's text, decoded as decodeSource does. Read as UTF-8 first, Node's fast path for a string; only a
 * file that starts as a UTF-16 byte order mark would is read again as bytes.
 */
export function readSource(path: string): SourceText {
  const text = readFileSync(path, 'utf8');
  return text.startsWith(UTF16_MARK_AS_UTF8) ? decodeSource(readFileSync(path)) : { text, encoding: 'utf-8' };
}

/** The bytes to write back, in the encoding the file was read in (its byte order mark included). */
export function encodeSource(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return encoding === 'utf-16le' ? littleEndian : swapBytes(littleEndian);
}

function swapBytes(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16();
}
