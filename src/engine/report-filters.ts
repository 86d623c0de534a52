import type { Finding } from '../model/finding.ts';
import type { FileResult, LintReport } from './lint.ts';
import { countSeverities } from './severity-counts.ts';

/** The report with only the findings `keep` accepts, its counts recomputed. */
export function keepFindings(report: LintReport, keep: (finding: Finding, fileResult: FileResult, index: number) => boolean): LintReport {
  const results = report.results.map((result) => keepInResult(result, keep));
  const summary = { ...report.summary, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) countSeverities(summary, result.findings);
  return { ...report, results, summary };
}

/** A file's result with only the findings `keep` accepts. */
export function keepInResult(result: FileResult, keep: (finding: Finding, fileResult: FileResult, index: number) => boolean): FileResult {
  return { ...result, findings: result.findings.filter((finding, index) => keep(finding, result, index)) };
}

/** --quiet: errors only. */
export function onlyErrors(report: LintReport): LintReport {
  return keepFindings(report, isError);
}

export function isError(finding: Finding): boolean {
  return finding.severity === 'error';
}
