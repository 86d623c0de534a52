import type { OsType } from '../catalog/types.ts';

const SHELL_INVOCATION = [
  // /bin/sh -c, bash -ec, /usr/bin/env bash -l -c …
  /^\s*(?:\S*\/)?(?:env\s+)?(?:\S*\/)?(?:ba|da|z|k)?sh(?:\s+-{1,2}[a-z][a-z-]*)*?\s+-[a-z]*c[a-z]*(?:\s|$)/i,
  // cmd /c, cmd.exe /s /c, C:\Windows\System32\cmd.exe /k
  /^\s*(?:"?[^"\s]*\\)?cmd(?:\.exe)?"?(?:\s+\/[a-z])*?\s+\/[ck](?:\s|$)/i,
  // PowerShell runs what follows as a command unless told to run a file.
  /^\s*(?:"?[^"\s]*\\)?(?:powershell|pwsh)(?:\.exe)?"?(?![^|]*\s-f(?:ile)?\s)(?:\s|$)/i,
];

/** The command line starts a shell that interprets the rest (so shell features in it work). */
export function invokesShell(commandLine: string): boolean {
  return SHELL_INVOCATION.some((pattern) => pattern.test(commandLine));
}

interface Feature {
  name: string;
  pattern: RegExp;
  /** Also looked for inside double quotes, where a shell still expands it. */
  expandsInDoubleQuotes: boolean;
  /** The OSes whose shell (bash, cmd) gives it a meaning. */
  os: readonly OsType[];
}

const BOTH: readonly OsType[] = ['linux', 'windows'];

// cmd expands no wildcards (Windows programs do) and separates parameters, not commands, with ';'.
const FEATURES: readonly Feature[] = [
  { name: 'an environment variable ($NAME)', pattern: /\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/, expandsInDoubleQuotes: true, os: ['linux'] },
  { name: 'command substitution', pattern: /\$\(|`/, expandsInDoubleQuotes: true, os: ['linux'] },
  { name: 'an environment variable (%NAME%)', pattern: /%[A-Za-z_][A-Za-z0-9_]*%/, expandsInDoubleQuotes: true, os: ['windows'] },
  { name: 'the && operator', pattern: /&&/, expandsInDoubleQuotes: false, os: BOTH },
  { name: 'the || operator', pattern: /\|\|/, expandsInDoubleQuotes: false, os: BOTH },
  { name: 'a pipe (|)', pattern: /\|/, expandsInDoubleQuotes: false, os: BOTH },
  // Only a lone '&': glued to other text it may as well be part of an argument (a=1&b=2).
  { name: 'a command separator (&)', pattern: /^&$/, expandsInDoubleQuotes: false, os: ['windows'] },
  { name: 'a command separator (;)', pattern: /;/, expandsInDoubleQuotes: false, os: ['linux'] },
  { name: 'a redirection (> or <)', pattern: /[<>]/, expandsInDoubleQuotes: false, os: BOTH },
  { name: 'a wildcard (*)', pattern: /\*/, expandsInDoubleQuotes: false, os: ['linux'] },
];

const URL = /[a-z][a-z0-9+.-]*:\/\//i;
// Azure Storage's own container names ($web, $root, $logs) start with a '$' that is no variable.
const STORAGE_SYSTEM_CONTAINER = /\/\$(?:web|root|logs)(?=[/?]|$)/gi;

/**
 * The shell features a command line uses, for a command that Batch runs without a shell (so none of them
 * work): those of the pool OS's shell, or those both shells share when the OS is not known. Single-quoted
 * text is literal; URLs may carry & and ; in their query strings and are skipped.
 */
export function shellFeatures(commandLine: string, os: OsType | undefined): string[] {
  const features = FEATURES.filter((feature) => (os ? feature.os.includes(os) : feature.os.length === BOTH.length));
  const found = new Set<string>();
  for (const token of tokenize(commandLine)) {
    if (token.quote === "'") continue;
    const inUrl = URL.test(token.text);
    const text = inUrl ? token.text.replace(STORAGE_SYSTEM_CONTAINER, '/') : token.text;
    const expansionsOnly = inUrl || token.quote === '"';
    for (const feature of features) {
      if ((!expansionsOnly || feature.expandsInDoubleQuotes) && feature.pattern.test(text)) found.add(feature.name);
    }
  }
  // "||" also matches the pipe pattern; report the operator the user wrote.
  if (found.has('the || operator') && !/(?<!\|)\|(?!\|)/.test(commandLine)) found.delete('a pipe (|)');
  return features.map((feature) => feature.name).filter((name) => found.has(name));
}

interface Token {
  text: string;
  quote?: '"' | "'";
}

/** Splits on whitespace outside quotes; a quoted run is its own token. */
function tokenize(commandLine: string): Token[] {
  const tokens: Token[] = [];
  let current = '';
  const flush = () => {
    if (current) tokens.push({ text: current });
    current = '';
  };
  for (let index = 0; index < commandLine.length; index++) {
    const char = commandLine[index]!;
    if (char === '"' || char === "'") {
      const close = commandLine.indexOf(char, index + 1);
      const end = close === -1 ? commandLine.length : close;
      flush();
      tokens.push({ text: commandLine.slice(index + 1, end), quote: char });
      index = end;
    } else if (/\s/.test(char)) {
      flush();
    } else {
      current += char;
    }
  }
  flush();
  return tokens;
}

/**
 * The command line wrapped in the pool OS's shell, when that keeps its meaning for certain: no quotes of
 * the kind the wrapper uses (nesting them would need escaping that Batch's own argument splitting may not
 * honour), and nothing the shell would newly interpret in text the program now gets literally: the query
 * string of a URL, a Storage container such as $web (for bash), or (for cmd, which knows no single quotes)
 * single-quoted text, or a '^'.
 */
export function wrapInShell(commandLine: string, os: OsType): string | undefined {
  const trimmed = commandLine.trim();
  const tokens = tokenize(trimmed);
  const urlsKeepMeaning = (special: RegExp) => !tokens.some((token) => token.quote === undefined && URL.test(token.text) && special.test(token.text));
  if (os === 'linux') {
    const keepsMeaning = !trimmed.includes("'") && trimmed.search(STORAGE_SYSTEM_CONTAINER) === -1 && urlsKeepMeaning(/[&;|<>*?()]/);
    return keepsMeaning ? `/bin/bash -c '${trimmed}'` : undefined;
  }
  const singleQuotedKeepMeaning = !tokens.some((token) => token.quote === "'" && /[&|<>%]/.test(token.text));
  const keepsMeaning = !trimmed.includes('"') && !trimmed.includes('^') && urlsKeepMeaning(/[&|<>]/) && singleQuotedKeepMeaning;
  return keepsMeaning ? `cmd /c ${trimmed}` : undefined;
}
