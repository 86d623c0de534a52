import type { Fix } from '../model/finding.ts';

/**
 * Secrets never reach output. Pool files carry them in SAS URLs, connection strings, command-line flags and
 * headers; any text batchlint prints (messages, reasons, errors, debug lines) passes through here first. The
 * values of a file's password and key properties are taken out earlier, by the engine (secret-values.ts).
 */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // A SAS token's signature is its key; the rest of the query string is harmless.
  [/([?&](?:sig|client_secret|access_token|refresh_token)=)[^&\s"'<>]+/gi, '$1REDACTED'],
  // Connection strings and environment-style assignments: AccountKey=…, SharedAccessSignature=…, STORAGE_KEY=…
  [/(\b[\w-]*(?:key|secret|token|password|pwd|signature)=)[^;&\s"']+/gi, '$1REDACTED'],
  [/(--(?:account-key|sas-token|password|client-secret|connection-string|token)(?:=|\s+))("[^"]*"|'[^']*'|[^\s"']+)/gi, '$1REDACTED'],
  [/(\bAuthorization:\s*\w+\s+)[^\s"']+/gi, '$1REDACTED'],
  [/(\bBearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1REDACTED'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"']+:)[^@\s"']+@/gi, '$1REDACTED@'],
];

/** A cheap first look: most text holds nothing that could be a secret. */
const MAY_HOLD_SECRET = /sig=|key|secret|token|signature|password|pwd=|bearer|authorization|:\/\/[^\s/]*@/i;

export function redact(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/**
 * A fix as output may carry it: left out when an edit's text holds a secret (one of the file's own, or one
 * these patterns know), since a redacted edit would write REDACTED into the user's file (--fix, which prints
 * no edits, still applies it).
 */
export function shownFix(fix: Fix | undefined): Fix | undefined {
  if (!fix || fix.carriesSecret || fix.edits.some((edit) => redact(edit.text) !== edit.text)) return undefined;
  return { ...fix, description: redact(fix.description) };
}
