import type { Finding } from '../model/finding.ts';
import { wholeReport, type StreamingFormat } from './formatter.ts';
import { redact, shownFix } from './redact.ts';
import { FindingFileGrouping, type FileFindings } from './results-by-file.ts';

/**
 * The machine-readable contract other tools build on (docs/json-format.md). Bump it on any change that is
 * not a pure addition. 2: results are grouped by the file each finding's line is in (a parameters file has
 * its own entry), and every finding names its file.
 */
export const JSON_FORMAT_VERSION = 2;

/** One JSON object, written as the files are linted: the head, each file's entry, then the lists and the summary. */
export const jsonFormat: StreamingFormat = (context) => {
  const grouping = new FindingFileGrouping();
  let entriesWritten = 0;
  const entries = (taken: FileFindings[]) =>
    taken.map((result) => `${entriesWritten++ > 0 ? ',' : ''}${JSON.stringify({ filePath: result.filePath, findings: result.findings.map(toJsonFinding) })}`).join('');
  return {
    // The head as JSON.stringify writes it, without the closing `]}` of the empty results.
    start: (environment) => JSON.stringify({ version: JSON_FORMAT_VERSION, catalogDate: context.catalogDate, environment, results: [] }).slice(0, -']}'.length),
    result(result, settled) {
      grouping.add(result);
      return entries(grouping.take(settled));
    },
    end(report) {
      const tail = JSON.stringify({
        notChecked: report.notChecked.map((entry) => ({
          ruleId: entry.ruleId,
          poolId: entry.poolId ?? null,
          filePath: entry.filePath,
          reason: redact(entry.reason),
        })),
        notLinted: report.notLinted.map((entry) => ({ path: redact(entry.path), reason: redact(entry.reason) })),
        summary: {
          files: report.summary.files,
          pools: report.summary.pools,
          errors: report.summary.errors,
          warnings: report.summary.warnings,
          infos: report.summary.infos,
          fixed: report.summary.fixed,
        },
      });
      return `${entries(grouping.take(() => true))}],${tail.slice(1)}\n`;
    },
  };
};

export const jsonFormatter = wholeReport(jsonFormat);

function toJsonFinding(finding: Finding) {
  const fix = shownFix(finding.fix);
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: redact(finding.message),
    messageId: finding.messageId ?? null,
    filePath: finding.filePath,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    poolId: finding.poolId ?? null,
    propertyPath: finding.propertyPath ?? null,
    docsUrl: finding.docsUrl,
    ...(fix && { fix: { description: fix.description, edits: fix.edits.map(({ offset, length, text }) => ({ offset, length, text })) } }),
  };
}
