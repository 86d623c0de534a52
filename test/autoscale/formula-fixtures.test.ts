import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFormula } from '../../src/autoscale/index.ts';

interface RealFormula {
  source: string;
  formula: string;
  note?: string;
  /** The codes of the warnings it must give (none by default); it must never give an error. */
  warnings?: string[];
}

interface BrokenFormula {
  formula: string;
  source?: string;
  expected: { message: string; offset: number; code: string; severity: 'error' | 'warning' };
}

const real = JSON.parse(readFileSync('fixtures/autoscale/real-formulas.json', 'utf8')) as RealFormula[];
const broken = JSON.parse(readFileSync('fixtures/autoscale/broken-formulas.json', 'utf8')) as BrokenFormula[];

describe('formulas used in the docs and in production', () => {
  it('are at least forty, each with its source', () => {
    expect(real.length).toBeGreaterThanOrEqual(40);
    for (const entry of real) expect(entry.source).toMatch(/\S+\/\S+/);
  });

  it.each(real.map((entry) => [entry.source, entry] as const))('%s parses and checks without error', (_source, entry) => {
    const analysis = analyzeFormula(entry.formula);
    expect(analysis.formula).toBeDefined();
    expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual((entry.warnings ?? []).map((code) => `warning ${code}`));
  });
});

describe('broken formulas', () => {
  it('are at least twenty', () => {
    expect(broken.length).toBeGreaterThanOrEqual(20);
  });

  it.each(broken.map((entry) => [entry.formula, entry] as const))('%j gives its one diagnostic at its place', (_formula, entry) => {
    const { diagnostics } = analyzeFormula(entry.formula);
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic).toMatchObject({ offset: entry.expected.offset, code: entry.expected.code, severity: entry.expected.severity });
    expect(diagnostic!.message).toContain(entry.expected.message);
  });
});
