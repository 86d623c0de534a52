import { basename, dirname, resolve } from 'node:path';
import { BicepDocument } from '../../documents/bicep/bicep-document.ts';
import { LineIndex } from '../../model/location.ts';
import type { SourceContext } from '../../model/source-adapter.ts';
import { SyntaxProblem } from '../../model/syntax-problem.ts';
import { isUnknown, UnknownValue } from '../../model/unknown.ts';
import { parametersFileValues } from '../arm/parameters-file.ts';
import { BicepScope, type SuppliedValue } from './bicep-scope.ts';

export interface BicepParameterValues {
  /** By name as written; a JSON parameters file's by lower-case name too, as ARM matches them. */
  supplied: Map<string, SuppliedValue | UnknownValue>;
  /** Set when a parameters file could not be read: every parameter is unknown, for this reason. */
  unreadable?: UnknownValue;
}

/**
 * The parameter values a Bicep file is deployed with: from the `--parameters` files (`.bicepparam` or JSON,
 * later files winning), or without them from `<name>.bicepparam` beside `<name>.bicep` when its `using`
 * names this file. A given file that cannot be read or parsed is a parse-error finding on the Bicep file.
 */
export function bicepParameterValues(document: BicepDocument, context: SourceContext): BicepParameterValues {
  const given = context.parameterFiles.length > 0;
  const supplied = new Map<string, SuppliedValue | UnknownValue>();
  for (const file of given ? context.parameterFiles : [document.filePath.replace(/\.bicep$/i, '.bicepparam')]) {
    if (!/\.bicepparam$/i.test(file)) {
      const json = parametersFileValues(document, { ...context, parameterFiles: [file] });
      if (json.unreadable) return { supplied, unreadable: json.unreadable };
      for (const [name, value] of json.supplied) supplied.set(name, isUnknown(value) ? value : { ...value.site, value: value.value });
      continue;
    }
    const text = context.readFile(file);
    if (text === undefined) {
      if (given) return unreadable(context, `cannot read the parameters file ${file}`);
      continue;
    }
    let parameters: BicepDocument;
    try {
      parameters = BicepDocument.parse(file, text, 'bicepparam');
    } catch (error) {
      if (!(error instanceof SyntaxProblem)) throw error;
      const { line, column } = new LineIndex(text).position(error.offset);
      return unreadable(context, `the parameters file ${file} does not parse (${error.message}, at ${line}:${column})`);
    }
    if (!given && !usesTemplate(parameters, document.filePath)) continue;
    const scope = new BicepScope(parameters, { deployment: context.deployment });
    for (const statement of parameters.value.statements) {
      if (statement.kind !== 'param' || !statement.value) continue;
      const node = statement.value;
      supplied.set(statement.name, {
        document: parameters,
        path: [statement.name],
        origin: `parameter '${statement.name}' in ${basename(file)}`,
        node,
        scope,
        value: scope.evaluate(node),
      });
    }
  }
  return { supplied };
}

/** The parameters file's `using` names the template: a sibling `.bicepparam` for another template is not applied. */
function usesTemplate(parameters: BicepDocument, templatePath: string): boolean {
  const using = parameters.value.statements.find((statement) => statement.kind === 'using');
  const path = using?.kind === 'using' ? using.path : undefined;
  const only = path?.kind === 'string' && path.parts.length === 1 ? path.parts[0] : undefined;
  const written = only?.kind === 'text' ? only.value : undefined;
  return written !== undefined && resolve(dirname(parameters.filePath), written) === resolve(templatePath);
}

function unreadable(context: SourceContext, what: string): BicepParameterValues {
  context.problem('parse-error', [], `${what}; every parameter is unknown, so nothing that depends on one was checked`);
  return { supplied: new Map(), unreadable: new UnknownValue(what) };
}
