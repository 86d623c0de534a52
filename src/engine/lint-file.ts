import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.ts';
import { formatOf } from '../documents/parse-file.ts';
import { encodeSource, readSource, type SourceText } from '../documents/source-text.ts';
import type { Facts } from '../model/facts.ts';
import type { Finding } from '../model/finding.ts';
import type { AnyRule } from '../model/rule.ts';
import { NO_SOURCE_OPTIONS, type SourceOptions } from '../model/source-adapter.ts';
import type { DocumentFormat } from '../model/document.ts';
import { mayBePoolDefinition } from '../sources/pool-signs.ts';
import { fixText } from './fix-text.ts';
import { lintText, parseErrorFindings, type TextResult } from './lint-text.ts';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** Set when --fix changed the file. */
  fixed?: boolean;
  /** Why --fix left the file as written although it had fixes. */
  fixRefused?: string;
}

/** A file to lint, read only when linted: a file on disk, or stdin's text. Kept small, as a run holds one per file. */
export interface Input {
  filePath: string;
  /** Named by the user, not found by a search: it keeps its parse error, and a note says when it holds no pool. */
  named: boolean;
  /** The text read from stdin; a file on disk is read at filePath, relative to cwd. */
  stdinText?: string;
}

/** A file on disk, as its path is reported (relative to cwd, or as the user wrote it). */
export function fileInput(filePath: string, named: boolean): Input {
  return { filePath, named };
}

export function readInput(input: Input, cwd: string): SourceText {
  return input.stdinText === undefined ? readSource(resolve(cwd, input.filePath)) : { text: input.stdinText, encoding: 'utf-8' };
}

/** The size in bytes, known before reading. */
export function inputSize(input: Input, cwd: string): number {
  return input.stdinText === undefined ? statSync(resolve(cwd, input.filePath)).size : Buffer.byteLength(input.stdinText);
}

/** What linting one file gives: its result, with --fix the fixed bytes to write back; or why it holds no pool. */
export type FileOutcome = LintedFile | { notAPoolReason: string };

export interface LintedFile {
  fileResult: FileResult;
  result: Pick<TextResult, 'notChecked' | 'pools'>;
  fixed?: Buffer;
}

/** What lintInput needs of the run's options. */
export interface FileLintOptions {
  cwd: string;
  sources?: SourceOptions;
  fix?: boolean;
  readAs?: DocumentFormat;
}

const NOT_A_POOL_DEFINITION = 'not a pool definition';

const FIRST_CHARACTER = { line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, length: 1 };

/** One file: read, lint, and with --fix the fixed file's bytes to write back (in its own encoding); or why it holds no pool. */
export async function lintInput(input: Input, config: LoadedConfig, rules: readonly AnyRule[], facts: Facts, options: FileLintOptions): Promise<FileOutcome> {
  let source: SourceText;
  try {
    source = readInput(input, options.cwd);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return unlintable(input, config, rules, `cannot read the file (${reason}); it was not linted`);
  }
  const { text: original, encoding } = source;
  if (encoding !== 'utf-8' && formatOf(input.filePath) === 'hcl') {
    if (!input.named && !mayBePoolDefinition(original)) return { notAPoolReason: 'saved as UTF-16, which Terraform does not read, and shows no sign of a pool definition' };
    return unlintable(input, config, rules, `the file is saved as UTF-16 (${encoding.toUpperCase()}), and Terraform reads only UTF-8; it was not linted — save it as UTF-8`);
  }
  const sources = options.sources ?? NO_SOURCE_OPTIONS;
  const readFile = otherFilesReader(options.cwd);
  const lintCurrent = (text: string) =>
    lintText({ filePath: input.filePath, text, config, rules, facts, sources, readFile, foundBySearch: !input.named, ...(options.readAs && { readAs: options.readAs }) });
  const linted = await lintCurrent(original);
  const { text, result, refused } =
    options.fix && input.stdinText === undefined ? await fixText(original, linted, lintCurrent) : { text: original, result: linted, refused: undefined };
  if (result.notAPoolFile) return { notAPoolReason: result.notAPoolReason ?? NOT_A_POOL_DEFINITION };
  const fileResult: FileResult = { filePath: input.filePath, findings: result.findings, ...(refused && { fixRefused: refused }) };
  const kept = { notChecked: result.notChecked, pools: result.pools };
  if (text === original) return { fileResult, result: kept };
  fileResult.fixed = true;
  return { fileResult, result: kept, fixed: encodeSource(text, encoding) };
}

/** A file that could not be linted at all, as its parse-error finding. */
export function unlintable(input: Input, config: LoadedConfig, rules: readonly AnyRule[], message: string): LintedFile {
  const findings = parseErrorFindings({ filePath: input.filePath, config, rules }, message, FIRST_CHARACTER);
  return { fileResult: { filePath: input.filePath, findings }, result: { notChecked: [], pools: 0 } };
}

/**
 * How one file's lint reads the files it refers to (parameters, variables, Bicep modules), each once: a module
 * deployed by a loop of 800 copies, or checked for pools and then parsed, is not read from disk again.
 */
export function otherFilesReader(cwd: string): (path: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (path) => {
    if (!texts.has(path)) texts.set(path, readIfPossible(resolve(cwd, path)));
    return texts.get(path);
  };
}

function readIfPossible(path: string): string | undefined {
  try {
    return readSource(path).text;
  } catch {
    return undefined;
  }
}
