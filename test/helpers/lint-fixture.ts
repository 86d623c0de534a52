import { resolve } from 'node:path';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import type { Finding } from '../../src/model/finding.ts';
import { ContextLocator } from '../../src/facts/context-locator.ts';
import { allRules } from '../../rules/index.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Lints files under the project root with only the named rules enabled (all rules when none are named). */
export async function lintFixtures(patterns: string[], ruleIds?: string[], configPath?: string): Promise<LintReport> {
  const rules = ruleIds ? allRules.filter((rule) => ruleIds.includes(rule.meta.id)) : allRules;
  const contexts = new ContextLocator(PROJECT_ROOT);
  return lint({ patterns, cwd: PROJECT_ROOT, facts: (filePath) => contexts.forFile(filePath), rules, ...(configPath && { configPath }) });
}

/** The findings of one rule on one fixture, with only that rule enabled (or all, for rules about other rules' findings). */
export async function findingsOf(ruleId: string, fixture: string, configPath?: string, withAllRules = false): Promise<Finding[]> {
  const report = await lintFixtures([fixture], withAllRules ? undefined : [ruleId], configPath);
  return report.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === ruleId);
}
