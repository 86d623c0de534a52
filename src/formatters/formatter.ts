import type { FileResult, LintReport } from '../engine/lint.ts';
import type { EnvironmentSource } from '../model/facts.ts';
import type { AnyRule } from '../model/rule.ts';

export interface FormatContext {
  /** The folder paths are reported relative to (the repository root in CI). */
  cwd: string;
  /** Every rule of the run, for formats that describe them (SARIF). */
  rules: readonly AnyRule[];
  version: string;
  /** Colour is used only when writing to a terminal that wants it. */
  color: boolean;
  /** Date of the embedded catalog, shown so stale data can be spotted. */
  catalogDate: string;
  /** `hidden`: --quiet left the warnings out of the report, though they count. */
  maxWarningsExceeded?: { maxWarnings: number; warnings: number; hidden: boolean };
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

/**
 * A format written file by file as the run goes, so that a run need not keep every file's findings: the
 * texts of start, each result and end, concatenated, are the whole report's text.
 */
export interface ReportWriter {
  start(environment: EnvironmentSource): string;
  /** `settled` tells which files no later result can add findings to (a parameters file read by several templates is not). */
  result(result: FileResult, settled: (filePath: string) => boolean): string;
  /** The report's summary, not-checked and not-linted lists; its results are what `result` was given, or none. */
  end(report: LintReport, context: FormatContext): string;
}

export type StreamingFormat = (context: FormatContext) => ReportWriter;

/** A streaming format's text for a whole report at once. */
export function wholeReport(format: StreamingFormat): Formatter {
  return (report, context) => {
    const writer = format(context);
    let text = writer.start(report.environment);
    for (const result of report.results) text += writer.result(result, () => false);
    return text + writer.end(report, context);
  };
}

/** Whether to say ENVIRONMENT_RULES_SKIPPED: the run had environment rules and pools, and no environment facts. */
export function environmentRulesSkipped(report: LintReport, context: FormatContext, pools: number): boolean {
  return report.environment === 'none' && pools > 0 && context.rules.some((rule) => rule.meta.facts.includes('environment'));
}

/** Said when no context file or live mode gave the run any Azure environment facts. */
export const ENVIRONMENT_RULES_SKIPPED =
  "Azure environment rules (quota, subnet, locks, NSG, DNS, a size's region and restrictions) did not run: add a batchlint.context.yaml or use --live";
