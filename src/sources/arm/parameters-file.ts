import { basename } from 'node:path';
import type { SuppliedValue } from './template-scope.ts';
import type { SourceContext } from '../../model/source-adapter.ts';
import { isRecord } from '../../model/is-record.ts';
import { parameterEntries } from './parameter-values.ts';
import type { SourceDocument } from '../../model/document.ts';
import { JsonDocument } from '../../documents/json-document.ts';
import { LineIndex, type Path } from '../../model/location.ts';
import { SyntaxProblem } from '../../model/syntax-problem.ts';
import { UnknownValue } from '../../model/unknown.ts';

export interface ParametersFileValues {
  supplied: ReadonlyMap<string, SuppliedValue>;
  /** Set when a parameters file could not be read: every parameter is unknown, for this reason. */
  unreadable?: UnknownValue;
}

/**
 * The parameter values a template is deployed with: from the `--parameters` files (later files win), or
 * without them from `<name>.parameters.json` beside `<name>.json` when there is one. A given file that
 * cannot be read or parsed is reported as a parse-error finding on the template.
 */
export function parametersFileValues(document: SourceDocument, context: SourceContext): ParametersFileValues {
  const given = context.parameterFiles.length > 0;
  const files = given ? context.parameterFiles : [siblingParametersFile(document.filePath)];
  const supplied = new Map<string, SuppliedValue>();
  for (const file of files) {
    const text = context.readFile(file);
    if (text === undefined) {
      if (given) return unreadable(context, `cannot read the parameters file ${file}`);
      continue;
    }
    let parsed: JsonDocument;
    try {
      // az deployment reads a parameters file as it reads a template: comments, line breaks inside strings.
      parsed = JsonDocument.parse(file, text, 'jsonc', 'always');
    } catch (error) {
      if (!(error instanceof SyntaxProblem)) throw error;
      const { line, column } = new LineIndex(text).position(error.offset);
      return unreadable(context, `the parameters file ${file} does not parse (${error.message}, at ${line}:${column})`);
    }
    const { entries, path } = parametersIn(parsed.value);
    const values = parameterEntries(entries, parsed, path, (name) => `parameter '${name}' in ${basename(file)}`);
    for (const [name, value] of values) supplied.set(name, value);
  }
  return { supplied };
}

/** `azuredeploy.parameters.json` for `azuredeploy.json`. */
function siblingParametersFile(templatePath: string): string {
  return templatePath.replace(/\.jsonc?$/i, '') + '.parameters.json';
}

function unreadable(context: SourceContext, what: string): ParametersFileValues {
  context.problem('parse-error', [], `${what}; every template parameter is unknown, so nothing that depends on one was checked`);
  return { supplied: new Map(), unreadable: new UnknownValue(what) };
}

/** The deploymentParameters schema wraps the entries in `parameters`; the Batch CLI extensions' files (and az) also take them bare. */
function parametersIn(value: unknown): { entries: Record<string, unknown>; path: Path } {
  if (!isRecord(value)) return { entries: {}, path: [] };
  const wrapped = isRecord(value.parameters) && ('$schema' in value || 'contentVersion' in value || Object.keys(value).length === 1);
  return wrapped ? { entries: value.parameters as Record<string, unknown>, path: ['parameters'] } : { entries: value, path: [] };
}
