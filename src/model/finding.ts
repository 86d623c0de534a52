import type { TextEdit } from './document.ts';
import type { Severity } from './rule.ts';

export interface Fix {
  description: string;
  edits: TextEdit[];
  /** An edit writes one of the file's credentials back: --fix applies it, no output prints it. */
  carriesSecret?: true;
}

/** One violation, placed in the user's file. Lines and columns are 1-based. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Which of the rule's messages this is (absent for findings about the file itself, such as a parse error). */
  messageId?: string;
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  poolId?: string;
  /** The canonical property the finding is about (`startTask.waitForSuccess`): with the rule, file and pool, it identifies the finding across edits that move lines. */
  propertyPath?: string;
  docsUrl: string;
  fix?: Fix;
}

/** A check that could not run for a pool, and why. */
export interface NotChecked {
  ruleId: string;
  poolId?: string;
  filePath: string;
  reason: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Reading order; findings on one spot put errors first, then go by rule id, whatever order the rules run in. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareIds(a.ruleId, b.ruleId);
}

// Rule ids are ASCII: code-unit order, without the ~6 ms that localeCompare's first call costs to load ICU collation.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
