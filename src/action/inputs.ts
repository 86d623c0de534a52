import { FORMAT_NAMES } from '../formatters/index.ts';

/** The Action's inputs, read the way the runner passes them: INPUT_<NAME> with the name upper-cased. */
export interface ActionInputs {
  files: string[];
  config?: string;
  format: string;
  failOn: 'error' | 'warning' | 'never';
  onlyChanged: boolean;
  sarifFile?: string;
  context?: string;
  live: boolean;
  account?: string;
}

export class InputError extends Error {}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: string) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const failOn = input('fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new InputError(`fail-on must be error, warning or never, not "${failOn}"`);
  const format = input('format') || 'github';
  if (!FORMAT_NAMES.includes(format)) throw new InputError(`format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);
  const files = input('files')
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  return {
    files: files.length > 0 ? files : ['.'],
    ...(input('config') && { config: input('config') }),
    format,
    failOn,
    onlyChanged: booleanInput(input('only-changed'), 'only-changed'),
    ...(input('sarif-file') && { sarifFile: input('sarif-file') }),
    ...(input('context') && { context: input('context') }),
    live: booleanInput(input('live'), 'live'),
    ...(input('account') && { account: input('account') }),
  };
}

function booleanInput(value: string, name: string): boolean {
  if (value === '' || /^false$/i.test(value)) return false;
  if (/^true$/i.test(value)) return true;
  throw new InputError(`${name} must be true or false, not "${value}"`);
}
