import type { Severity } from '../model/rule.ts';

/**
 * A problem found in a formula, placed by offset and length in the formula text; the caller maps offsets
 * to positions in its file. `error`: the service rejects the formula or its evaluation fails; `warning`:
 * the service may accept it, but it is probably not what was meant.
 */
export interface FormulaDiagnostic {
  severity: Extract<Severity, 'error' | 'warning'>;
  /** Stable kebab-case id of the check, for rules and tests. */
  code: DiagnosticCode;
  message: string;
  offset: number;
  length: number;
}

export type DiagnosticCode =
  | 'syntax'
  /** Deeper than batchlint reads: the formula is not checked, and the service may well accept it. */
  | 'read-limit'
  | 'missing-semicolon'
  | 'undocumented-syntax'
  | 'unknown-service-variable'
  | 'unknown-constant'
  | 'unknown-function'
  | 'unknown-method'
  | 'unknown-member'
  | 'method-target'
  | 'arity'
  | 'read-only-assigned'
  | 'constant-assigned'
  | 'no-target'
  | 'read-before-set'
  | 'unknown-variable'
  | 'deallocation-option'
  | 'case-mismatch'
  | 'type';
