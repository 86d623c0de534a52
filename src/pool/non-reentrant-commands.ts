import type { OsType } from '../catalog/types.ts';

/**
 * Commands that succeed on a node's first start task run and fail on the next one, because what they
 * create is still there: Batch runs the start task again when a node reboots or is reimaged, and
 * sometimes without either. Only what a start task leaves outside its own working directory is judged
 * (an absolute path, the node's shared or root directory, a user or group): whether Batch keeps the
 * working directory between runs is not documented.
 */
export type NonReentrantFamily = 'mkdir' | 'gitClone' | 'link' | 'account' | 'newItem';

export interface NonReentrantCommand {
  family: NonReentrantFamily;
  /** The command as written, up to its target (a password after the target never appears). */
  command: string;
  /** The directory, link, user or group that exists on the second run. */
  target: string;
  /** The same command in a form that succeeds when the target exists. */
  safeForm: string;
}

type Dialect = 'sh' | 'cmd' | 'powershell';

interface Script {
  dialect: Dialect;
  text: string;
  /** The shell stops at the first failing command (`bash -e`, `set -e`, `$ErrorActionPreference = 'Stop'`). */
  errexit: boolean;
}

interface Command {
  words: string[];
  /** Every failure of this command makes the start task fail. */
  failsTask: boolean;
  /** In a list with `||` or a pipeline, where its failure may be handled. */
  handled: boolean;
  /** PowerShell's `$ErrorActionPreference = 'Stop'` is in effect: a cmdlet's error ends the script. */
  errorActionStop: boolean;
  /** An earlier command in the script (to find `rm -rf x` before `git clone … x`). */
  earlier: string[][];
  /** Every command of the script. */
  all: string[][];
}

interface Pattern {
  dialects: readonly Dialect[];
  match: (command: Command, dialect: Dialect) => NonReentrantCommand | undefined;
}

/** The commands of a start task's command line that fail when the start task runs a second time. */
export function nonReentrantCommands(commandLine: string, os: OsType | undefined): NonReentrantCommand[] {
  const script = startTaskScript(commandLine, os);
  if (!script || hasControlFlow(script)) return [];
  const commands = splitCommands(script);
  if (!commands) return [];
  return commands.flatMap((command) => PATTERNS.filter((pattern) => pattern.dialects.includes(script.dialect)).flatMap((pattern) => pattern.match(command, script.dialect) ?? []));
}

const SH_WRAPPER = /^\s*(?:\S*\/)?(?:env\s+)?(?:\S*\/)?(?:ba|da|z|k)?sh((?:\s+-[a-z]+)*?)\s+(-[a-z]*c[a-z]*)\s+(.+?)\s*$/is;
const CMD_WRAPPER = /^\s*(?:"?[^"\s]*\\)?cmd(?:\.exe)?"?(?:\s+\/[a-bd-z])*\s+\/c\s+(.+?)\s*$/is;
const POWERSHELL_WRAPPER = /^\s*(?:"?[^"\s]*\\)?(?:powershell|pwsh)(?:\.exe)?"?((?:\s+-(?:NoProfile|NonInteractive|NoLogo|ExecutionPolicy\s+\w+))*)\s+-c(?:ommand)?\s+(.+?)\s*$/is;

