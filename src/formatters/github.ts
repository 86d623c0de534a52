import type { Severity } from '../model/rule.ts';
import type { Finding } from '../model/finding.ts';
import { wholeReport, type StreamingFormat } from './formatter.ts';
import { notCheckedLines } from './not-checked.ts';
import { redact } from './redact.ts';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its file and lines in the
 * pull request. Values are escaped as the runner requires, so a message cannot inject a command. Checks
 * that could not run make one warning, so that a green job cannot hide them.
 */
export const githubFormat: StreamingFormat = () => ({
  start: () => '',
  result: (result) => result.findings.map((finding) => `${annotation(finding)}\n`).join(''),
  end(report) {
    if (report.notChecked.length === 0) return '';
    const reasons = notCheckedLines(report.notChecked).map((line) => `- ${line}`);
    return `::warning title=batchlint%3A checks not run::${escapeData(`${report.notChecked.length} check(s) could not run, so these pools are not known to be clean:\n${reasons.join('\n')}`)}\n`;
  },
});

export const githubFormatter = wholeReport(githubFormat);

function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.filePath)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(finding.ruleId)}`,
  ].join(',');
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(`${redact(finding.message)} (${finding.docsUrl})`)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
