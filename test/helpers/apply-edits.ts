import { applyFixes } from '../../src/engine/apply-fixes.ts';
import type { TextEdit } from '../../src/model/document.ts';

export function applyEdits(text: string, edits: TextEdit[]): string {
  return applyFixes(text, [{ description: 'test', edits }]).text;
}
