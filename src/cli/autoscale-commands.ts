import { readFileSync } from 'node:fs';
import { evaluateFormula, type EvaluationInputs } from '../autoscale/evaluate.ts';
import { parseFormula } from '../autoscale/parser.ts';
import type { SampleSeries } from '../autoscale/samples.ts';
import { lint } from '../engine/lint.ts';
import { createFacts } from '../facts/catalog-facts.ts';
import { LineIndex } from '../model/location.ts';
import type { AnyRule } from '../model/rule.ts';
import { STDIN_ARGUMENT } from '../sources/discover.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_RUN_FAILED, writeReport, type ReportOutput } from './write-report.ts';

/** The rules that check a formula by itself, with no pool around it. */
export const FORMULA_RULE_IDS = ['autoscale-formula-syntax', 'autoscale-formula-semantics', 'autoscale-settings', 'autoscale-unbounded'];

export interface CheckOptions extends Omit<ReportOutput, 'rules' | 'version'> {
  config?: string;
  stdinFilename: string;
}

/** `autoscale check`: files that each hold one bare formula, checked by the formula rules, reported as `lint` reports. */
export async function autoscaleCheck(paths: string[], options: CheckOptions, allRules: readonly AnyRule[], version: string): Promise<number> {
  const rules = allRules.filter((rule) => FORMULA_RULE_IDS.includes(rule.meta.id));
  const stdin = paths.includes(STDIN_ARGUMENT) ? { text: readFileSync(0, 'utf8'), filePath: options.stdinFilename } : undefined;
  const report = await lint({
    rules,
    patterns: paths,
    cwd: process.cwd(),
    facts: createFacts(),
    readAs: 'autoscale',
    ...(stdin && { stdin }),
    ...(options.config !== undefined && { configPath: options.config }),
  });
  return writeReport(report, { ...options, rules, version });
}

export interface EvalOptions {
  var: string[];
  now?: string;
}

/**
 * `autoscale eval`: runs a formula once on the samples given, as the service's "evaluate autoscale" does, and
 * prints every variable's final value as `$name=value` pairs. Exit 1 when the evaluation fails (the reason is
 * printed with its place), 2 when the formula does not parse or an input is malformed.
 */
export function autoscaleEval(path: string, options: EvalOptions): number {
  const text = readFileSync(path === STDIN_ARGUMENT ? 0 : path, 'utf8');
  const name = path === STDIN_ARGUMENT ? '<stdin>' : path;
  const parsed = parseFormula(text);
  const syntaxError = parsed.diagnostics.find((diagnostic) => diagnostic.code === 'syntax' || diagnostic.code === 'read-limit');
  if (!parsed.formula || syntaxError) {
    process.stderr.write(`batchlint: ${placed(name, text, syntaxError?.offset ?? 0)}: the formula does not parse: ${syntaxError?.message ?? 'empty formula'}\n`);
    return EXIT_RUN_FAILED;
  }
  const inputs: EvaluationInputs = { variables: Object.fromEntries(options.var.map(parseVariable)), ...(options.now !== undefined && { now: parseNow(options.now) }) };
  const result = evaluateFormula(parsed.formula, inputs);
  process.stdout.write(`${result.results}\n`);
  if (result.ok) return EXIT_OK;
  process.stderr.write(`batchlint: ${placed(name, text, result.error.offset)}: the evaluation fails: ${result.error.message}\n`);
  return EXIT_FINDINGS;
}

/** An input is malformed: `--var` or `--now` as written cannot be read. Matched by name, as this module loads lazily. */
export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

/** `$PendingTasks=[3, 5, 8]` (samples, oldest first, 30 s apart; `null` for one the service did not record) or `$CurrentDedicatedNodes=4`. */
function parseVariable(assignment: string): [string, SampleSeries | number] {
  const match = /^\s*(\$\w+)\s*=\s*(.+?)\s*$/.exec(assignment);
  if (!match) throw new EvalInputError(`--var "${assignment}" is not $Name=number or $Name=[samples]`);
  const [, variable, value] = match as unknown as [string, string, string];
  if (value.startsWith('[')) {
    let values: unknown;
    try {
      values = JSON.parse(value);
    } catch {
      values = undefined;
    }
    if (!Array.isArray(values) || !values.every((sample) => sample === null || typeof sample === 'number')) {
      throw new EvalInputError(`--var ${variable}: the samples must be a list of numbers or null, such as [3, 5, null, 8]`);
    }
    return [variable, { values: values as (number | null)[] }];
  }
  const number = Number(value);
  if (value === '' || !Number.isFinite(number)) throw new EvalInputError(`--var ${variable}: "${value}" is not a number`);
  return [variable, number];
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new EvalInputError(`--now "${value}" is not a date and time, such as 2026-12-01T10:00:00Z`);
  return date;
}

function placed(name: string, text: string, offset: number): string {
  const { line, column } = new LineIndex(text).location(offset, 0);
  return `${name}:${line}:${column}`;
}