/** The script a command line runs, in the shell that runs it; undefined when that is not clear. */
function startTaskScript(commandLine: string, os: OsType | undefined): Script | undefined {
  const sh = SH_WRAPPER.exec(commandLine);
  if (sh) {
    const text = unquoteWhole(sh[3]!, ["'", '"']);
    return text === undefined ? undefined : { dialect: 'sh', text, errexit: /^-[a-z]*e/i.test(sh[2]!) || /\s-[a-z]*e/i.test(sh[1]!) };
  }
  const cmd = CMD_WRAPPER.exec(commandLine);
  if (cmd) return { dialect: 'cmd', text: unquoteWhole(cmd[1]!, ['"']) ?? cmd[1]!, errexit: false };
  const powershell = POWERSHELL_WRAPPER.exec(commandLine);
  if (powershell) {
    const text = unquoteWhole(powershell[2]!, ['"']);
    return text === undefined ? undefined : { dialect: 'powershell', text, errexit: false };
  }
  // No shell: Batch starts the program itself, so the line is one command; Windows has no such programs.
  if (os === 'windows' || /[;&|<>`$(){}%]|^\s*\S*(?:sh|cmd|powershell|pwsh)(?:\.exe)?\s/i.test(commandLine)) return undefined;
  return { dialect: 'sh', text: commandLine, errexit: false };
}

/** The text inside one pair of the given quotes around all of it, or the text when it is one word. */
function unquoteWhole(text: string, quotes: readonly string[]): string | undefined {
  for (const quote of quotes) {
    if (text.startsWith(quote)) {
      return text.endsWith(quote) && text.length > 1 && !text.slice(1, -1).includes(quote) ? text.slice(1, -1) : undefined;
    }
  }
  return /\s/.test(text) ? undefined : text;
}

const CONTROL_FLOW: Record<Dialect, RegExp> = {
  sh: /\$\(|`|<<|[(){}]|(?:^|[\s;&|])(?:if|then|elif|fi|for|while|until|case|function|test|\[\[?|trap|exec)(?=\s|$)/,
  cmd: /[()]|(?:^|[\s&|])(?:if|for|goto|call|exit)(?=\s|$)/i,
  powershell: /[(){}]|(?:^|[\s;|])(?:if|elseif|switch|foreach|for|while|do|try|trap|Test-Path|exit)(?=\s|$)/i,
};

/** Conditions and subshells decide what runs; a command under them cannot be judged from its text. */
function hasControlFlow(script: Script): boolean {
  return CONTROL_FLOW[script.dialect].test(script.text);
}

type Operator = '&&' | '||' | '|' | ';';

/**
 * The commands of the script, each with whether its failure fails the start task: the exit code is the
 * last and-or list's, and with errexit also the one of a list's last command. A command in a list with
 * `||` or in a pipeline is not judged (its failure may be handled). Undefined when the script does not split cleanly.
 */
function splitCommands(script: Script): Command[] | undefined {
  const tokens = tokenize(script);
  if (!tokens) return undefined;
  const lists: { words: string[]; after?: Operator }[][] = [[]];
  let words: string[] = [];
  for (const token of tokens) {
    if (typeof token === 'string') {
      words.push(token);
      continue;
    }
    if (words.length === 0) return undefined;
    lists.at(-1)!.push({ words, after: token.operator });
    words = [];
    if (token.operator === ';') lists.push([]);
  }
  if (words.length > 0) lists.at(-1)!.push({ words });
  const nonEmpty = lists.filter((list) => list.length > 0);

  const all = nonEmpty.flat().map((command) => command.words);
  const commands: Command[] = [];
  let errexit = script.errexit;
  let errorActionStop = false;
  nonEmpty.forEach((list, listIndex) => {
    const handled = list.some((command) => command.after === '||' || command.after === '|');
    list.forEach((command, index) => {
      const last = listIndex === nonEmpty.length - 1;
      const stopsHere = errexit && index === list.length - 1;
      commands.push({ words: command.words, failsTask: !handled && (last || stopsHere), handled, errorActionStop, earlier: all.slice(0, commands.length), all });
      if (script.dialect === 'sh' && setsErrexit(command.words)) errexit = true;
      if (script.dialect === 'powershell' && /^\$ErrorActionPreference\s*=\s*stop$/i.test(command.words.join(' '))) errorActionStop = true;
    });
  });
  return commands;
}

function setsErrexit(words: readonly string[]): boolean {
  return words[0] === 'set' && words.slice(1).some((word, index, rest) => /^-[a-z]*e/.test(word) || (word === '-o' && rest[index + 1] === 'errexit'));
}

/** Words (quotes removed) and operators; newlines and cmd's lone `&` separate like `;`. */
function tokenize(script: Script): (string | { operator: Operator })[] | undefined {
  const tokens: (string | { operator: Operator })[] = [];
  const quotes = script.dialect === 'cmd' ? '"' : `"'`;
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) tokens.push(word);
    word = '';
    inWord = false;
  };
  const text = script.text;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const two = text.slice(index, index + 2);
    if (quotes.includes(char)) {
      const close = text.indexOf(char, index + 1);
      if (close === -1) return undefined;
      word += text.slice(index + 1, close);
      inWord = true;
      index = close;
    } else if (two === '&&' || two === '||') {
      flush();
      tokens.push({ operator: two });
      index++;
    } else if (char === '|') {
      flush();
      tokens.push({ operator: '|' });
    } else if (char === ';' || char === '\n' || (char === '&' && script.dialect === 'cmd')) {
      if (char === ';' && script.dialect === 'cmd') return undefined;
      flush();
      tokens.push({ operator: ';' });
    } else if (char === '&' || char === '>' || char === '<' || (char === '\\' && script.dialect === 'sh')) {
      // Background jobs, redirections and escapes: not worth the risk of misreading.
      return undefined;
    } else if (/\s/.test(char)) {
      flush();
    } else {
      word += char;
      inWord = true;
    }
  }
  flush();
  // Blank lines and trailing separators leave empty commands out.
  return tokens.filter((token, index) => typeof token === 'string' || (index > 0 && typeof tokens[index - 1] === 'string'));
}

const SH_PERSISTENT = /^(?:\/|\$\{?AZ_BATCH_NODE_(?:SHARED|ROOT)_DIR\b)/;
const WINDOWS_PERSISTENT = /^(?:[a-z]:[\\/]|%AZ_BATCH_NODE_(?:SHARED|ROOT)_DIR%|\$env:AZ_BATCH_NODE_(?:SHARED|ROOT)_DIR\b)/i;

/** A path outside the start task's working directory, which a second run finds as the first left it. */
function persistent(path: string, dialect: Dialect): boolean {
  return (dialect === 'sh' ? SH_PERSISTENT : WINDOWS_PERSISTENT).test(path);
}

function baseName(word: string): string {
  return word.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');
}

/** The words without a leading `sudo` (with no options of its own). */
function program(command: Command): string[] {
  return command.words[0] === 'sudo' ? command.words.slice(1) : command.words;
}

interface ParsedArguments {
  flags: string[];
  operands: string[];
}

/**
 * Options and operands, given the options that take a value (as a next word or after `=`) and those
 * that take none; undefined for an option of neither kind.
 */
function parseArguments(words: readonly string[], withValue: readonly string[], without: readonly string[], shortFlags = ''): ParsedArguments | undefined {
  const flags: string[] = [];
  const operands: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const name = word.split('=')[0]!;
    if (!word.startsWith('-') || word === '-') operands.push(word);
    else if (withValue.includes(name)) {
      flags.push(name);
      if (!word.includes('=')) index++;
      if (index >= words.length) return undefined;
    } else if (without.includes(word)) flags.push(word);
    else if (shortFlags && new RegExp(`^-[${shortFlags}]+$`).test(word)) flags.push(...[...word.slice(1)].map((letter) => `-${letter}`));
    else return undefined;
  }
  return { flags, operands };
}

function mkdirPattern(command: Command, dialect: Dialect): NonReentrantCommand | undefined {
  const words = program(command);
  const name = baseName(words[0] ?? '');
  if (!command.failsTask || !(name === 'mkdir' || (dialect === 'cmd' && name.toLowerCase() === 'md'))) return undefined;
  if (dialect === 'cmd') {
    const target = words.slice(1).find((word) => persistent(word, dialect));
    return target ? { family: 'mkdir', command: words.join(' '), target, safeForm: `if not exist "${target}" mkdir "${target}"` } : undefined;
  }
  const parsed = parseArguments(words.slice(1), ['-m', '--mode', '--context'], ['--parents', '--verbose'], 'pvZ');
  if (!parsed || parsed.flags.includes('-p') || parsed.flags.includes('--parents')) return undefined;
  const target = parsed.operands.find((operand) => persistent(operand, dialect));
  return target ? { family: 'mkdir', command: words.join(' '), target, safeForm: `mkdir -p ${parsed.operands.join(' ')}` } : undefined;
}

const GIT_CLONE_WITH_VALUE = [
  '-b',
  '--branch',
  '-o',
  '--origin',
  '-c',
  '--config',
  '--depth',
  '-j',
  '--jobs',
  '--reference',
  '--reference-if-able',
  '--separate-git-dir',
  '--template',
  '-u',
  '--upload-pack',
  '--filter',
  '--shallow-since',
  '--shallow-exclude',
];
const GIT_CLONE_WITHOUT_VALUE = [
  '--recursive',
  '--recurse-submodules',
  '--single-branch',
  '--no-single-branch',
  '--quiet',
  '--verbose',
  '--progress',
  '--bare',
  '--mirror',
  '--shallow-submodules',
  '--no-checkout',
  '--local',
  '--no-tags',
  '--sparse',
  '--no-hardlinks',
  '--shared',
  '--dissociate',
];

function gitClonePattern(command: Command, dialect: Dialect): NonReentrantCommand | undefined {
  const words = program(command);
  if (!command.failsTask || baseName(words[0] ?? '').toLowerCase() !== 'git' || words[1] !== 'clone') return undefined;
  const parsed = parseArguments(words.slice(2), GIT_CLONE_WITH_VALUE, GIT_CLONE_WITHOUT_VALUE, 'qvnls');
  if (parsed?.operands.length !== 2) return undefined;
  const [url, target] = parsed.operands as [string, string];
  if (!persistent(target, dialect) || removedEarlier(command, target)) return undefined;
  const written = words.map(withoutCredentials).join(' ');
  const safeForm = dialect === 'sh' ? `[ -d ${target} ] || ${written}` : `if not exist "${target}" ${written}`;
  return { family: 'gitClone', command: `git clone … ${withoutCredentials(url)} ${target}`, target, safeForm };
}

/** A token in a clone URL (https://TOKEN@github.com/…) never reaches a message. */
function withoutCredentials(word: string): string {
  return word.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, '$1…@');
}

