import { ENVIRONMENT_RULES_SKIPPED, environmentRulesSkipped, type Formatter } from './formatter.ts';
import { redact } from './redact.ts';
import { resultsByFindingFile } from './results-by-file.ts';

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** A report for humans in pull requests and job summaries: a table per file, links to the rule docs. */
export const markdownFormatter: Formatter = (report, context) => {
  const { errors, warnings, files, pools } = report.summary;
  const lines = ['## batchlint', '', `${errors} error(s), ${warnings} warning(s) in ${pools} pool(s), ${files} file(s).`, ''];
  for (const result of resultsByFindingFile(report)) {
    if (result.findings.length === 0) continue;
    lines.push(`### \`${cell(result.filePath)}\``, '', '| Line | Severity | Rule | Pool | Message |', '|---:|---|---|---|---|');
    for (const finding of result.findings) {
      lines.push(
        `| ${finding.line}:${finding.column} | ${ICON[finding.severity]} ${finding.severity} | [${finding.ruleId}](${finding.docsUrl}) | ${cell(finding.poolId ?? '')} | ${cell(redact(finding.message))} |`,
      );
    }
    lines.push('');
  }
  if (report.notChecked.length > 0) {
    lines.push('### Not checked', '', '| File | Pool | Rule | Why |', '|---|---|---|---|');
    for (const entry of report.notChecked) lines.push(`| \`${cell(entry.filePath)}\` | ${cell(entry.poolId ?? '')} | ${entry.ruleId} | ${cell(redact(entry.reason))} |`);
    lines.push('');
  }
  if (report.notLinted.length > 0) {
    lines.push('### Not linted', '', '| File or folder | Why |', '|---|---|');
    for (const entry of report.notLinted) lines.push(`| \`${cell(redact(entry.path))}\` | ${cell(redact(entry.reason))} |`);
    lines.push('');
  }
  if (environmentRulesSkipped(report, context, pools)) lines.push(`${ENVIRONMENT_RULES_SKIPPED}.`, '');
  lines.push(`<sub>VM size and image catalog: data of ${context.catalogDate}.</sub>`, '');
  return lines.join('\n');
};

/** Text safe inside a table cell: no pipes or line breaks to break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
