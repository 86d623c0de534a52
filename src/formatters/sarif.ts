import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../model/finding.ts';
import { fingerprints } from '../engine/fingerprint.ts';
import { docsUrl, type AnyRule, type Severity } from '../model/rule.ts';
import { wholeReport, type StreamingFormat } from './formatter.ts';
import { redact, shownFix } from './redact.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SOURCE_ROOT = '%SRCROOT%';

/** Where the run's results go in the log's text; they are written there as the files are linted. */
const RESULTS_HERE = '\u0000results';
/** How deep a result sits in the log: the log, runs, the run, its results. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * SARIF 2.1.0 for code-scanning tools (github/codeql-action/upload-sarif): one run, every rule described.
 * The run's results come before its invocation, whose notifications (the checks that could not run) are
 * known only at the end.
 */
export const sarifFormat: StreamingFormat = (context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.meta.id, index]));
  const artifact = (filePath: string) => artifactLocation(filePath, context.cwd);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'batchlint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: 'https://github.com/batchlint/batchlint',
            rules: context.rules.map(describeRule),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        results: RESULTS_HERE,
      },
    ],
  };
  const [head, tail] = JSON.stringify(log, null, 2).split(JSON.stringify(RESULTS_HERE)) as [string, string];
  let resultsWritten = 0;
  return {
    start: () => `${head}[`,
    result(result) {
      const prints = fingerprints(result.findings);
      return result.findings
        .map((finding, index) => {
          const text = JSON.stringify(toResult(finding, prints[index]!, ruleIndex, artifact), null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
          return `${resultsWritten++ > 0 ? ',' : ''}\n${RESULT_INDENT}${text}`;
        })
        .join('');
    },
    end(report) {
      const invocations = [
        {
          executionSuccessful: true,
          toolExecutionNotifications: report.notChecked.map((entry) => ({
            level: 'note',
            message: { text: `${entry.ruleId} could not check${entry.poolId ? ` pool ${entry.poolId}` : ''}: ${redact(entry.reason)}` },
            descriptor: { id: entry.ruleId },
            locations: [{ physicalLocation: { artifactLocation: artifact(entry.filePath) } }],
          })),
        },
      ];
      const closing = resultsWritten > 0 ? `\n${' '.repeat(6)}]` : ']';
      const invocationsText = JSON.stringify(invocations, null, 2).replace(/\n/g, `\n${' '.repeat(6)}`);
      return `${closing},\n${' '.repeat(6)}"invocations": ${invocationsText}${tail}\n`;
    },
  };
};

export const sarifFormatter = wholeReport(sarifFormat);

function describeRule(rule: AnyRule) {
  const { id, description, defaultSeverity, fixable } = rule.meta;
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase()),
    shortDescription: { text: description },
    fullDescription: { text: `${description}${fixable ? ' batchlint --fix can fix it.' : ''}` },
    helpUri: docsUrl(id),
    help: { text: `${description} See ${docsUrl(id)}`, markdown: `${description} [Rule documentation](${docsUrl(id)})` },
    defaultConfiguration: { level: LEVEL[defaultSeverity] },
  };
}

function toResult(finding: Finding, fingerprint: string, ruleIndex: Map<string, number>, artifact: (filePath: string) => object) {
  const location = artifact(finding.filePath);
  const fix = shownFix(finding.fix);
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: redact(finding.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { 'batchlint/v1': fingerprint },
    ...(finding.poolId !== undefined && { properties: { poolId: finding.poolId } }),
    ...(fix && {
      fixes: [
        {
          description: { text: fix.description },
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: fix.edits.map((edit) => ({
                deletedRegion: { charOffset: edit.offset, charLength: edit.length },
                insertedContent: { text: edit.text },
              })),
            },
          ],
        },
      ],
    }),
  };
}

/** Paths inside the working directory are relative to it (what code scanning needs); others stay absolute file URIs. */
function artifactLocation(filePath: string, cwd: string) {
  const absolute = isAbsolute(filePath) ? filePath : `${cwd}/${filePath}`;
  const inside = relative(cwd, absolute);
  if (inside.startsWith('..') || isAbsolute(inside)) return { uri: pathToFileURL(absolute).href };
  return { uri: inside.split('\\').join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
