import { afterEach, describe, expect, it, vi } from 'vitest';
import { youngGenerationCap } from '../../src/cli/young-generation.ts';

const MB = 1024 * 1024;

/** A stand-in for node:v8 whose young generation has the given size, recording the flags set. */
function fakeV8(newSpaceSize: () => number) {
  const flags: string[] = [];
  const v8 = {
    getHeapSpaceStatistics: () => [
      { space_name: 'old_space', space_size: 100 * MB },
      { space_name: 'new_space', space_size: newSpaceSize() },
    ],
    setFlagsFromString: (flag: string) => flags.push(flag),
  };
  vi.spyOn(process, 'getBuiltinModule').mockImplementation((id: string) => (id === 'node:v8' ? v8 : undefined));
  return flags;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('youngGenerationCap', () => {
  it("stops V8's young generation growing once it reached 8 MB, once, and never on a short run", () => {
    let size = 2 * MB;
    const flags = fakeV8(() => size);
    const eachFile = youngGenerationCap();
    for (let file = 0; file < 200; file++) eachFile();
    expect(flags).toEqual([]);
    size = 8 * MB;
    for (let file = 0; file < 200; file++) eachFile();
    expect(flags).toEqual(['--semi-space-growth-factor=1']);

    const shortRunFlags = fakeV8(() => 64 * MB);
    const shortRun = youngGenerationCap();
    for (let file = 0; file < 63; file++) shortRun();
    expect(shortRunFlags).toEqual([]);
  });
});
