import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { loadCatalog } from '../catalog/catalog.ts';
import type { FileResult, LintReport, ResultStream } from '../engine/lint.ts';
import { isError, keepInResult, onlyErrors } from '../engine/report-filters.ts';
import { countSeverities } from '../engine/severity-counts.ts';
import type { FormatContext } from '../formatters/formatter.ts';
import { loadFormatter, loadStreamingFormat } from '../formatters/index.ts';
import type { AnyRule } from '../model/rule.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_RUN_FAILED = 2;

export interface ReportOutput {
  format: string;
  color: boolean;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: number;
  rules: readonly AnyRule[];
  version: string;
}

/** Prints the report in the chosen format, to stdout or the output file; the exit code, 1 when it fails the run. */
export async function writeReport(report: LintReport, output: ReportOutput, failAnyway = false): Promise<number> {
  // As in ESLint, --quiet hides warnings but --max-warnings still counts them.
  const warnings = report.summary.warnings;
  const shown = output.quiet ? onlyErrors(report) : report;
  const tooManyWarnings = output.maxWarnings !== undefined && warnings > output.maxWarnings;
  const formatter = await loadFormatter(output.format)!;
  const text = formatter(shown, { ...formatContext(output), ...(tooManyWarnings && warningsOverLimit(output, warnings)) });
  if (output.outputFile) writeFileSync(output.outputFile, text);
  else process.stdout.write(text);
  return exitCode(shown.summary.errors, tooManyWarnings, failAnyway);
}

export interface StreamedReport {
  /** Give it to lint(): each file's part of the report is written as the file is linted. */
  stream: ResultStream;
  /** Writes the rest of the report (the summary, what was not checked); the exit code, as writeReport's. */
  finish(report: LintReport, failAnyway?: boolean): number;
  /** Writes what is held back now: before a note on stderr (to keep its place beside the output), or when the run fails. */
  flush(): void;
}

/**
 * The report written as the run goes, for the formats that can be: a run keeps only the counts, not every
 * file's findings. Undefined for a format that needs the whole report first (markdown). `keep` takes out
 * findings first (those a baseline accepted); the report's counts are then those of the findings kept.
 */
export async function streamReport(output: ReportOutput, keep?: (result: FileResult) => FileResult): Promise<StreamedReport | undefined> {
  const format = await loadStreamingFormat(output.format);
  if (!format) return undefined;
  const context = formatContext(output);
  const writer = format(context);
  const destination = output.outputFile === undefined ? undefined : openSync(output.outputFile, 'w');
  // A pipe takes what it can and Node queues the rest: the run waits for a slow reader rather than keep the report in memory.
  const writeNow = (text: string): Promise<void> | undefined => {
    if (destination !== undefined) writeSync(destination, text);
    else if (process.stdout.destroyed)
      return undefined; // the reader left (| head)
    else if (!process.stdout.write(text)) return new Promise((resolve) => onceDrainedOrClosed(resolve));
    return undefined;
  };
  // A write per file costs a system call each (~15% of a run of small files): away from a terminal, they are gathered.
  const gathered = new Gathered(destination !== undefined || process.stdout.isTTY !== true ? GATHERED_BYTES : 0);
  const write = (text: string, last = false): Promise<void> | undefined => {
    const ready = gathered.add(text, last);
    return ready === undefined ? undefined : writeNow(ready);
  };
  const kept = { errors: 0, warnings: 0, infos: 0 };
  const shown = { errors: 0, warnings: 0, infos: 0 };
  return {
    stream: {
      start: (environment) => void write(writer.start(environment)),
      result(result, settled) {
        const keptResult = keep ? keep(result) : result;
        countSeverities(kept, keptResult.findings);
        // As in ESLint, --quiet hides warnings but --max-warnings still counts them.
        const shownResult = output.quiet ? keepInResult(keptResult, isError) : keptResult;
        countSeverities(shown, shownResult.findings);
        return write(writer.result(shownResult, settled));
      },
    },
    finish(report, failAnyway = false) {
      const warnings = kept.warnings;
      const tooManyWarnings = output.maxWarnings !== undefined && warnings > output.maxWarnings;
      const shownReport: LintReport = { ...report, summary: { ...report.summary, errors: shown.errors, warnings: shown.warnings, infos: shown.infos } };
      void write(writer.end(shownReport, { ...context, ...(tooManyWarnings && warningsOverLimit(output, warnings)) }), true);
      if (destination !== undefined) closeSync(destination);
      return exitCode(shown.errors, tooManyWarnings, failAnyway);
    },
    flush: () => void write('', true),
  };
}

const GATHERED_BYTES = 64 * 1024;

/** Text held until there is enough of it to write at once, or the report ends. */
class Gathered {
  private text = '';

  constructor(private readonly enough: number) {}

  /** The text to write now, if any. */
  add(text: string, last: boolean): string | undefined {
    this.text += text;
    if (this.text === '' || (!last && this.text.length < this.enough)) return undefined;
    const ready = this.text;
    this.text = '';
    return ready;
  }
}

function onceDrainedOrClosed(then: () => void): void {
  const done = () => {
    process.stdout.off('drain', done).off('close', done);
    then();
  };
  process.stdout.once('drain', done).once('close', done);
}

function formatContext(output: ReportOutput): FormatContext {
  return {
    color: output.color && output.format === 'stylish' && !output.outputFile && process.stdout.isTTY === true && !process.env.NO_COLOR,
    catalogDate: loadCatalog().dataDate,
    cwd: process.cwd(),
    rules: output.rules,
    version: output.version,
  };
}

function warningsOverLimit(output: ReportOutput, warnings: number): Pick<FormatContext, 'maxWarningsExceeded'> {
  return { maxWarningsExceeded: { maxWarnings: output.maxWarnings!, warnings, hidden: output.quiet === true } };
}

function exitCode(errors: number, tooManyWarnings: boolean, failAnyway: boolean): number {
  return errors > 0 || tooManyWarnings || failAnyway ? EXIT_FINDINGS : EXIT_OK;
}
