import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { LineIndex } from '../../src/model/location.ts';
import type { Finding } from '../../src/model/finding.ts';
import { allRules } from '../../rules/index.ts';
import { FORMULA_RULE_IDS } from '../../src/cli/autoscale-commands.ts';
import brokenFormulas from '../../fixtures/autoscale/broken-formulas.json' with { type: 'json' };
import realFormulas from '../../fixtures/autoscale/real-formulas.json' with { type: 'json' };
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

/** A bare formula through the rules, as `batchlint autoscale check` runs them. */
async function findingsOf(formula: string): Promise<Finding[]> {
  const rules = allRules.filter((rule) => FORMULA_RULE_IDS.includes(rule.meta.id));
  const report = await lint({ rules, patterns: ['-'], cwd: PROJECT_ROOT, facts: createFacts(), readAs: 'autoscale', stdin: { text: formula, filePath: 'scale.formula' } });
  return report.results.flatMap((result) => result.findings);
}

describe('the real formulas (fixtures/autoscale/real-formulas.json, each with its source)', () => {
  it.each(realFormulas.map((entry) => [entry.source, entry.formula]))('%s: no error from the formula rules', async (_source, formula) => {
    const errors = (await findingsOf(formula)).filter((finding) => finding.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('the broken formulas (fixtures/autoscale/broken-formulas.json): the rule, at the exact line and column', () => {
  it.each(brokenFormulas.map((entry) => [entry.expected.code, entry.formula, entry.expected]))('%s: %j', async (_code, formula, expected) => {
    const ruleId = expected.code === 'syntax' ? 'autoscale-formula-syntax' : 'autoscale-formula-semantics';
    const { line, column } = new LineIndex(formula).location(expected.offset, 0);
    const findings = (await findingsOf(formula)).filter((finding) => finding.ruleId === ruleId);
    expect(findings).toContainEqual(expect.objectContaining({ ruleId, line, column, severity: expected.severity, message: expect.stringContaining(expected.message) }));
  });
});
