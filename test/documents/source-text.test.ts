import { describe, expect, it } from 'vitest';
import { decodeSource, encodeSource } from '../../src/documents/source-text.ts';

const TEXT = '{ "id": "pool-é", "vmSize": "Standard_D2s_v3" }\r\n';

describe('decodeSource', () => {
  it('decodes UTF-16 little-endian with its byte order mark, as Windows PowerShell 5 writes it', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeSource(bytes)).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('decodes UTF-16 big-endian with its byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]).swap16();
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(decodeSource(bytes)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads anything else as UTF-8', () => {
    expect(decodeSource(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });
});

describe('encodeSource', () => {
  it('writes a decoded file back byte for byte in its own encoding', () => {
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]).swap16(),
      Buffer.from(TEXT, 'utf8'),
    ]) {
      const { text, encoding } = decodeSource(bytes);
      expect(encodeSource(text, encoding)).toEqual(bytes);
    }
  });
});
