import { ruleSettingsFor, type RuleSetting } from '../config/rule-settings.ts';
import type { LoadedConfig } from '../config/config.ts';
import type { Facts } from '../model/facts.ts';
import type { SourceContext, SourceOptions } from '../model/source-adapter.ts';
import { adapters } from '../sources/adapters.ts';
import type { DocumentFormat, SourceDocument } from '../model/document.ts';
import { formatOf, parseFile } from '../documents/parse-file.ts';
import type { PoolDefinition } from '../model/pool-definition.ts';
import { mayBePoolDefinition } from '../sources/pool-signs.ts';
import { ReadLimitExceeded, SyntaxProblem } from '../model/syntax-problem.ts';
import { LineIndex, type Location, type Path } from '../model/location.ts';
import { secretScrubber, type Scrub } from './secret-values.ts';
import { applyDirectives, findDirectives } from './suppressions.ts';
import { compareFindings, type Finding, type NotChecked } from '../model/finding.ts';
import { docsUrl, isPoolRule, notStatic, PARSE_ERROR, UNUSED_SUPPRESSION, type AnyRule, type PoolRule, type Report, type Severity } from '../model/rule.ts';
import { atMost } from '../model/severity.ts';
import { isUnknown } from '../model/unknown.ts';
import { messageOf } from './rule-messages.ts';
import { breaksSchema, WRONG_TYPES } from './wrong-types.ts';

export interface TextResult {
  findings: Finding[];
  notChecked: NotChecked[];
  pools: number;
  /** The file parsed but holds no pool definition; or, found by a search, does not parse and shows no sign of one. */
  notAPoolFile: boolean;
  /** Why the file was taken for one without a pool, when it is not that it parsed and held none. */
  notAPoolReason?: string;
}

export interface LintTextInput {
  filePath: string;
  text: string;
  config: LoadedConfig;
  rules: readonly AnyRule[];
  facts: Facts;
  sources: SourceOptions;
  /** Reads another file an adapter asks for (a parameters or variables file); undefined when it cannot. */
  readFile: (path: string) => string | undefined;
  /** Found in a folder or by a glob rather than named: one that does not parse and shows no sign of a pool is skipped. */
  foundBySearch?: boolean;
  /** Read the text as this format whatever its file name says (a bare autoscale formula). */
  readAs?: DocumentFormat;
}

export const UNPARSED_WITHOUT_POOL_SIGNS = "does not parse and shows no sign of a pool definition (a template before rendering, or another tool's file)";

/** Lints one file's text: parse, find the pools, run every enabled rule on each. */
export async function lintText(input: LintTextInput): Promise<TextResult> {
  let document: SourceDocument;
  try {
    document = await parseFile(input.filePath, input.text, input.readAs);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    if (await isOtherToolsJsonc(input)) return { findings: [], notChecked: [], pools: 0, notAPoolFile: true };
    if (input.foundBySearch && !mayBePoolDefinition(input.text)) return { findings: [], notChecked: [], pools: 0, notAPoolFile: true, notAPoolReason: UNPARSED_WITHOUT_POOL_SIGNS };
    return withoutSecrets({ findings: syntaxProblemFindings(input, error), notChecked: [], pools: 0, notAPoolFile: false }, secretScrubber(input.text, []));
  }
  const problems = readableSyntaxProblemFindings(input, document);
  const context: SourceContext = {
    ...input.sources,
    readFile: input.readFile,
    problem: (ruleId, path, message) => problems.push(...sourceProblemFindings(input, document, ruleId, path, message)),
  };
  const pools = extractPools(document, context);
  const result: TextResult = { findings: problems, notChecked: [], pools: pools.length, notAPoolFile: pools.length === 0 };
  const notCheckedSeen = new Set<string>();
  const poolRules = input.rules.filter(isPoolRule).filter((rule) => input.facts.environmentSource !== 'none' || !rule.meta.facts.includes('environment'));
  for (const pool of pools) {
    const settings = ruleSettingsFor(input.rules, input.config, input.filePath, pool.id);
    for (const rule of poolRules) {
      const setting = settings.get(rule.meta.id);
      if (setting) runRule(rule, setting, pool, input, result, notCheckedSeen);
    }
  }
  result.findings = suppress(result.findings, document, input);
  result.findings.sort(compareFindings);
  return withoutSecrets(result, secretScrubber(input.text, pools));
}

