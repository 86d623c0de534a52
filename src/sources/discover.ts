import { readdir as nodeReaddir, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { SEARCHED_EXTENSIONS } from '../documents/parse-file.ts';

const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

export const STDIN_ARGUMENT = '-';

/** A pattern that matched nothing: the run fails (exit 2), as ESLint does, so a typo is not a green build. */
export class NoFilesMatched extends Error {}

export interface DiscoveredFile {
  path: string;
  /** Named on the command line itself, rather than found in a folder or by a glob: the user asked for this very file. */
  named: boolean;
}

/** A folder the search could not look into; its files, if any, were not linted. */
export interface UnreadableFolder {
  path: string;
  reason: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  unreadableFolders: UnreadableFolder[];
}

/** How a folder's entries are listed; tests give one that fails, since root reads any folder. */
export type ReadFolder = typeof nodeReaddir;

/**
 * Expands the command line's arguments into files, relative to cwd when given relative: files as they are,
 * folders searched for pool file extensions (skipping node_modules and .git), anything else as a glob.
 * A file reached by several paths (a symlinked folder, `./a.json` and `a.json`) is listed once, under the
 * first path found.
 */
export async function discover(patterns: readonly string[], cwd: string, readFolder: ReadFolder = nodeReaddir): Promise<Discovery> {
  const files: DiscoveredFile[] = [];
  const unreadableFolders: UnreadableFolder[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === STDIN_ARGUMENT) continue;
    const kind = pathKind(cwd, pattern);
    const unreadableBefore = unreadableFolders.length;
    const found = kind === 'file' ? [pattern] : await expand(kind, pattern, cwd, readFolder, unreadableFolders);
    if (found.length === 0 && unreadableFolders.length === unreadableBefore) throw new NoFilesMatched(`no files match "${pattern}"`);
    for (const path of found.sort()) {
      const real = realPath(resolve(cwd, path));
      if (seen.has(real)) continue;
      seen.add(real);
      files.push({ path, named: kind === 'file' });
    }
  }
  return { files, unreadableFolders };
}

/** The files of discover(), without what it knows about them. */
export async function discoverFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  return (await discover(patterns, cwd)).files.map((file) => file.path);
}

/** The glob library loads only when a folder or a glob needs it: a one-file run stays light. */
async function expand(kind: 'folder' | 'pattern', pattern: string, cwd: string, readFolder: ReadFolder, unreadable: UnreadableFolder[]): Promise<string[]> {
  const { escapePath, glob } = await import('tinyglobby');
  const search = kind === 'folder' ? `${escapePath(stripSlash(pattern))}/**/*.{${SEARCHED_EXTENSIONS.join(',')}}` : pattern;
  // The glob library passes over a folder it cannot list without a word; the run must say so.
  const readdir = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    (readFolder as (...args: unknown[]) => void)(path, options, (error: NodeJS.ErrnoException | null, entries: unknown) => {
      if (error && error.code !== 'ENOENT')
        unreadable.push({ path: relative(cwd, stripSlash(path)) || '.', reason: `cannot read the folder (${error.code ?? error.message}); its files were not linted` });
      callback(error, entries);
    })) as ReadFolder;
  return glob(search, { cwd, ignore: SKIPPED_FOLDERS, dot: false, expandDirectories: false, fs: { readdir } });
}

function pathKind(cwd: string, pattern: string): 'file' | 'folder' | 'pattern' {
  try {
    const stats = statSync(resolve(cwd, pattern));
    return stats.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'pattern';
  }
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function stripSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