function lnPattern(command: Command, dialect: Dialect): NonReentrantCommand | undefined {
  const words = program(command);
  if (!command.failsTask || baseName(words[0] ?? '') !== 'ln') return undefined;
  const parsed = parseArguments(words.slice(1), [], ['--symbolic', '--force', '--no-dereference', '--verbose', '--relative'], 'sfnvrT');
  if (parsed?.operands.length !== 2) return undefined;
  const symbolic = parsed.flags.includes('-s') || parsed.flags.includes('--symbolic');
  const force = parsed.flags.includes('-f') || parsed.flags.includes('--force');
  const target = parsed.operands[1]!;
  if (!symbolic || force || !persistent(target, dialect) || removedEarlier(command, target)) return undefined;
  return { family: 'link', command: words.join(' '), target, safeForm: `ln -sfn ${parsed.operands.join(' ')}` };
}

function mklinkPattern(command: Command, dialect: Dialect): NonReentrantCommand | undefined {
  const words = command.words;
  if (!command.failsTask || words[0]?.toLowerCase() !== 'mklink') return undefined;
  const operands = words.slice(1).filter((word) => !/^\/[dhj]$/i.test(word));
  if (operands.length !== 2 || operands.some((word) => word.startsWith('/'))) return undefined;
  const target = operands[0]!;
  if (!persistent(target, dialect)) return undefined;
  return { family: 'link', command: words.join(' '), target, safeForm: `if not exist "${target}" ${words.join(' ')}` };
}