/** Messages, fix descriptions and reasons with the file's credentials taken out; fix edits keep them, for --fix, and say so. */
function withoutSecrets(result: TextResult, scrub: Scrub): TextResult {
  return {
    ...result,
    findings: result.findings.map((finding) => ({
      ...finding,
      message: shortened(scrub(finding.message)),
      ...(finding.fix && {
        fix: {
          ...finding.fix,
          description: scrub(finding.fix.description),
          ...(finding.fix.edits.some((edit) => scrub(edit.text) !== edit.text) && { carriesSecret: true as const }),
        },
      }),
    })),
    notChecked: result.notChecked.map((entry) => ({ ...entry, reason: shortened(scrub(entry.reason)) })),
  };
}

const LONGEST_MESSAGE = 2000;

/** A message that quotes a huge value (a 10 MB name) keeps its start and end; shortened after secrets are taken out, so no secret is cut in two. */
function shortened(message: string): string {
  if (message.length <= LONGEST_MESSAGE) return message;
  return `${message.slice(0, 1000)} … [${message.length - 1200} characters left out] … ${message.slice(-200)}`;
}

/** The pools of a file without linting them (live mode gathers every pool's facts first); none when it does not parse. */
export async function poolsOf(input: Pick<LintTextInput, 'filePath' | 'text' | 'sources' | 'readFile'>): Promise<PoolDefinition[]> {
  let document: SourceDocument;
  try {
    document = await parseFile(input.filePath, input.text);
  } catch (error) {
    if (error instanceof SyntaxProblem) return [];
    throw error;
  }
  return extractPools(document, { ...input.sources, readFile: input.readFile, problem: () => {} });
}

/**
 * A .json file that parses only as JSONC and holds no pool is another tool's config (tsconfig.json,
 * .vscode/settings.json): skipped like any file without a pool. A pool file with comments stays a parse
 * error, since the Batch API and az reject them.
 */
async function isOtherToolsJsonc(input: LintTextInput): Promise<boolean> {
  if (formatOf(input.filePath) !== 'json') return false;
  let document: SourceDocument;
  try {
    document = await parseFile(input.filePath, input.text, 'jsonc');
  } catch {
    return false;
  }
  return extractPools(document, { ...input.sources, readFile: input.readFile, problem: () => {} }).length === 0;
}

function extractPools(document: SourceDocument, context: SourceContext): PoolDefinition[] {
  return adapters.map((adapter) => adapter.extract(document, context)).find((found) => found !== undefined) ?? [];
}

function runRule(rule: PoolRule<unknown>, setting: RuleSetting, pool: PoolDefinition, input: LintTextInput, result: TextResult, notCheckedSeen: Set<string>): void {
  const ruleId = rule.meta.id;
  const toFinding = (report: Report): Finding => {
    const { location, filePath, origin } = pool.locate(report.path, report.part, report.within);
    const severity = report.severity ? atMost(setting.severity, report.severity) : setting.severity;
    const text = messageOf(rule.meta, report);
    const finding = makeFinding(ruleId, severity, origin ? `${text} (${origin})` : text, filePath ?? input.filePath, location);
    finding.messageId = report.messageId;
    finding.propertyPath = report.path.join('.');
    if (pool.id !== undefined) finding.poolId = pool.id;
    const edits = report.fix && pool.setValueEdits(report.fix.path, report.fix.value);
    if (report.fix && edits) finding.fix = { description: report.fix.description, edits };
    return finding;
  };
  const notChecked = (reason: string) => {
    // A rule meets the same missing fact once per place it would have used it; the user needs to hear it once.
    const key = JSON.stringify([ruleId, pool.id ?? null, reason]);
    if (notCheckedSeen.has(key)) return;
    notCheckedSeen.add(key);
    result.notChecked.push({ ruleId, filePath: input.filePath, reason, ...(pool.id !== undefined && { poolId: pool.id }) });
  };
  try {
    rule.check(pool, {
      facts: input.facts,
      options: setting.options,
      report: (report) => result.findings.push(toFinding(report)),
      notChecked,
      known: (value, what) => {
        if (isUnknown(value)) throw new RuleStopped(notStatic(what, value));
        return value;
      },
      fact: (fact) => {
        if (!fact.known) throw new RuleStopped(fact.reason);
        return fact.value;
      },
    });
  } catch (error) {
    if (error instanceof RuleStopped) return notChecked(error.reason);
    if (error instanceof TypeError && breaksSchema(pool)) return notChecked(WRONG_TYPES);
    throw new RuleCrashed(ruleId, input.filePath, error);
  }
}

