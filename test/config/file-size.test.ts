import { describe, expect, it } from 'vitest';
import { formatFileSize, parseFileSize } from '../../src/config/file-size.ts';
import { validateConfig } from '../../src/config/validate-config.ts';
import { starterConfig } from '../../src/cli/starter-config.ts';
import { parse } from 'yaml';

describe('file sizes in the config and on the command line', () => {
  it.each([
    ['1048576', 1_048_576],
    [1024, 1024],
    ['512KB', 512 * 1024],
    ['20MB', 20 * 1024 * 1024],
    [' 1.5 mb ', 1.5 * 1024 * 1024],
    ['1GB', 1024 * 1024 * 1024],
    ['100B', 100],
  ] as const)('%s is %d bytes', (written, bytes) => {
    expect(parseFileSize(written)).toBe(bytes);
  });

  it.each(['ten', '', '-1', '0', '10 TB', '1e3', 0, -5, 1.5])('%s is not a size', (written) => {
    expect(parseFileSize(written)).toBeUndefined();
  });

  it('says sizes as a person reads them', () => {
    expect([900, 300 * 1024, 12.5 * 1024 * 1024].map(formatFileSize)).toEqual(['900 bytes', '300 KB', '12.5 MB']);
  });

  it('accepts maxFileSize in a config as bytes or with a unit, and refuses other values', () => {
    expect(validateConfig({ maxFileSize: '20MB' }, [])).toEqual([]);
    expect(validateConfig({ maxFileSize: 1_000_000 }, [])).toEqual([]);
    expect(validateConfig({ maxFileSize: 'ten' }, [])).not.toEqual([]);
    expect(validateConfig({ maxFileSize: 0 }, [])).not.toEqual([]);
  });

  it("the YAML starter's maxFileSize example is valid once uncommented", () => {
    const uncommented = starterConfig('yaml', '0.1.0').replace('# maxFileSize: 20MB', 'maxFileSize: 20MB');
    expect(uncommented).toMatch(/^maxFileSize: 20MB/m);
    expect(validateConfig(parse(uncommented), [])).toEqual([]);
  });
});
