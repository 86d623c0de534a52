/**
 * Secrets never reach output. Pool files carry them in SAS URLs, connection strings and passwords; any text
 * a formatter prints (messages, fix text, reasons) passes through here first.
 */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // SAS signature (and the rest of a SAS token's query string is harmless, but sig is the key)
  [/([?&]sig=)[^&\s"'<>]+/gi, '$1REDACTED'],
  [/(AccountKey=|SharedAccessKey=|SharedAccessSignature=|Password=|pwd=)[^;\s"']+/gi, '$1REDACTED'],
  [/(\bBearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1REDACTED'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"']+:)[^@\s"']+@/gi, '$1REDACTED@'],
];

/** A cheap first look: most text holds nothing that could be a secret. */
const MAY_HOLD_SECRET = /sig=|key=|signature=|password=|pwd=|bearer|:\/\/[^\s/]*@/i;

export function redact(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
