// On a long run V8 keeps doubling its young generation (to 64 MB on Node 24), which is most of why 20,000 files
// peaked at ~1.9x the memory of 2,000 while the live heap stays flat. `node --max-semi-space-size` would cap it,
// but a flag on the command line does not survive npx, Windows shims or the Action's runner; V8 reads its growth
// factor each time it grows the young generation, so setting that factor to 1 once the young generation reached
// the cap stops the growth from inside. A run does not yield to timers while it goes over its files, so the
// check is called per file; node:v8 (~2.5 ms to load) only once a run is that long.
const FILES_BEFORE_CHECKING = 64;
const FILES_BETWEEN_CHECKS = 8;
const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;

/** A function to call once per file in each pass: it stops the young generation growing past the cap. */
export function youngGenerationCap(): () => void {
  let files = 0;
  let capped = false;
  return () => {
    if (capped || ++files < FILES_BEFORE_CHECKING || files % FILES_BETWEEN_CHECKS !== 0) return;
    const v8 = process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined;
    const young = v8?.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (!v8 || !young) capped = true;
    else if (young.space_size >= YOUNG_GENERATION_CAP) {
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      capped = true;
    }
  };
}
