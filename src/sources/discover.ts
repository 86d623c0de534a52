import { readdir as nodeReaddir, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { SEARCHED_EXTENSIONS } from '../documents/parse-file.ts';
import { walkFolder, type ReadFolder } from './walk-folder.ts';

export type { ReadFolder } from './walk-folder.ts';

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
  const searched = patterns.filter((pattern) => pattern !== STDIN_ARGUMENT);
  for (const pattern of searched) {
    const kind = pathKind(cwd, pattern);
    const unreadableBefore = unreadableFolders.length;
    const { paths, realOf } = kind === 'file' ? { paths: [pattern] } : await expand(kind, pattern, cwd, readFolder, unreadableFolders);
    if (paths.length === 0 && unreadableFolders.length === unreadableBefore) throw new NoFilesMatched(`no files match "${pattern}"`);
    // A walk finds each file once: a lone walked folder needs no real path per file.
    const unique = searched.length === 1 && realOf !== undefined;
    for (const path of paths.sort()) {
      if (!unique) {
        const real = realOf?.(path) ?? realPath(resolve(cwd, path));
        if (seen.has(real)) continue;
        seen.add(real);
      }
      files.push({ path, named: kind === 'file' });
    }
  }
  return { files, unreadableFolders };
}

/** The files of discover(), without what it knows about them. */
export async function discoverFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  return (await discover(patterns, cwd)).files.map((file) => file.path);
}

/** A folder is walked (its files' real paths known on the way) unless it holds what only the glob library treats right. */
async function expand(
  kind: 'folder' | 'pattern',
  pattern: string,
  cwd: string,
  readFolder: ReadFolder,
  unreadable: UnreadableFolder[],
): Promise<{ paths: string[]; realOf?: (path: string) => string }> {
  const walked = kind === 'folder' ? await walkFolder(pattern, realPath(resolve(cwd, pattern)), cwd, SEARCHED_EXTENSIONS, readFolder) : undefined;
  if (walked) {
    unreadable.push(...walked.unreadable.map(({ path, code }) => ({ path, reason: unreadableReason(code) })));
    return { paths: walked.files, realOf: walked.realOf };
  }
  return { paths: await searchWithGlob(kind, pattern, cwd, readFolder, unreadable) };
}

/** The glob library loads only when a glob or an unusual folder needs it: a one-file run stays light. */
async function searchWithGlob(kind: 'folder' | 'pattern', pattern: string, cwd: string, readFolder: ReadFolder, unreadable: UnreadableFolder[]): Promise<string[]> {
  const { escapePath, glob } = await import('tinyglobby');
  const search = kind === 'folder' ? `${escapePath(stripSlash(pattern))}/**/*.{${SEARCHED_EXTENSIONS.join(',')}}` : pattern;
  // The glob library passes over a folder it cannot list without a word; the run must say so.
  const readdir = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    (readFolder as (...args: unknown[]) => void)(path, options, (error: NodeJS.ErrnoException | null, entries: unknown) => {
      if (error && error.code !== 'ENOENT') unreadable.push({ path: relative(cwd, stripSlash(path)) || '.', reason: unreadableReason(error.code ?? error.message) });
      callback(error, entries);
    })) as ReadFolder;
  return glob(search, { cwd, ignore: SKIPPED_FOLDERS, dot: false, expandDirectories: false, fs: { readdir } });
}

function unreadableReason(code: string): string {
  return `cannot read the folder (${code}); its files were not linted`;
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