/** Findings in other files, less those a comment in their own file silences (that file's lint reports its unused comments). */
function silencedInTheirFiles(findings: Finding[], input: LintTextInput): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.filePath, [...(byFile.get(finding.filePath) ?? []), finding]);
  return [...byFile].flatMap(([filePath, inFile]) => {
    const text = input.readFile(filePath);
    const format = formatOf(filePath);
    return text === undefined || format === undefined ? inFile : applyDirectives(inFile, findDirectives(text, format)).kept;
  });
}

/** Thrown through a rule by known() and fact() to end its check of the pool: what it needed is not known. */
class RuleStopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A rule threw: a bug in batchlint, reported with the rule and file so it can be filed. */
export class RuleCrashed extends Error {
  constructor(
    readonly ruleId: string,
    readonly filePath: string,
    override readonly cause: unknown,
  ) {
    super(`rule ${ruleId} crashed on ${filePath}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Drops what inline batchlint-disable comments silence, and reports the comments that silence nothing. */
/**
 * The file's comments silence its findings: a next-line comment those on the line below it, a file-wide one
 * every finding of the file's pools, wherever its value was written. A finding in another file (a module or
 * parameters file) is silenced too by a comment there.
 */
function suppress(findings: Finding[], document: SourceDocument, input: LintTextInput): Finding[] {
  const directives = findDirectives(document.text, document.format);
  const elsewhere = findings.filter((finding) => finding.filePath !== input.filePath);
  const fileWide = directives.filter((directive) => directive.scope === 'file');
  const outside = applyDirectives(elsewhere, fileWide);
  const inside = applyDirectives(
    findings.filter((finding) => finding.filePath === input.filePath),
    directives,
  );
  const kept = [...inside.kept, ...silencedInTheirFiles(outside.kept, input)];
  const unused = inside.unused.filter((directive) => directive.scope !== 'file' || outside.unused.includes(directive));
  if (directives.length === 0) return kept;
  const setting = ruleSettingsFor(input.rules, input.config, input.filePath, undefined).get(UNUSED_SUPPRESSION);
  if (!setting) return kept;
  const lines = new LineIndex(document.text);
  const knownIds = new Set(input.rules.map((rule) => rule.meta.id));
  for (const directive of unused) {
    const unknown = directive.ruleIds.filter((id) => !knownIds.has(id));
    const what = unknown.length > 0 ? `names no known rule (${unknown.join(', ')})` : 'silences nothing here';
    const message = `this batchlint-disable${directive.scope === 'next-line' ? '-next-line' : ''} comment ${what}; remove it, or fix the rule id`;
    kept.push(makeFinding(UNUSED_SUPPRESSION, setting.severity, message, input.filePath, lines.location(directive.offset, directive.length)));
  }
  return kept;
}

function sourceProblemFindings(input: LintTextInput, document: SourceDocument, ruleId: string, path: Path, message: string): Finding[] {
  const setting = ruleSettingsFor(input.rules, input.config, input.filePath, undefined).get(ruleId);
  if (!setting) return [];
  return [makeFinding(ruleId, setting.severity, message, input.filePath, document.locate(path).location)];
}

/** A file that parsed with something wrong in its syntax (a repeated key): parse-error findings, and the file is linted. */
function readableSyntaxProblemFindings(input: LintTextInput, document: SourceDocument): Finding[] {
  if (!document.problems?.length) return [];
  const lines = new LineIndex(document.text);
  return document.problems.flatMap((problem) => parseErrorFindings(input, problem.message, lines.location(problem.offset, problem.length)));
}

function syntaxProblemFindings(input: LintTextInput, problem: SyntaxProblem): Finding[] {
  // A parser that gives up at the end of the file points past the last line; point at the last character.
  const offset = Math.max(0, Math.min(problem.offset, input.text.length - 1));
  const location = new LineIndex(input.text).location(offset, Math.max(problem.length, 1));
  const advice = problem instanceof ReadLimitExceeded ? '' : ' — fix the syntax first';
  return parseErrorFindings(input, `${problem.message}; the file was not linted${advice}`, location);
}

/** A file that could not be linted at all, as a parse-error finding (none when the rule is off for the file). */
export function parseErrorFindings(input: Pick<LintTextInput, 'filePath' | 'config' | 'rules'>, message: string, location: Location): Finding[] {
  const setting = ruleSettingsFor(input.rules, input.config, input.filePath, undefined).get(PARSE_ERROR);
  if (!setting) return [];
  return [makeFinding(PARSE_ERROR, setting.severity, message, input.filePath, location)];
}

function makeFinding(ruleId: string, severity: Severity, message: string, filePath: string, location: Location): Finding {
  const { line, column, endLine, endColumn } = location;
  return { ruleId, severity, message, filePath, line, column, endLine, endColumn, docsUrl: docsUrl(ruleId) };
}
