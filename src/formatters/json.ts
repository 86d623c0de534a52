import type { Finding } from '../model/finding.ts';
import type { Formatter } from './formatter.ts';
import { redact, shownFix } from './redact.ts';
import { resultsByFindingFile } from './results-by-file.ts';

/**
 * The machine-readable contract other tools build on (docs/json-format.md). Bump it on any change that is
 * not a pure addition. 2: results are grouped by the file each finding's line is in (a parameters file has
 * its own entry), and every finding names its file.
 */
export const JSON_FORMAT_VERSION = 2;

export const jsonFormatter: Formatter = (report, context) =>
  JSON.stringify({
    version: JSON_FORMAT_VERSION,
    catalogDate: context.catalogDate,
    environment: report.environment,
    results: resultsByFindingFile(report).map((result) => ({ filePath: result.filePath, findings: result.findings.map(toJsonFinding) })),
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
  }) + '\n';

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
