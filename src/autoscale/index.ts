import type { Formula } from './ast.ts';
import { checkFormula } from './checker.ts';
import type { FormulaDiagnostic } from './diagnostic.ts';
import { parseFormula } from './parser.ts';

export type * from './ast.ts';
export type { DiagnosticCode, FormulaDiagnostic } from './diagnostic.ts';
export { parseFormula } from './parser.ts';
export { checkFormula } from './checker.ts';

export interface FormulaAnalysis {
  /** Absent when the formula does not parse. */
  formula?: Formula;
  /** Syntax and semantic findings, in the order of their place in the formula. */
  diagnostics: FormulaDiagnostic[];
}

/** The last formula analysed: the autoscale rules and the capacity rules all read the same pool's formula in turn. */
let last: { source: string; analysis: FormulaAnalysis } | undefined;

/** Parses an autoscale formula and, when it parses, checks it. */
export function analyzeFormula(source: string): FormulaAnalysis {
  if (last?.source !== source) last = { source, analysis: analyze(source) };
  return last.analysis;
}

function analyze(source: string): FormulaAnalysis {
  const parsed = parseFormula(source);
  if (!parsed.formula) return parsed;
  const diagnostics = [...parsed.diagnostics, ...checkFormula(parsed.formula)].sort((a, b) => a.offset - b.offset);
  return { formula: parsed.formula, diagnostics };
}
