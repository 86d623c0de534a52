import { getBooleanInput, getInput, getMultilineInput } from '@actions/core';
import { FORMAT_NAMES } from '../formatters/index.ts';

/** The Action's inputs, as the runner passes them (INPUT_<NAME>, which @actions/core reads). */
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

export function readInputs(): ActionInputs {
  const failOn = getInput('fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new InputError(`fail-on must be error, warning or never, not "${failOn}"`);
  const format = getInput('format') || 'github';
  if (!FORMAT_NAMES.includes(format)) throw new InputError(`format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);
  const files = getMultilineInput('files')
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  return {
    files: files.length > 0 ? files : ['.'],
    ...(getInput('config') && { config: getInput('config') }),
    format,
    failOn,
    onlyChanged: booleanInput('only-changed'),
    ...(getInput('sarif-file') && { sarifFile: getInput('sarif-file') }),
    ...(getInput('context') && { context: getInput('context') }),
    live: booleanInput('live'),
    ...(getInput('account') && { account: getInput('account') }),
  };
}

/** An absent input is false: the runner always passes action.yml's default, but a bare run of the entry may not. */
function booleanInput(name: string): boolean {
  if (getInput(name) === '') return false;
  try {
    return getBooleanInput(name);
  } catch {
    throw new InputError(`${name} must be true or false, not "${getInput(name)}"`);
  }
}
