import type { Finding } from '../model/finding.ts';
import type { FileResult, LintReport } from '../engine/lint.ts';

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
  const grouping = new FindingFileGrouping();
  for (const result of report.results) grouping.add(result);
  return grouping.take(() => true);
}

/**
 * resultsByFindingFile over results that arrive one by one: an entry is taken once no later file can add to
 * it, and entries are taken in order, so that the entries come out as they would from the whole report.
 */
export class FindingFileGrouping {
  /** In output order. */
  private readonly pending = new Map<string, Finding[]>();

  add(result: FileResult): void {
    this.entry(result.filePath);
    for (const finding of result.findings) this.entry(finding.filePath).push(finding);
  }

  /** The entries at the front that are settled: no file linted later can add findings to them. */
  take(settled: (filePath: string) => boolean): FileFindings[] {
    const taken: FileFindings[] = [];
    for (const [filePath, findings] of this.pending) {
      if (!settled(filePath)) break;
      taken.push({ filePath, findings });
      this.pending.delete(filePath);
    }
    return taken;
  }

  private entry(filePath: string): Finding[] {
    let findings = this.pending.get(filePath);
    if (!findings) this.pending.set(filePath, (findings = []));
    return findings;
  }
}
