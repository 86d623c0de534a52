import { statSync } from 'node:fs';
import { FORMAT_BY_EXTENSION } from './parse-file.ts';

const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];
const SEARCHED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION).map((extension) => extension.slice(1));

export const STDIN_ARGUMENT = '-';

/** A pattern that matched nothing: the run fails (exit 2), as ESLint does, so a typo is not a green build. */
export class NoFilesMatched extends Error {}

/**
 * Expands the command line's arguments into files, relative to cwd when given relative: files as they are,
 * folders searched for pool file extensions (skipping node_modules and .git), anything else as a glob.
 */
export async function discoverFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === STDIN_ARGUMENT) continue;
    const kind = pathKind(cwd, pattern);
    const found = kind === 'file' ? [pattern] : await expand(kind, pattern, cwd);
    if (found.length === 0) throw new NoFilesMatched(`no files match "${pattern}"`);
    for (const file of found.sort()) files.add(file);
  }
  return [...files];
}

/** The glob library loads only when a folder or a glob needs it: a one-file run stays light. */
async function expand(kind: 'folder' | 'pattern', pattern: string, cwd: string): Promise<string[]> {
  const { escapePath, glob } = await import('tinyglobby');
  const search = kind === 'folder' ? `${escapePath(stripSlash(pattern))}/**/*.{${SEARCHED_EXTENSIONS.join(',')}}` : pattern;
  return glob(search, { cwd, ignore: SKIPPED_FOLDERS, dot: false, expandDirectories: false });
}

function pathKind(cwd: string, pattern: string): 'file' | 'folder' | 'pattern' {
  try {
    const stats = statSync(pattern.startsWith('/') ? pattern : `${cwd}/${pattern}`);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'pattern';
  }
}

function stripSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