const USERADD_WITH_VALUE = [
  '-c',
  '--comment',
  '-d',
  '--home-dir',
  '-e',
  '--expiredate',
  '-f',
  '--inactive',
  '-g',
  '--gid',
  '-G',
  '--groups',
  '-k',
  '--skel',
  '-K',
  '--key',
  '-p',
  '--password',
  '-s',
  '--shell',
  '-u',
  '--uid',
  '-b',
  '--base-dir',
];
const USERADD_WITHOUT_VALUE = ['--create-home', '--no-create-home', '--system', '--no-user-group', '--user-group', '--non-unique', '--no-log-init'];
const GROUPADD_WITH_VALUE = ['-g', '--gid', '-K', '--key', '-p', '--password'];
const ADDUSER_WITH_VALUE = ['--gecos', '--uid', '--gid', '--home', '--shell', '--ingroup'];
const ADDUSER_WITHOUT_VALUE = ['--disabled-password', '--disabled-login', '--quiet', '--no-create-home'];

function accountPattern(command: Command): NonReentrantCommand | undefined {
  const words = program(command);
  const name = baseName(words[0] ?? '');
  if (!command.failsTask) return undefined;
  const group = name === 'groupadd' || name === 'addgroup';
  const parsed =
    name === 'useradd'
      ? parseArguments(words.slice(1), USERADD_WITH_VALUE, USERADD_WITHOUT_VALUE, 'mMNrUol')
      : name === 'groupadd'
        ? parseArguments(words.slice(1), GROUPADD_WITH_VALUE, ['--system', '--non-unique', '--force'], 'rof')
        : name === 'adduser' || name === 'addgroup'
          ? // `--system` exits 0 when the account exists as a system account.
            parseArguments(words.slice(1), ADDUSER_WITH_VALUE, ADDUSER_WITHOUT_VALUE, 'q')
          : undefined;
  if (parsed?.operands.length !== 1 || parsed.flags.some((flag) => flag === '-f' || flag === '--force')) return undefined;
  // `id x`, `getent passwd x` anywhere suggest the script already checks.
  if (command.all.some((other) => ['id', 'getent'].includes(baseName(other[0] === 'sudo' ? (other[1] ?? '') : (other[0] ?? ''))))) return undefined;
  const account = parsed.operands[0]!;
  const written = words.slice(0, words.lastIndexOf(account) + 1);
  const check = group ? `getent group ${account}` : `id -u ${account}`;
  return { family: 'account', command: redactPassword(written).join(' '), target: account, safeForm: `${check} || ${redactPassword(words).join(' ')}` };
}

