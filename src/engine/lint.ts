import { dirname, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, formatFileSize, parseFileSize } from '../config/file-size.ts';
import type { DocumentFormat } from '../model/document.ts';
import type { LoadedConfig } from '../config/config.ts';
import { ConfigLocator } from '../config/load-config.ts';
import { isIgnored } from '../config/rule-settings.ts';
import type { EnvironmentSource, Facts, FactsGatherer } from '../model/facts.ts';
import { NO_SOURCE_OPTIONS, type SourceOptions } from '../model/source-adapter.ts';
import { discover, STDIN_ARGUMENT, type ReadFolder } from '../sources/discover.ts';
import { BICEP_PARAMETERS_ALONE, isBicepParametersFile, isTerraformVariablesFile, notReadReason, VARIABLES_FILE_ALONE } from '../sources/not-read.ts';
import { formatOf } from '../documents/parse-file.ts';
import { mayBeDeployedByOtherFiles, mayBeReadByOtherFiles } from '../sources/read-by-others.ts';
import type { Finding, NotChecked } from '../model/finding.ts';
import { fileInput, inputSize, lintInput, otherFilesReader, readInput, unlintable, type FileOutcome, type FileResult, type Input } from './lint-file.ts';
import { poolsOf, type TextResult } from './lint-text.ts';
import { countSeverities } from './severity-counts.ts';
import type { FileLinterPool } from './lint-workers.ts';
import type { PoolDefinition } from '../model/pool-definition.ts';
import type { AnyRule } from '../model/rule.ts';
import { writeFixedFiles, type FixedFile } from './write-fixes.ts';

export interface LintOptions {
  patterns: readonly string[];
  cwd: string;
  /**
   * The facts for every file; or a lookup of each file's own (its nearest context file); or a gatherer that
   * is shown every pool of the run first (live mode: one request per distinct resource).
   */
  facts: Facts | ((filePath: string) => Promise<Facts>) | FactsGatherer;
  configPath?: string;
  /** Apply fixes and write the files back. */
  fix?: boolean;
  /** The text to lint for the `-` argument, and the name to report it under. */
  stdin?: { text: string; filePath: string };
  /** The rule set; the front end chooses it (the CLI and the Action pass every rule). */
  rules: readonly AnyRule[];
  /** Parameters and variables files, and the deployment target, for the adapters. */
  sources?: SourceOptions;
  debug?: (message: string) => void;
  /**
   * The patterns are files a search found (the Action's changed files under its folders), not files the user
   * named: one that does not parse and shows no sign of a pool is skipped, as in a folder run.
   */
  patternsWereSearched?: boolean;
  /** Read every file as this format whatever its name says (`autoscale check`: bare formulas). */
  readAs?: DocumentFormat;
  /** Lists a folder's entries; tests give one that fails. */
  readFolder?: ReadFolder;
  /** The largest file to read, in bytes (--max-file-size); else the config's maxFileSize, else DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
  /**
   * Takes each file's result as soon as it is linted, and the report then keeps only what the summary needs
   * (its results stay empty): memory stays flat however many files a run lints.
   */
  stream?: ResultStream;
  /**
   * Other threads to lint the files on, for a run of this many files; undefined keeps them on this one. Not
   * asked for --fix, stdin or a facts gatherer (live mode), whose state lives on this thread.
   */
  workers?: (fileCount: number) => FileLinterPool | undefined;
}

export interface ResultStream {
  /** Before the first result: where the run's environment facts come from. */
  start(environment: EnvironmentSource): void;
  /**
   * A file's result; `settled` tells whether a file can still receive findings from a file linted later. The
   * run waits for a promise it returns (output that a slow reader has not taken yet).
   */
  result(result: FileResult, settled: (filePath: string) => boolean): void | Promise<void>;
}

export type { FileResult } from './lint-file.ts';

/** A file or folder the run did not lint and the user should hear about (one they named, a folder it could not read). */
export interface NotLinted {
  path: string;
  reason: string;
}

export interface LintReport {
  /** Where the run's Azure environment facts came from; with 'none' the environment rules did not run. */
  environment: EnvironmentSource;
  results: FileResult[];
  notChecked: NotChecked[];
  notLinted: NotLinted[];
  summary: { files: number; pools: number; errors: number; warnings: number; infos: number; fixed: number };
}

