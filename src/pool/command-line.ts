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
}

const FEATURES: readonly Feature[] = [
  { name: 'an environment variable ($NAME)', pattern: /\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/, expandsInDoubleQuotes: true },
  { name: 'command substitution', pattern: /\$\(|`/, expandsInDoubleQuotes: true },
  { name: 'an environment variable (%NAME%)', pattern: /%[A-Za-z_][A-Za-z0-9_]*%/, expandsInDoubleQuotes: true },
  { name: 'the && operator', pattern: /&&/, expandsInDoubleQuotes: false },
  { name: 'the || operator', pattern: /\|\|/, expandsInDoubleQuotes: false },
  { name: 'a pipe (|)', pattern: /\|/, expandsInDoubleQuotes: false },
  { name: 'a command separator (;)', pattern: /;/, expandsInDoubleQuotes: false },
  { name: 'a redirection (> or <)', pattern: /[<>]/, expandsInDoubleQuotes: false },
  { name: 'a wildcard (*)', pattern: /\*/, expandsInDoubleQuotes: false },
];

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The shell features a command line uses, for a command that Batch runs without a shell (so none of them
 * work). Single-quoted text is literal; URLs may carry & and ; in their query strings and are skipped.
 */
export function shellFeatures(commandLine: string): string[] {
  const found = new Set<string>();
  for (const token of tokenize(commandLine)) {
    if (token.quote === "'") continue;
    if (token.quote === undefined && URL.test(token.text)) {
      for (const feature of FEATURES) if (feature.expandsInDoubleQuotes && feature.pattern.test(token.text)) found.add(feature.name);
      continue;
    }
    for (const feature of FEATURES) {
      if ((token.quote === undefined || feature.expandsInDoubleQuotes) && feature.pattern.test(token.text)) found.add(feature.name);
    }
  }
  // "||" also matches the pipe pattern; report the operator the user wrote.
  if (found.has('the || operator') && !/(?<!\|)\|(?!\|)/.test(commandLine)) found.delete('a pipe (|)');
  return FEATURES.map((feature) => feature.name).filter((name) => found.has(name));
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
 * the kind the wrapper uses (nesting them would need escaping that Batch's own argument splitting may not honour).
 */
export function wrapInShell(commandLine: string, os: OsType): string | undefined {
  const trimmed = commandLine.trim();
  if (os === 'linux') return trimmed.includes("'") ? undefined : `/bin/bash -c '${trimmed}'`;
  return trimmed.includes('"') ? undefined : `cmd /c ${trimmed}`;
}
