import type { Finding } from '../model/finding.ts';
import type { FileResult, LintReport } from './lint.ts';

/** The report with only the findings `keep` accepts, its counts recomputed. */
export function keepFindings(report: LintReport, keep: (finding: Finding, fileResult: FileResult) => boolean): LintReport {
  const results = report.results.map((result) => ({ ...result, findings: result.findings.filter((finding) => keep(finding, result)) }));
  const count = (severity: Finding['severity']) => results.reduce((total, result) => total + result.findings.filter((finding) => finding.severity === severity).length, 0);
  return { ...report, results, summary: { ...report.summary, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

/** --quiet: errors only. */
export function onlyErrors(report: LintReport): LintReport {
  return keepFindings(report, (finding) => finding.severity === 'error');
}