export async function lint(options: LintOptions): Promise<LintReport> {
  const { rules } = options;
  const debug = options.debug ?? (() => {});
  const configs = new ConfigLocator(
    options.configPath,
    options.cwd,
    rules.map((rule) => rule.meta.id),
  );
  const report: LintReport = { environment: 'none', results: [], notChecked: [], notLinted: [], summary: { files: 0, pools: 0, errors: 0, warnings: 0, infos: 0, fixed: 0 } };
  const notLinted = (path: string, reason: string) => {
    report.notLinted.push({ path, reason });
    debug(`skipped ${path}: ${reason}`);
  };
  const inputs = await inputsOf(options, notLinted, debug);
  const withTerraform = inputs.some((input) => formatOf(input.filePath) === 'hcl' && !isTerraformVariablesFile(input.filePath));
  const withBicep = inputs.some((input) => formatOf(input.filePath) === 'bicep');
  const factsFor = await factsLookup(options, inputs, configs);
  let skipped = 0;
  const fixedFiles: FixedFile[] = [];

  const planned = await planFiles(inputs, configs, factsFor, options, report, notLinted, debug);
  options.stream?.start(report.environment);
  const deployedTwice = new DeployedTwice(options.cwd);
  const settling = new Settling(
    planned.map((input) => input.filePath),
    [...(options.sources?.parameterFiles ?? []), ...(options.sources?.varFiles ?? [])].map((path) => resolve(options.cwd, path)),
    options.cwd,
  );

  const reasons = new Interned();
  const onWorkers = workerOutcomes(options, planned);
  const outcomeOf = async (input: Planned): Promise<FileOutcome> => {
    if ('tooLarge' in input) return unlintable(input, input.config, rules, input.tooLarge);
    if (!onWorkers) return lintInput(input, input.config, rules, input.facts, options);
    const next = await onWorkers.next();
    if (next.done) throw new Error('the worker threads gave fewer outcomes than files');
    return next.value;
  };
  try {
    for (const [position, input] of planned.entries()) {
      const outcome = await outcomeOf(input);
      settling.linted(position);
      if ('notAPoolReason' in outcome) {
        skipped++;
        if (input.named && !withTerraform && isTerraformVariablesFile(input.filePath)) notLinted(input.filePath, VARIABLES_FILE_ALONE);
        else if (input.named && !withBicep && isBicepParametersFile(input.filePath)) notLinted(input.filePath, BICEP_PARAMETERS_ALONE);
        else debug(`skipped ${input.filePath}: ${outcome.notAPoolReason}`);
        continue;
      }
      if (outcome.fixed !== undefined) {
        fixedFiles.push({ path: resolve(options.cwd, input.filePath), displayPath: input.filePath, content: outcome.fixed });
        report.summary.fixed++;
      }
      await addResult(report, reasons, deployedTwice.without(outcome.fileResult), outcome.result, options.stream, settling);
    }
    const share = await onWorkers?.next();
    if (share?.done) {
      for (const reason of share.value.notStarted) debug(`a worker thread did not start (${reason}): its files were linted on the others`);
      debug(`${share.value.filesOnWorkers} file(s) were linted on ${share.value.workers} worker thread(s), the others on the main thread`);
    }
  } finally {
    await onWorkers?.return({ workers: 0, filesOnWorkers: 0, notStarted: [] });
  }
  writeFixedFiles(fixedFiles);
  debug(`${skipped} file(s) held no pool definition and were skipped`);
  return report;
}

/**
 * The files to lint: those the patterns name or find and stdin, read when linted. A folder that cannot be
 * read, and a file named in a format batchlint does not read, are not linted, and the user hears why.
 */
async function inputsOf(options: LintOptions, notLinted: (path: string, reason: string) => void, debug: (message: string) => void): Promise<Input[]> {
  const { files, unreadableFolders } = await discover(options.patterns, options.cwd, options.readFolder);
  for (const folder of unreadableFolders) notLinted(folder.path, folder.reason);
  const inputs: Input[] = [];
  for (const file of files) {
    const named = file.named && !options.patternsWereSearched;
    const reason = options.readAs ? undefined : notReadReason(file.path);
    if (reason === undefined) inputs.push(fileInput(file.path, named));
    else if (named) notLinted(file.path, reason);
    else debug(`skipped ${file.path}: ${reason}`);
  }
  if (options.patterns.includes(STDIN_ARGUMENT) && options.stdin) {
    const { text, filePath } = options.stdin;
    const reason = options.readAs ? undefined : notReadReason(filePath);
    if (reason === undefined) inputs.push({ filePath, named: true, stdinText: text });
    else notLinted(filePath, reason);
  }
  return inputs;
}

