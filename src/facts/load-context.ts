import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseFile } from '../documents/parse-file.ts';
import { SyntaxProblem } from '../model/syntax-problem.ts';
import type { Environment, SecurityRule } from '../model/environment.ts';

export const CONTEXT_FILE_NAMES = ['batchlint.context.json', 'batchlint.context.yaml', 'batchlint.context.yml'];

/** A context file that cannot be used; the message names the file and the place. */
export class ContextError extends Error {}

/** The nearest batchlint.context.* in the folder or above it (where the config usually sits too). */
export function findContextFile(directory: string): string | undefined {
  for (let current = resolve(directory); ; current = dirname(current)) {
    const found = CONTEXT_FILE_NAMES.map((name) => join(current, name)).find((candidate) => existsSync(candidate));
    if (found) return found;
    if (dirname(current) === current) return undefined;
  }
}

export async function loadContextFile(path: string, cwd: string): Promise<Environment> {
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ContextError(`cannot read context file ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let document;
  try {
    document = await parseFile(path, text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    throw new ContextError(`${shown}: ${error.message}`);
  }
  const { default: validate } = await import('../schema/generated/context-validator.js');
  if (!validate(document.value)) {
    const problems = (validate.errors ?? []).map((error) => {
      const path = error.instancePath
        .split('/')
        .slice(1)
        .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
      const extraKey = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
      const { line, column } = (extraKey === undefined ? document.locate(path) : document.locate([...path, extraKey], 'key')).location;
      const extra = extraKey === undefined ? '' : ` "${extraKey}"`;
      return `  ${shown}:${line}:${column} ${error.instancePath || '(top level)'} ${error.message ?? 'is invalid'}${extra}`;
    });
    throw new ContextError(`${shown} is not a valid batchlint context file:\n${problems.join('\n')}`);
  }
  return flattenSecurityRules(document.value as Environment);
}

type WrittenRule = SecurityRule | { name?: string; properties: SecurityRule };

/** ARM writes an NSG rule as `{ name, properties: {…} }`; the SDKs and az flatten it. Rules read the flat form. */
function flattenSecurityRules(environment: Environment): Environment {
  for (const subnet of Object.values(environment.subnets ?? {})) {
    const group = subnet.networkSecurityGroup;
    if (!group) continue;
    const flatten = (rules: WrittenRule[] | undefined) =>
      rules?.map((rule) => ('properties' in rule ? { ...rule.properties, ...(rule.name !== undefined && { name: rule.name }) } : rule));
    const securityRules = flatten(group.securityRules);
    const defaultSecurityRules = flatten(group.defaultSecurityRules);
    subnet.networkSecurityGroup = { ...group, ...(securityRules && { securityRules }), ...(defaultSecurityRules && { defaultSecurityRules }) };
  }
  return environment;
}
