import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.ts';

/**
 * A finding's identity that survives unrelated edits: rule, file, pool and property, never line numbers.
 * Findings that share all four are told apart by their order in the file.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = [finding.ruleId, finding.filePath.split('\\').join('/'), finding.poolId ?? '', finding.propertyPath ?? ''].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