/**
 * Every file's config and facts, before any is linted: the environment is known before the first result is
 * written. The inputs themselves take them, so that a run holds one object per file while it plans.
 */
async function planFiles(
  inputs: Input[],
  configs: ConfigLocator,
  factsFor: (filePath: string) => Promise<Facts>,
  options: LintOptions,
  report: LintReport,
  notLinted: (path: string, reason: string) => void,
  debug: (message: string) => void,
): Promise<Planned[]> {
  const planned: Planned[] = [];
  for (const input of inputs) {
    const config = await configs.forFile(input.filePath);
    if (isIgnored(config, input.filePath)) {
      debug(`ignored by ${config.path}: ${input.filePath}`);
      continue;
    }
    // A file too large to read: one the user named is a finding; one a search found may be any data file, and is a note.
    const tooLarge = oversize(input, config, options);
    if (tooLarge && input.named) {
      planned.push(Object.assign(input, { config, tooLarge }));
      continue;
    }
    if (tooLarge) {
      notLinted(input.filePath, tooLarge);
      continue;
    }
    const facts = await factsFor(input.filePath);
    report.environment = moreInformed(report.environment, facts.environmentSource);
    planned.push(Object.assign(input, { config, facts }));
  }
  return planned;
}

/** A file to lint with its config, and its facts, or why it is too large to read. */
type Planned = Input & { config: LoadedConfig } & ({ facts: Facts } | { tooLarge: string });

/** The outcomes of the files to lint, in order, from other threads when the run is given some and may use them. */
function workerOutcomes(options: LintOptions, planned: readonly Planned[]) {
  if (!options.workers || options.fix || options.stdin || (typeof options.facts === 'object' && 'gatherFor' in options.facts)) return undefined;
  const lintable = planned.filter((input) => 'facts' in input);
  const jobs = lintable.map(({ filePath, named }) => ({ filePath, named }));
  const lintHere = (position: number) => lintInput(lintable[position]!, lintable[position]!.config, options.rules, lintable[position]!.facts, options);
  return options.workers(jobs.length)?.outcomes(jobs, lintHere);
}

/** How to get each file's facts; a gatherer first sees every pool of the run. */
async function factsLookup(options: LintOptions, inputs: Input[], configs: ConfigLocator): Promise<(filePath: string) => Promise<Facts>> {
  const { facts } = options;
  if (typeof facts === 'function') return facts;
  if (!('gatherFor' in facts)) return () => Promise.resolve(facts);
  const sources = options.sources ?? NO_SOURCE_OPTIONS;
  const pools: PoolDefinition[] = [];
  for (const input of inputs) {
    if (oversize(input, await configs.forFile(input.filePath), options)) continue; // the lint pass reports it
    let text: string;
    try {
      text = readInput(input, options.cwd).text;
    } catch {
      continue; // the lint pass reports the unreadable file
    }
    pools.push(...(await poolsOf({ filePath: input.filePath, text, sources, readFile: otherFilesReader(options.cwd) })));
  }
  const gathered = await facts.gatherFor(pools);
  return () => Promise.resolve(gathered);
}

/**
 * Why the file is too large to read, judged from its size before it is read; undefined when it is not. A
 * file that cannot be sized is left to the read, which reports why.
 */
function oversize(input: Input, config: LoadedConfig, options: LintOptions): string | undefined {
  const limit = options.maxFileSize ?? parseFileSize(config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) ?? DEFAULT_MAX_FILE_SIZE;
  let size: number;
  try {
    size = inputSize(input, options.cwd);
  } catch {
    return undefined;
  }
  if (size <= limit) return undefined;
  return `the file is ${formatFileSize(size)}, larger than the ${formatFileSize(limit)} batchlint reads; it was not linted (raise the limit with --max-file-size or maxFileSize in the config)`;
}

const INFORMED_ORDER: readonly EnvironmentSource[] = ['none', 'context', 'live'];

function moreInformed(a: EnvironmentSource, b: EnvironmentSource): EnvironmentSource {
  return INFORMED_ORDER.indexOf(a) >= INFORMED_ORDER.indexOf(b) ? a : b;
}

/**
 * The not-checked list is the one part of a run's output kept to the end, and pools of a folder are alike: their
 * reasons, one string each, would be most of what a run of 20,000 files holds. Each distinct reason is kept once.
 */
