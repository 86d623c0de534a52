import { PARSE_ERROR } from '../model/rule.ts';
import { applyFixes } from './apply-fixes.ts';
import type { Finding } from '../model/finding.ts';
import type { TextResult } from './lint-text.ts';

const MAX_FIX_PASSES = 10;

export interface FixedText {
  text: string;
  /** The lint result of `text`. */
  result: TextResult;
  /** Why the fixes were not applied, when the file is left as written. */
  refused?: string;
}

/**
 * Applies a file's fixes pass by pass, linting the text again after each pass. A pass counts only when the
 * fixed text still parses, holds as many pools, and no longer has the findings it fixed; when one does not,
 * no fix is applied to the file at all, since an edit that breaks the file is worse than the finding.
 */
export async function fixText(original: string, originalResult: TextResult, lintAgain: (text: string) => Promise<TextResult>): Promise<FixedText> {
  let text = original;
  let result = originalResult;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixable = result.findings.filter((finding) => finding.fix);
    const fixed = applyFixes(
      text,
      fixable.map((finding) => finding.fix!),
    );
    if (fixed.applied.length === 0) break;
    const next = await lintAgain(fixed.text);
    const fixedFindings = fixable.filter((finding) => fixed.applied.includes(finding.fix!));
    const refused = whyNotKept(result, next, fixedFindings);
    if (refused) return { text: original, result: originalResult, refused };
    text = fixed.text;
    result = next;
  }
  return { text, result };
}

function whyNotKept(before: TextResult, after: TextResult, fixedFindings: readonly Finding[]): string | undefined {
  // Counted, not compared: a message may name a line the fix moved.
  const [errorsBefore, errorsAfter] = [parseErrors(before), parseErrors(after)];
  if (errorsAfter.length > errorsBefore.length) return `the fixed text would not parse (${errorsAfter.find((message) => !errorsBefore.includes(message)) ?? errorsAfter.at(-1)})`;
  if (after.pools !== before.pools) return `the fixed text would hold ${after.pools} pool(s) instead of ${before.pools}`;
  const remaining = fixedFindings.find((fixedFinding) => after.findings.some((finding) => sameFinding(finding, fixedFinding)));
  if (remaining) return `the fix "${remaining.fix!.description}" would leave its ${remaining.ruleId} finding in place`;
  return undefined;
}

function parseErrors(result: TextResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === PARSE_ERROR).map((finding) => finding.message);
}

/** The same rule about the same property of the same pool; lines and messages may move with the edit. */
function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.poolId === b.poolId && a.propertyPath === b.propertyPath;
}
