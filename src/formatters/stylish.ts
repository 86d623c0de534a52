import type { Severity } from '../model/rule.ts';
import { ENVIRONMENT_RULES_SKIPPED, environmentRulesSkipped, wholeReport, type FormatContext, type StreamingFormat } from './formatter.ts';
import type { LintReport } from '../engine/lint.ts';
import { notCheckedLines, notLintedLines } from './not-checked.ts';
import { redact } from './redact.ts';
import { FindingFileGrouping, type FileFindings } from './results-by-file.ts';

const STYLES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof STYLES;
type Paint = (style: Style, text: string) => string;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** Human output grouped per file, ESLint-style, each file's block written as it is linted, then a summary. */
export const stylishFormat: StreamingFormat = (context) => {
  const paint: Paint = (style, text) => (context.color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
  const grouping = new FindingFileGrouping();
  let fixable = 0;
  const blocks = (taken: FileFindings[]) => taken.map((result) => fileBlock(result, paint)).join('');
  return {
    start: () => '',
    result(result, settled) {
      fixable += result.findings.filter((finding) => finding.fix).length;
      grouping.add(result);
      return blocks(grouping.take(settled));
    },
    end: (report, endContext) => blocks(grouping.take(() => true)) + summaryLines(report, endContext, paint, fixable).join('\n') + '\n',
  };
};

export const stylishFormatter = wholeReport(stylishFormat);

/** A file's findings: its path, a line per finding, and a blank line; nothing for a file without findings. */
function fileBlock(result: FileFindings, paint: Paint): string {
  if (result.findings.length === 0) return '';
  const rows = result.findings.map((finding) => ({
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    message: redact(finding.message) + (finding.poolId ? paint('dim', ` [pool ${finding.poolId}]`) : ''),
    ruleId: finding.ruleId,
  }));
  const positionWidth = rows.reduce((width, row) => Math.max(width, row.position.length), 0);
  const lines = [paint('underline', result.filePath)];
  for (const row of rows) {
    lines.push(
      `  ${paint('dim', row.position.padEnd(positionWidth))}  ${paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(7))}  ${row.message}  ${paint('dim', row.ruleId)}`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

function summaryLines(report: LintReport, context: FormatContext, paint: Paint, fixable: number): string[] {
  const { errors, warnings, infos, files, pools, fixed } = report.summary;
  const problems = errors + warnings + infos;
  const lines: string[] = [];
  const unchecked = report.notChecked.length;
  if (problems === 0 && unchecked === 0) {
    lines.push(`${paint('bold', '✔')} ${pools} pool(s) in ${files} file(s): no problems`);
  } else if (problems === 0) {
    // Not "no problems": a check that did not run found nothing because it looked at nothing.
    lines.push(paint('yellow', paint('bold', `! ${pools} pool(s) in ${files} file(s): nothing found by the checks that ran, but ${unchecked} could not run`)));
  } else {
    const counts = [`${errors} error(s)`, `${warnings} warning(s)`, ...(infos > 0 ? [`${infos} info`] : [])].join(', ');
    lines.push(paint(errors > 0 ? 'red' : 'yellow', paint('bold', `✖ ${problems} problem(s) (${counts}) in ${pools} pool(s), ${files} file(s)`)));
  }
  if (fixable > 0) lines.push(`  ${fixable} problem(s) can be fixed with --fix`);
  if (fixed > 0) lines.push(`  fixed ${fixed} file(s)`);
  if (report.notChecked.length > 0) {
    lines.push(`  ${report.notChecked.length} check(s) could not run:`);
    for (const line of notCheckedLines(report.notChecked)) lines.push(paint('dim', `    ${line}`));
  }
  if (report.notLinted.length > 0) {
    lines.push(`  ${report.notLinted.length} file(s) or folder(s) not linted:`);
    for (const line of notLintedLines(report.notLinted)) lines.push(paint('dim', `    ${line}`));
  }
  if (context.maxWarningsExceeded) {
    const { maxWarnings, warnings: count, hidden } = context.maxWarningsExceeded;
    lines.push(paint('red', `  too many warnings: ${count}, more than --max-warnings ${maxWarnings}${hidden ? ' (not shown: --quiet; run without it to see them)' : ''}`));
  }
  if (environmentRulesSkipped(report, context, pools)) {
    lines.push(paint('dim', `  ${ENVIRONMENT_RULES_SKIPPED}`));
  }
  lines.push(paint('dim', `  VM size and image catalog: data of ${context.catalogDate}`));
  return lines;
}
