import type { Fact, Facts } from './facts.ts';
import type { Path, StringRange } from './location.ts';
import type { PoolDefinition } from './pool-definition.ts';
import type { UnknownValue } from './unknown.ts';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The facts a rule reads; the engine gathers them for all pools before any rule runs. A rule that needs
 * the environment (quotas, subnets, locks…) does not run when there is neither a context file nor --live.
 */
export type FactKind = 'catalog' | 'environment';

export interface RuleMeta {
  /** Kebab-case, says what is checked; stable forever. */
  id: string;
  /** One line: what the rule catches. */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  facts: readonly FactKind[];
  /** JSON Schema of the rule's options, when it takes any. */
  optionsSchema?: object;
  /** What a pool rule says, by message id; `{{name}}` is filled from the report's data. */
  messages?: Readonly<Record<string, string>>;
  /** The header of the rule's docs page is made from the meta and these notes (`npm run rules:generate`). */
  docs: RuleDocs;
}

export interface RuleDocs {
  /** When findings can be milder than the default: "a CanNotDelete lock is a warning". */
  severityNote?: string;
  /** What the fix does, or why there is none. */
  fixableNote?: string;
  /** What the rule reads beyond the definition; "none" when absent. */
  facts?: string;
}

/** A textual fix expressed in canonical terms: set this pool property to this value. */
export interface FixRequest {
  description: string;
  path: Path;
  value: string | number | boolean;
}

export interface Report {
  path: Path;
  /** Point at the key (e.g. an unknown property) rather than its value. */
  part?: 'key' | 'value';
  /** A range inside the string value at path, as decoded (an autoscale formula's token): the finding is placed on the characters the user wrote for it. */
  within?: StringRange;
  /** A key of the rule's meta.messages. */
  messageId: string;
  /** The values of the message's `{{placeholders}}`. */
  data?: Readonly<Record<string, string | number>>;
  /** A milder level for this one finding (a rule with a warning and an error case); never above the configured severity. */
  severity?: Severity;
  fix?: FixRequest;
}

export interface RuleContext<Options> {
  readonly facts: Facts;
  readonly options: Options;
  report: (report: Report) => void;
  /** Say the rule could not decide for this pool, and why (an unknown value or fact). */
  notChecked: (reason: string) => void;
  /**
   * The value when the definition gives it statically. When it does not, the rule stops for this pool, and the
   * pool is listed as not checked: "<what> is not known statically (<why>)".
   */
  known: <T>(value: T | UnknownValue, what: string) => T;
  /** The fact's value. When it is not known, the rule stops for this pool, listed as not checked with the fact's reason. */
  fact: <T>(fact: Fact<T>) => T;
}

export interface PoolRule<Options = undefined> {
  meta: RuleMeta;
  /** Pure and synchronous: facts are already gathered. */
  check(pool: PoolDefinition, context: RuleContext<Options>): void;
}

/** A rule whose findings the engine itself produces (a file that does not parse). */
export interface EngineRule {
  meta: RuleMeta;
}

export type AnyRule = PoolRule<unknown> | EngineRule;

/** The ids of the rules the engine reports itself; their meta and docs are in rules/ like any rule's. */
export const PARSE_ERROR = 'parse-error';
export const UNUSED_SUPPRESSION = 'unused-suppression';

export function isPoolRule(rule: AnyRule): rule is PoolRule<unknown> {
  return 'check' in rule;
}

const DOCS_BASE_URL = 'https://github.com/batchlint/batchlint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** The not-checked reason for a value the source format leaves open: "the VM size is not known statically (…)". */
export function notStatic(what: string, value: { reason: string }): string {
  return `${what} is not known statically (${value.reason})`;
}
