import type { TextEdit } from '../model/document.ts';
import type { Fix } from '../model/finding.ts';

/**
 * Applies the fixes whose edits do not overlap an earlier accepted fix (in file order); the rest wait for
 * the next pass, after the file is linted again. Returns the new text and the fixes that were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const ordered = [...fixes].sort((a, b) => firstOffset(a) - firstOffset(b));
  for (const fix of ordered) {
    if (fix.edits.some((edit) => accepted.some((taken) => touches(edit, taken)))) continue;
    accepted.push(...fix.edits);
    applied.push(fix);
  }
  let result = text;
  for (const edit of accepted.sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.length);
  }
  return { text: result, applied };
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.offset));
}

function touches(a: TextEdit, b: TextEdit): boolean {
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}
