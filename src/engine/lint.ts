import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.ts';
import { ConfigLocator } from '../config/load-config.ts';
import { isIgnored } from '../config/rule-settings.ts';
import type { EnvironmentSource, Facts } from '../facts/facts.ts';
import { NO_SOURCE_OPTIONS, type SourceOptions } from '../sources/adapter.ts';
import { discoverFiles, STDIN_ARGUMENT } from '../sources/discover.ts';
import { allRules } from '../../rules/index.ts';
import type { Finding, NotChecked } from './finding.ts';
import { fixText } from './fix-text.ts';
import { lintText, parseErrorFindings, poolsOf, type TextResult } from './lint-text.ts';
import type { PoolDefinition } from '../sources/pool-definition.ts';
import type { AnyRule } from './rule.ts';
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
  rules?: readonly AnyRule[];
  /** Parameters and variables files, and the deployment target, for the adapters. */
  sources?: SourceOptions;
  debug?: (message: string) => void;
}

export interface FactsGatherer {
  gatherFor(pools: readonly PoolDefinition[]): Promise<Facts>;
}

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** Set when --fix changed the file. */
  fixed?: boolean;
  /** Why --fix left the file as written although it had fixes. */
  fixRefused?: string;
}

export interface LintReport {
  /** Where the run's Azure environment facts came from; with 'none' the environment rules did not run. */
  environment: EnvironmentSource;
  results: FileResult[];
  notChecked: NotChecked[];
  summary: { files: number; pools: number; errors: number; warnings: number; infos: number; fixed: number };
}

export async function lint(options: LintOptions): Promise<LintReport> {
  const rules = options.rules ?? allRules;
  const debug = options.debug ?? (() => {});
  const configs = new ConfigLocator(options.configPath, options.cwd);
  const files = await discoverFiles(options.patterns, options.cwd);
  const inputs: Input[] = files.map((filePath) => ({
    filePath,
    read: () => readFileSync(resolve(options.cwd, filePath), 'utf8'),
    writable: true,
  }));
  if (options.patterns.includes(STDIN_ARGUMENT) && options.stdin) {
    const { text, filePath } = options.stdin;
    inputs.push({ filePath, read: () => text, writable: false });
  }
  const factsFor = await factsLookup(options, inputs);
  const report: LintReport = { environment: 'none', results: [], notChecked: [], summary: { files: 0, pools: 0, errors: 0, warnings: 0, infos: 0, fixed: 0 } };
  let skipped = 0;
  const fixedFiles: FixedFile[] = [];

  for (const input of inputs) {
    const config = await configs.forFile(input.filePath);
    if (isIgnored(config, input.filePath)) {
      debug(`ignored by ${config.path}: ${input.filePath}`);
      continue;
    }
    const facts = await factsFor(input.filePath);
    report.environment = moreInformed(report.environment, facts.environmentSource);
    const outcome = await lintInput(input, config, rules, facts, options);
    if (!outcome) {
      skipped++;
      debug(`not a pool definition, skipped: ${input.filePath}`);
      continue;
    }
    if (outcome.fixedText !== undefined) {
      fixedFiles.push({ path: resolve(options.cwd, input.filePath), displayPath: input.filePath, text: outcome.fixedText });
      report.summary.fixed++;
    }
    addResult(report, outcome.fileResult, outcome.result);
  }
  writeFixedFiles(fixedFiles);
  debug(`${skipped} file(s) held no pool definition and were skipped`);
  return report;
}

const FIRST_CHARACTER = { line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, length: 1 };

interface Input {
  filePath: string;
  read: () => string;
  writable: boolean;
}

/** One file: read, lint, and with --fix the fixed text to write back; undefined when it holds no pool. */
async function lintInput(input: Input, config: LoadedConfig, rules: readonly AnyRule[], facts: Facts, options: LintOptions): Promise<{ fileResult: FileResult; result: Pick<TextResult, 'notChecked' | 'pools'>; fixedText?: string } | undefined> {
  let original: string;
  try {
    original = input.read();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const findings = parseErrorFindings({ filePath: input.filePath, config, rules }, `cannot read the file (${reason}); it was not linted`, FIRST_CHARACTER);
    return { fileResult: { filePath: input.filePath, findings }, result: { notChecked: [], pools: 0 } };
  }
  const sources = options.sources ?? NO_SOURCE_OPTIONS;
  const readFile = (path: string) => readIfPossible(resolve(options.cwd, path));
  const lintCurrent = (text: string) => lintText({ filePath: input.filePath, text, config, rules, facts, sources, readFile });
  const linted = await lintCurrent(original);
  const { text, result, refused } = options.fix && input.writable ? await fixText(original, linted, lintCurrent) : { text: original, result: linted, refused: undefined };
  if (result.notAPoolFile) return undefined;
  const fileResult: FileResult = { filePath: input.filePath, findings: result.findings, ...(refused && { fixRefused: refused }) };
  if (text === original) return { fileResult, result };
  fileResult.fixed = true;
  return { fileResult, result, fixedText: text };
}

/** How to get each file's facts; a gatherer first sees every pool of the run. */
async function factsLookup(options: LintOptions, inputs: Input[]): Promise<(filePath: string) => Promise<Facts>> {
  const { facts } = options;
  if (typeof facts === 'function') return facts;
  if (!('gatherFor' in facts)) return () => Promise.resolve(facts);
  const sources = options.sources ?? NO_SOURCE_OPTIONS;
  const readFile = (path: string) => readIfPossible(resolve(options.cwd, path));
  const pools: PoolDefinition[] = [];
  for (const input of inputs) {
    let text: string;
    try {
      text = input.read();
    } catch {
      continue; // the lint pass reports the unreadable file
    }
    pools.push(...(await poolsOf({ filePath: input.filePath, text, sources, readFile })));
  }
  const gathered = await facts.gatherFor(pools);
  return () => Promise.resolve(gathered);
}

const INFORMED_ORDER: readonly EnvironmentSource[] = ['none', 'context', 'live'];

function moreInformed(a: EnvironmentSource, b: EnvironmentSource): EnvironmentSource {
  return INFORMED_ORDER.indexOf(a) >= INFORMED_ORDER.indexOf(b) ? a : b;
}

function readIfPossible(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function addResult(report: LintReport, fileResult: FileResult, result: Pick<TextResult, 'notChecked' | 'pools'>): void {
  report.results.push(fileResult);
  for (const finding of fileResult.findings) countFinding(report, finding);
  report.notChecked.push(...result.notChecked);
  report.summary.files++;
  report.summary.pools += result.pools;
}

function countFinding(report: LintReport, finding: Finding): void {
  if (finding.severity === 'error') report.summary.errors++;
  else if (finding.severity === 'warning') report.summary.warnings++;
  else report.summary.infos++;
}
