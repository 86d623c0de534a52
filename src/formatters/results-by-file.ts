import type { Finding } from '../model/finding.ts';
import type { LintReport } from '../engine/lint.ts';

export interface FileFindings {
  filePath: string;
  findings: Finding[];
}

/**
 * The report's findings under the file their line and column are in: a value that came from a parameters
 * file is reported there, not under the template that read it. Files keep the order they were linted in,
 * and a file the findings only reach (a parameters file) follows the first that led to it.
 */
export function resultsByFindingFile(report: LintReport): FileFindings[] {
  const byFile = new Map<string, Finding[]>();
  const entry = (filePath: string) => {
    let findings = byFile.get(filePath);
    if (!findings) byFile.set(filePath, (findings = []));
    return findings;
  };
  for (const result of report.results) {
    entry(result.filePath);
    for (const finding of result.findings) entry(finding.filePath).push(finding);
  }
  return [...byFile].map(([filePath, findings]) => ({ filePath, findings }));
}
