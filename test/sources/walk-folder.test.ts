import { mkdirSync, mkdtempSync, readdir, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { SEARCHED_EXTENSIONS } from '../../src/documents/parse-file.ts';
import { walkFolder } from '../../src/sources/walk-folder.ts';

function tempTree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'batchlint-walk-'));
  for (const path of files) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '{}');
  }
  return realpathSync(root);
}

const TREE = [
  'pools/a.json',
  'pools/b.yaml',
  'pools/c.YML',
  'pools/d.jsonc',
  'pools/notes.txt',
  'pools/.hidden.json',
  'pools/.dot/e.json',
  'pools/sub/f.tf',
  'pools/sub/deep/g.bicep',
  'pools/sub/h.yml',
  'pools/dir.json/i.yaml',
  'pools/[x].json',
];

const globbed = (cwd: string, folder: string) =>
  glob(`${folder}/**/*.{${SEARCHED_EXTENSIONS.join(',')}}`, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], dot: false, expandDirectories: false });

describe('walkFolder', () => {
  it.skipIf(process.platform === 'win32')('finds the files the glob of the folder finds, spelled the same, with their real paths', async () => {
    const root = tempTree(TREE);
    const cases: [cwd: string, folder: string][] = [
      [root, 'pools'],
      [join(root, 'pools'), '.'],
      [join(root, 'pools', 'sub'), '../../pools/sub'],
      [root, join(root, 'pools', 'sub')],
    ];
    for (const [cwd, folder] of cases) {
      const walked = await walkFolder(folder, realpathSync(resolve(cwd, folder)), cwd, SEARCHED_EXTENSIONS, readdir);
      const paths = [...walked!.files].sort();
      expect(paths).toEqual((await globbed(cwd, folder)).sort());
      expect(paths.map(walked!.realOf)).toEqual(paths.map((path) => realpathSync(resolve(cwd, path))));
    }
  });

  it.skipIf(process.platform === 'win32')('leaves to the glob a folder holding a symlink, a node_modules folder, or a path through one', async () => {
    const root = tempTree(['linked/a.json', 'modules/node_modules/x/b.json', 'modules/c.json', 'up/here/d.json']);
    symlinkSync('../modules', join(root, 'linked', 'link'));
    const walk = (folder: string, cwd = root) => walkFolder(folder, realpathSync(resolve(cwd, folder)), cwd, SEARCHED_EXTENSIONS, readdir);
    expect(await walk('linked')).toBeUndefined();
    expect(await walk('modules')).toBeUndefined();
    expect(await walk('modules/node_modules/x')).toBeUndefined();
    expect((await walk('up'))!.files).toEqual(['up/here/d.json']);
  });

  it.skipIf(process.platform === 'win32')("finds the files of cwd's own folder in a folder above it (`lint ..` from a subfolder; the glob library left them out)", async () => {
    const root = tempTree(['up/here/d.json', 'up/e.json']);
    const walked = await walkFolder('..', realpathSync(join(root, 'up')), join(root, 'up', 'here'), SEARCHED_EXTENSIONS, readdir);
    expect([...walked!.files].sort()).toEqual(['../e.json', '../here/d.json']);
  });
});