class Interned {
  private readonly strings = new Map<string, string>();

  intern(text: string): string {
    const kept = this.strings.get(text);
    if (kept !== undefined) return kept;
    this.strings.set(text, text);
    return text;
  }
}

async function addResult(
  report: LintReport,
  reasons: Interned,
  fileResult: FileResult,
  result: Pick<TextResult, 'notChecked' | 'pools'>,
  stream: ResultStream | undefined,
  settling: Settling,
): Promise<void> {
  countSeverities(report.summary, fileResult.findings);
  for (const entry of result.notChecked) report.notChecked.push({ ...entry, reason: reasons.intern(entry.reason) });
  if (stream) {
    settling.reached(fileResult);
    await stream.result(fileResult, (filePath) => settling.isSettled(filePath));
  } else {
    report.results.push(fileResult);
  }
  report.summary.files++;
  report.summary.pools += result.pools;
}

/**
 * Which files no file still to be linted can add findings to. A finding lands in the file linted, or in a
 * file it reads: a parameters or variables file beside it, or one the command line names. So a file no
 * other file reads is settled once linted; one that others of its folder may read, once every file of the
 * folder is linted; one the command line named, or a file of another folder reached, only at the end.
 */
class Settling {
  private readonly lastOfFolder = new Map<string, number>();
  private readonly unsettled: Set<string>;
  private readonly lastPosition: number;
  private position = -1;

  constructor(
    linted: readonly string[],
    named: readonly string[],
    private readonly cwd: string,
  ) {
    linted.forEach((filePath, position) => this.lastOfFolder.set(this.folderOf(filePath), position));
    this.lastPosition = linted.length - 1;
    this.unsettled = new Set(named);
  }

  linted(position: number): void {
    this.position = position;
  }

  /** Notes the files a result's findings are in that lie outside its own folder. */
  reached(result: FileResult): void {
    let folder: string | undefined;
    for (const finding of result.findings) {
      if (finding.filePath === result.filePath) continue; // most findings: no path to resolve
      folder ??= this.folderOf(result.filePath);
      if (this.folderOf(finding.filePath) !== folder) this.unsettled.add(resolve(this.cwd, finding.filePath));
    }
  }

  isSettled(filePath: string): boolean {
    if (this.unsettled.size > 0 && this.unsettled.has(resolve(this.cwd, filePath))) return false;
    if (mayBeDeployedByOtherFiles(filePath)) return this.position === this.lastPosition;
    if (!mayBeReadByOtherFiles(filePath)) return true;
    return (this.lastOfFolder.get(this.folderOf(filePath)) ?? -1) <= this.position;
  }

  /** Resolved once per folder as written: a run of many files would resolve every path again. */
  private readonly folders = new Map<string, string>();

  private folderOf(filePath: string): string {
    const written = dirname(filePath);
    let folder = this.folders.get(written);
    if (folder === undefined) this.folders.set(written, (folder = resolve(this.cwd, written)));
    return folder;
  }
}

/**
 * A Bicep module file linted alone and again through a caller (with the caller's params) may show the same
 * defect at the same place twice: it is reported once, in the words of the module file's own lint when the
 * run lints it (a caller's words name the call). Copies of a loop within one lint keep their findings.
 * Only findings in files that others may deploy are remembered, and those files settle at the end of the run.
 */
class DeployedTwice {
  /** Each finding's place and rule, with the file whose lint reported it. */
  private readonly seen = new Map<string, { reportedBy: string; finding: Finding }>();

  constructor(private readonly cwd: string) {}

  without(result: FileResult): FileResult {
    if (!result.findings.some((finding) => mayBeDeployedByOtherFiles(finding.filePath))) return result;
    const own = resolve(this.cwd, result.filePath);
    const findings = result.findings.filter((finding) => {
      if (!mayBeDeployedByOtherFiles(finding.filePath)) return true;
      const where = resolve(this.cwd, finding.filePath);
      const key = JSON.stringify([where, finding.ruleId, finding.messageId ?? finding.message, finding.line, finding.column]);
      const earlier = this.seen.get(key);
      if (!earlier) {
        this.seen.set(key, { reportedBy: own, finding });
        return true;
      }
      if (earlier.reportedBy === own) return true;
      if (where === own) Object.assign(earlier.finding, finding);
      return false;
    });
    return findings.length === result.findings.length ? result : { ...result, findings };
  }
}
