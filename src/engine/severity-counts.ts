import type { Finding } from '../model/finding.ts';

/** A report's counts of findings by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(counts: SeverityCounts, findings: readonly Finding[]): void {
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
}
