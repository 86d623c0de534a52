import { mkdirSync, mkdtempSync, readdir, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, NoFilesMatched, type ReadFolder } from '../../src/sources/discover.ts';

function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'batchlint-discover-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Lists folders as node does, except those whose path ends with `failing`, which fail as a folder without read permission does. */
function failingFor(suffix: string): ReadFolder {
  return ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries?: unknown) => void) => {
    if (path.replace(/\/+$/, '').endsWith(suffix)) {
      callback(Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' }));
      return;
    }
    (readdir as (...args: unknown[]) => void)(path, options, callback);
  }) as ReadFolder;
}

describe('discover', () => {
  it('lists a file reached through a symlinked folder, or a symlink loop, once, under the first path found', async () => {
    const root = tempTree({ 'pools/real/pool.json': '{}', 'pools/real/other.yaml': 'a: 1\n' });
    symlinkSync('real', join(root, 'pools/link'));
    symlinkSync('..', join(root, 'pools/real/loop'));
    const { files } = await discover(['pools', 'pools/real'], root);
    expect(files).toEqual([
      { path: 'pools/link/other.yaml', named: false },
      { path: 'pools/link/pool.json', named: false },
    ]);
  });

  it('lists a file named twice by different paths once', async () => {
    const root = tempTree({ 'pool.json': '{}' });
    const { files } = await discover(['./pool.json', 'pool.json', `${root}/pool.json`], root);
    expect(files).toEqual([{ path: './pool.json', named: true }]);
  });

  it('tells a file named on the command line from files a folder or glob found', async () => {
    const root = tempTree({ 'a/pool.json': '{}', 'b/pool.yaml': 'a: 1\n', 'c.json': '{}' });
    const { files } = await discover(['c.json', 'a', 'b/*.yaml'], root);
    expect(files).toEqual([
      { path: 'c.json', named: true },
      { path: 'a/pool.json', named: false },
      { path: 'b/pool.yaml', named: false },
    ]);
  });

  it('names a folder it cannot read, and still lists the files of the others', async () => {
    const root = tempTree({ 'pools/pool.json': '{}', 'pools/failing/secret.json': '{}', 'pools/ok/b.json': '{}' });
    const { files, unreadableFolders } = await discover(['pools'], root, failingFor('failing'));
    expect(files.map((file) => file.path)).toEqual(['pools/ok/b.json', 'pools/pool.json']);
    expect(unreadableFolders).toEqual([{ path: 'pools/failing', reason: 'cannot read the folder (EACCES); its files were not linted' }]);
  });

  it('names a folder given on the command line that it cannot read, instead of failing the run for matching nothing', async () => {
    const root = tempTree({ 'failing/pool.json': '{}' });
    const { files, unreadableFolders } = await discover(['failing'], root, failingFor('failing'));
    expect(files).toEqual([]);
    expect(unreadableFolders.map((folder) => folder.path)).toEqual(['failing']);
  });

  it('still fails the run when a readable folder or a glob matches nothing', async () => {
    const root = tempTree({ 'docs/readme.md': '# x' });
    await expect(discover(['docs'], root)).rejects.toThrow(NoFilesMatched);
    await expect(discover(['no/such/*.json'], root)).rejects.toThrow('no files match "no/such/*.json"');
  });
});
