import type { PoolDefinition } from '../model/pool-definition.ts';
import { occurrenceFinder } from './occurrences.ts';

/**
 * The credentials a file holds, scrubbed from its messages before any formatter sees them. A password is
 * just text, so no pattern recognises one where a message quotes it (`"userAccounts[0].password" must be a
 * string, got 12345678`, or a parse error that quotes the token it stopped at): only the file's own values can.
 * Fix edits keep them: --fix writes the user's text back.
 */

/** Properties whose value is a credential, as Batch JSON, ARM and Terraform spell them (and parameters named after them). */
const SECRET_NAME = '(?:password|passwd|secret|account_?key|access_?key|private_?key|sas_?key|sas_?token)';
const SECRET_PROPERTY = new RegExp(`${SECRET_NAME}$`, 'i');
/** Any secret name at all: most files have none, and this finds that far sooner than SECRET_ASSIGNMENT would. */
const ANY_SECRET_NAME = new RegExp(SECRET_NAME, 'i');

/** Shorter values would mostly remove ordinary words from messages, and Batch rejects such passwords anyway. */
const MIN_SECRET_LENGTH = 4;

/**
 * A `name: value`, `"name": "value"` or `name = value` assignment to a secret-named property. The lookahead
 * reads what follows without consuming it (a minified file has every assignment on one line), and no
 * further than a credential runs.
 */
const SECRET_ASSIGNMENT = new RegExp(String.raw`(?:^|[\s{,])["']?(?:[A-Za-z_][\w-]*?)?${SECRET_NAME}["']?[ \t]*[:=][ \t]*(?=([^\n]{0,256}))`, 'gim');

export type Scrub = (text: string) => string;

const REDACTED = 'REDACTED';

export function secretScrubber(text: string, pools: readonly PoolDefinition[]): Scrub {
  const secrets = new Set([...secretsInText(text), ...pools.flatMap((pool) => secretsInValue(pool.spec))]);
  if (secrets.size === 0) return (message) => message;
  // Longest first, so a secret that contains another is removed whole.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const rank = new Map(ordered.map((secret, index) => [secret, index]));
  const occurringIn = occurrenceFinder(ordered, MIN_SECRET_LENGTH);
  // Once one is replaced, a shorter one may appear partly or wholly in the word put in its place.
  const meetingReplacement = ordered.filter(meetsReplacement);
  return (message) => {
    const occurring = occurringIn(message);
    if (occurring.size === 0) return message;
    return [...new Set([...occurring, ...meetingReplacement])]
      .sort((a, b) => rank.get(a)! - rank.get(b)!)
      .reduce((scrubbed, secret) => scrubbed.split(secret).join(REDACTED), message);
  };
}

/** A secret that could overlap REDACTED written in a message: inside it, around it, or across either end. */
function meetsReplacement(secret: string): boolean {
  if (secret.includes(REDACTED) || REDACTED.includes(secret)) return true;
  for (let length = 1; length < REDACTED.length; length++) {
    if (secret.startsWith(REDACTED.slice(-length)) || secret.endsWith(REDACTED.slice(0, length))) return true;
  }
  return false;
}

/** The values assigned to secret-named properties in the source text, whether or not the file parses. */
function secretsInText(text: string): string[] {
  if (!ANY_SECRET_NAME.test(text)) return [];
  return [...text.matchAll(SECRET_ASSIGNMENT)].flatMap(([, rest]) => valueTokens(rest!)).filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/**
 * A quoted value whole (closed or not); a bare one word by word, as a parser would quote each token it stops
 * at. References (`var.storage_key`, `[parameters('key')]`) name a secret without holding it, and messages
 * that say where a value comes from need them.
 */
function valueTokens(rest: string): string[] {
  const quoted = /^(["'])((?:\\.|(?!\1).)*)/.exec(rest);
  if (quoted) return ARM_EXPRESSION.test(quoted[2]!) ? [] : [quoted[2]!];
  const bare = rest.replace(/\s#.*$/, '');
  if (HCL_CALL.test(bare)) return callLiterals(bare);
  return bare.split(/[\s,{}[\]]+/).filter(isLiteralToken);
}

/**
 * An HCL function call (`try(var.admin_password, null)`) is an expression, not a credential: only the literals
 * among its arguments can be one, never its function names, references or keywords.
 */
function callLiterals(expression: string): string[] {
  const strings = [...expression.matchAll(/"((?:\\.|[^"\\])*)"/g)].map(([, value]) => value!);
  const rest = expression.replace(/"(?:\\.|[^"\\])*"/g, ' ').replace(/[A-Za-z_][\w:]*\s*\(/g, ' ');
  return [...strings, ...rest.split(/[\s,(){}[\]]+/).filter(isLiteralToken)];
}

function isLiteralToken(token: string): boolean {
  return token !== '' && !HCL_REFERENCE.test(token) && !KEYWORDS.has(token);
}

const ARM_EXPRESSION = /^\[(?!\[).*\]$/;
const HCL_REFERENCE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+$/;
const HCL_CALL = /^[A-Za-z_][\w:]*\(/;
/** A password of null, true or false is no password: they are the keywords of every format read. */
const KEYWORDS = new Set(['null', 'true', 'false']);

/**
 * The string and number values under secret-named properties of a canonical pool (however the source spelled
 * them), and the values of `{ name, value }` settings with such a name (environmentSettings: STORAGE_ACCOUNT_KEY).
 */
function secretsInValue(value: unknown, name = '', found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) secretsInValue(item, name, found);
  } else if (value !== null && typeof value === 'object') {
    const setting = value as { name?: unknown; value?: unknown };
    if (typeof setting.name === 'string') secretsInValue(setting.value, setting.name, found);
    for (const key of Object.keys(value)) secretsInValue((value as Record<string, unknown>)[key], key, found);
  } else if ((typeof value === 'string' || typeof value === 'number') && SECRET_PROPERTY.test(name)) {
    const text = String(value);
    if (text.length >= MIN_SECRET_LENGTH) found.push(text);
  }
  return found;
}
