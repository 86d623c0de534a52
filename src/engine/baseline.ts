import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprints } from './fingerprint.ts';
import type { LintReport } from './lint.ts';
import { BaselineError } from './baseline-error.ts';
import { keepFindings, keepInResult } from './report-filters.ts';
import type { FileResult } from './lint.ts';

/**
 * A baseline records the findings a team accepts today, by rule, file, pool and fingerprint (never line
 * numbers), so that later runs report only new ones: how a repository adopts the linter.
 */
interface BaselineFile {
  version: 1;
  findings: { ruleId: string; filePath: string; poolId: string | null; fingerprint: string }[];
}

export function writeBaseline(path: string, report: LintReport): void {
  const findings = report.results.flatMap((result) => {
    const prints = fingerprints(result.findings);
    return result.findings.map((finding, index) => ({ ruleId: finding.ruleId, filePath: finding.filePath, poolId: finding.poolId ?? null, fingerprint: prints[index]! }));
  });
  const baseline: BaselineFile = { version: 1, findings };
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function readBaseline(path: string): Set<string> {
  let baseline: BaselineFile;
  try {
    baseline = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (baseline?.version !== 1 || !Array.isArray(baseline.findings)) throw new BaselineError(`${path} is not a batchlint baseline (version 1)`);
  return new Set(baseline.findings.map((entry) => entry.fingerprint));
}

/** The report without the findings the baseline accepted. */
export function withoutBaselined(report: LintReport, accepted: Set<string>): LintReport {
  const printsByFile = new Map(report.results.map((result) => [result, fingerprints(result.findings)]));
  return keepFindings(report, (_, result, index) => !accepted.has(printsByFile.get(result)![index]!));
}

/** A file's result without the findings the baseline accepted. */
export function resultWithoutBaselined(result: FileResult, accepted: Set<string>): FileResult {
  const prints = fingerprints(result.findings);
  return keepInResult(result, (_, __, index) => !accepted.has(prints[index]!));
}