function redactPassword(words: readonly string[]): string[] {
  return words.map((word, index) => (['-p', '--password'].includes(words[index - 1] ?? '') ? '…' : word.startsWith('--password=') ? '--password=…' : word));
}

function newItemPattern(command: Command, dialect: Dialect): NonReentrantCommand | undefined {
  const words = command.words;
  if (words[0]?.toLowerCase() !== 'new-item') return undefined;
  let path: string | undefined;
  let type: string | undefined;
  let stops = command.errorActionStop;
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    const parameter = word.toLowerCase();
    const value = words[index + 1];
    if (parameter === '-force' || parameter === '-name' || parameter === '-whatif') return undefined;
    if (!parameter.startsWith('-')) {
      if (path !== undefined) return undefined;
      path = word;
      continue;
    }
    if (value === undefined) return undefined;
    if (parameter === '-path') path = value;
    else if (parameter === '-itemtype' || parameter === '-type') type = value.toLowerCase();
    else if (parameter === '-erroraction' || parameter === '-ea') {
      if (value.toLowerCase() !== 'stop') return undefined;
      stops = true;
    } else return undefined;
    index++;
  }
  if (type !== 'directory' || path === undefined || !persistent(path, dialect) || !(command.failsTask || (stops && !command.handled))) return undefined;
  return { family: 'newItem', command: words.join(' '), target: path, safeForm: `New-Item -ItemType Directory -Force -Path ${path}` };
}

function removedEarlier(command: Command, target: string): boolean {
  return command.earlier.some((words) => ['rm', 'rmdir'].includes(baseName(words[0] === 'sudo' ? (words[1] ?? '') : (words[0] ?? ''))) && words.includes(target));
}

const PATTERNS: readonly Pattern[] = [
  { dialects: ['sh', 'cmd'], match: mkdirPattern },
  { dialects: ['sh', 'cmd', 'powershell'], match: gitClonePattern },
  { dialects: ['sh'], match: lnPattern },
  { dialects: ['cmd'], match: mklinkPattern },
  { dialects: ['sh'], match: accountPattern },
  { dialects: ['powershell'], match: newItemPattern },
];
