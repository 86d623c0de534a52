import type { LintReport } from '../engine/lint.ts';

export interface FormatContext {
  /** Colour is used only when writing to a terminal that wants it. */
  color: boolean;
  /** Date of the embedded catalog, shown so stale data can be spotted. */
  catalogDate: string;
  maxWarningsExceeded?: { maxWarnings: number; warnings: number };
}

export type Formatter = (report: LintReport, context: FormatContext) => string;
