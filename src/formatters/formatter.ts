import type { LintReport } from '../engine/lint.ts';
import type { AnyRule } from '../model/rule.ts';

export interface FormatContext {
  /** The folder paths are reported relative to (the repository root in CI). */
  cwd: string;
  /** Every rule of the run, for formats that describe them (SARIF). */
  rules: readonly AnyRule[];
  version: string;
  /** Colour is used only when writing to a terminal that wants it. */
  color: boolean;
  /** Date of the embedded catalog, shown so stale data can be spotted. */
  catalogDate: string;
  /** `hidden`: --quiet left the warnings out of the report, though they count. */
  maxWarningsExceeded?: { maxWarnings: number; warnings: number; hidden: boolean };
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

/** Whether to say ENVIRONMENT_RULES_SKIPPED: the run had environment rules and pools, and no environment facts. */
export function environmentRulesSkipped(report: LintReport, context: FormatContext, pools: number): boolean {
  return report.environment === 'none' && pools > 0 && context.rules.some((rule) => rule.meta.facts.includes('environment'));
}

/** Said when no context file or live mode gave the run any Azure environment facts. */
export const ENVIRONMENT_RULES_SKIPPED =
  "Azure environment rules (quota, subnet, locks, NSG, DNS, a size's region and restrictions) did not run: add a batchlint.context.yaml or use --live";
