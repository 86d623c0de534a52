import { writeFileSync } from 'node:fs';
import { loadCatalog } from '../catalog/catalog.ts';
import type { LintReport } from '../engine/lint.ts';
import { onlyErrors } from '../engine/report-filters.ts';
import { loadFormatter } from '../formatters/index.ts';
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
  const text = formatter(shown, {
    color: output.color && output.format === 'stylish' && !output.outputFile && process.stdout.isTTY === true && !process.env.NO_COLOR,
    catalogDate: loadCatalog().dataDate,
    cwd: process.cwd(),
    rules: output.rules,
    version: output.version,
    ...(tooManyWarnings && { maxWarningsExceeded: { maxWarnings: output.maxWarnings!, warnings, hidden: output.quiet === true } }),
  });
  if (output.outputFile) writeFileSync(output.outputFile, text);
  else process.stdout.write(text);
  return shown.summary.errors > 0 || tooManyWarnings || failAnyway ? EXIT_FINDINGS : EXIT_OK;
}
