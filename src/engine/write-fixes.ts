import { accessSync, chmodSync, constants, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A fixed file's new content, to be written over the file at `path`. */
export interface FixedFile {
  path: string;
  /** The path to name in messages, as the user wrote it. */
  displayPath: string;
  /** The fixed text, encoded as the file was. */
  content: Uint8Array;
}

/** --fix could not write a fixed file; no file was changed. */
export class FixNotWritten extends Error {}

/**
 * Writes every fixed file, or none: each target is checked first, then each new text goes to a temporary
 * file beside its target (with the target's mode), and only when all are written are they renamed over
 * their targets. A rename within a folder replaces the file whole, so a reader never sees half of one;
 * should a rename still fail, the message says which files were fixed.
 */
export function writeFixedFiles(files: readonly FixedFile[]): void {
  const targets = files.map((file) => ({ ...file, realPath: writableTarget(file) }));
  const staged: { temporary: string; realPath: string }[] = [];
  let current: (typeof targets)[number] | undefined;
  try {
    for (const target of targets) {
      current = target;
      const temporary = join(dirname(target.realPath), `.${basename(target.realPath)}.${crypto.randomUUID()}.batchlint-fix`);
      const mode = statSync(target.realPath).mode & 0o7777;
      writeFileSync(temporary, target.content, { flag: 'wx', mode });
      staged.push({ temporary, realPath: target.realPath });
      chmodSync(temporary, mode); // writeFileSync's mode passes through the umask
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw new FixNotWritten(`--fix could not write ${current?.displayPath} (${describe(error)}); no file was changed`);
  }
  staged.forEach(({ temporary, realPath }, index) => {
    try {
      renameSync(temporary, realPath);
    } catch (error) {
      for (const { temporary: left } of staged.slice(index)) rmSync(left, { force: true });
      throw new FixNotWritten(
        `--fix could not replace ${targets[index]!.displayPath} (${describe(error)}); it and the files after it were left as they were, ${index} file(s) before it were fixed`,
      );
    }
  });
}

/** The file to replace (a symbolic link's target, so the link stays a link), when it may be written. */
function writableTarget(file: FixedFile): string {
  let realPath: string;
  try {
    realPath = realpathSync(file.path);
    accessSync(realPath, constants.W_OK);
    // The owner may write anything; a file without a write bit was made read-only on purpose.
    if ((statSync(realPath).mode & 0o222) === 0) throw Object.assign(new Error('read-only'), { code: 'read-only' });
  } catch (error) {
    throw new FixNotWritten(`--fix cannot write ${file.displayPath}: the file is not writable (${describe(error)}); no file was changed`);
  }
  try {
    accessSync(dirname(realPath), constants.W_OK);
  } catch (error) {
    throw new FixNotWritten(
      `--fix cannot write ${file.displayPath}: its folder is not writable (${describe(error)}), and --fix replaces a file by writing a new one beside it; no file was changed`,
    );
  }
  return realPath;
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
