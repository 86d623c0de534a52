import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, appendFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const run = promisify(execFile);
/** Run by this test's own Node, whatever `node` is first on PATH. */
const DEPCRUISE = join(PROJECT_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/**
 * The layer check of `npm run lint` (which runs it on the whole of src/ and rules/), here on a copy of the
 * sources with an import planted in one file, cruising from that file.
 */
async function layerCheck(file: string, line: string): Promise<{ passed: boolean; output: string }> {
  const root = mkdtempSync(join(tmpdir(), 'batchlint-layers-'));
  copies.push(root);
  for (const path of ['src', 'rules', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(PROJECT_ROOT, path), join(root, path), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  appendFileSync(join(root, file), `\n${line}\n`);
  try {
    const { stdout } = await run(process.execPath, [DEPCRUISE, file, '--config', '.dependency-cruiser.cjs'], { cwd: root });
    return { passed: true, output: stdout };
  } catch (error) {
    return { passed: false, output: (error as { stdout: string }).stdout };
  }
}

const copies: string[] = [];
afterEach(() => {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the layers of src/', () => {
  it('pass the check with a harmless import planted', async () => {
    const { passed, output } = await layerCheck('src/pool/duration.ts', "import '../model/unknown.ts';");
    expect(output).toContain('no dependency violations found');
    expect(passed).toBe(true);
  });

  it('fail the check when a lower layer imports a higher one', async () => {
    const { passed, output } = await layerCheck('src/pool/duration.ts', "import '../engine/lint.ts';");
    expect(passed).toBe(false);
    expect(output).toMatch(/layer:src\/pool: src\/pool\/duration\.ts → src\/engine\/lint\.ts/);
  });

  it('fail the check when two folders of one layer import each other', async () => {
    const { passed, output } = await layerCheck('src/sources/terraform/defaults.ts', "import '../arm/evaluate.ts';");
    expect(passed).toBe(false);
    expect(output).toMatch(/layer:src\/sources\/terraform: src\/sources\/terraform\/defaults\.ts → src\/sources\/arm\/evaluate\.ts/);
  });

  it('fail the check on a package that package.json does not declare', async () => {
    const { passed, output } = await layerCheck('src/pool/duration.ts', "import 'semver';");
    expect(passed).toBe(false);
    expect(output).toMatch(/no-undeclared-package: src\/pool\/duration\.ts → \S*semver/);
  });

  it('fail the check on a cycle of imports inside one folder', async () => {
    const { passed, output } = await layerCheck('src/model/location.ts', "import './document.ts';");
    expect(passed).toBe(false);
    expect(output).toMatch(/no-circular: src\/model\/(location|document)\.ts/);
  });
});
