import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SourceContext } from '../../model/source-adapter.ts';
import { HclDocument } from '../../documents/hcl/hcl-document.ts';
import { SyntaxProblem } from '../../model/syntax-problem.ts';
import { unknownValue } from '../../model/unknown.ts';
import { isPlainRecord } from '../../model/user-record.ts';
import { resolve, type Scope } from './evaluate.ts';
import type { Expression } from '../../documents/hcl/syntax.ts';
import { MAX_NESTING } from '../../model/nesting.ts';

type Json = Record<string, unknown>;

/** An expression as written in a file. */
export interface ExpressionSite {
  document: HclDocument;
  node: Expression;
}

/** The files of one Terraform module (a folder) as far as pools need them: variables, locals and resources. */
export interface TerraformModule {
  readonly scope: Scope;
  /** Where the value of `var.<name>` or `local.<name>` is written as an expression, when in an HCL file. */
  site(kind: 'var' | 'local', name: string): ExpressionSite | undefined;
  /** A resource's body as written, with its expressions unevaluated. */
  resource(type: string, name: string): Json | undefined;
}

const NO_ITERATOR: Scope['iterator'] = () => undefined;
const EMPTY_SCOPE: Scope = {
  variable: (name) => unknownValue(`var.${name} cannot be used here`),
  local: (name) => unknownValue(`local.${name} cannot be used here`),
  iterator: NO_ITERATOR,
};

/**
 * The module of a .tf file: the file and the other .tf files of its folder, with variable values as
 * Terraform would take them (declared defaults, then terraform.tfvars and *.auto.tfvars beside them, then
 * the --var-file files in order).
 */
export function loadModule(document: HclDocument, context: SourceContext): TerraformModule {
  const folder = dirname(document.filePath);
  const names = listFolder(folder);
  const documents = [
    document,
    ...names.filter((name) => name.endsWith('.tf') && name !== basename(document.filePath)).flatMap((name) => parsedSibling(join(folder, name), context)),
  ];
  const { values, sites: givenSites } = variableValues(folder, names, context);
  const declared = new Map(documents.flatMap((file) => Object.entries(objectAt(file.value, 'variable'))));
  const locals = new Map(documents.flatMap((file) => blocks(file.value.locals).flatMap((block) => Object.entries(block))));
  const resources = documents.map((file) => objectAt(file.value, 'resource'));

  const localValues = new Map<string, unknown>();
  const evaluating = new Set<string>();
  const scope: Scope = {
    variable(name) {
      if (values.has(name)) return values.get(name);
      const declaration = declared.get(name);
      if (declaration === undefined) return unknownValue(`var.${name} is not declared in ${folder}`);
      const body = blocks(declaration)[0] ?? {};
      return 'default' in body ? resolve(body.default, EMPTY_SCOPE) : unknownValue(`var.${name} has no default and no value in a var file`);
    },
    local(name) {
      if (localValues.has(name)) return localValues.get(name);
      if (!locals.has(name)) return unknownValue(`local.${name} is not defined in ${folder}`);
      if (evaluating.has(name)) return unknownValue(`local.${name} refers to itself`);
      if (evaluating.size >= MAX_NESTING)
        return unknownValue(`local.${name} is reached through more than ${MAX_NESTING} locals that refer to one another, more than batchlint reads`);
      evaluating.add(name);
      const value = resolve(locals.get(name), scope);
      evaluating.delete(name);
      localValues.set(name, value);
      return value;
    },
    iterator: NO_ITERATOR,
  };
  return {
    scope,
    site: (kind, name) =>
      kind === 'var' ? (givenSites.has(name) ? givenSites.get(name) : attributeSite(documents, 'variable', name, 'default')) : attributeSite(documents, 'locals', undefined, name),
    resource: (type, name) => resources.map((byType) => objectAt(objectAt(byType, type), name)).find((body) => Object.keys(body).length > 0),
  };
}

/** A folder's file names. Read relative to the process's working directory, which is the run's own. */
function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/**
 * Siblings are parsed once per content, as every .tf file of a folder reads the others; only the folder being
 * linted is kept, so that a run over many modules does not hold every one of them.
 */
const siblingCache = new Map<string, { text: string; document: HclDocument | undefined }>();
let cachedFolder: string | undefined;

function parsedSibling(path: string, context: SourceContext): HclDocument[] {
  const text = context.readFile(path);
  if (text === undefined) return [];
  if (dirname(path) !== cachedFolder) {
    siblingCache.clear();
    cachedFolder = dirname(path);
  }
  let cached = siblingCache.get(path);
  if (cached?.text !== text) {
    cached = { text, document: parseOrUndefined(path, text) };
    siblingCache.set(path, cached);
  }
  return cached.document ? [cached.document] : [];
}

function parseOrUndefined(path: string, text: string): HclDocument | undefined {
  try {
    return HclDocument.parse(path, text);
  } catch (error) {
    if (error instanceof SyntaxProblem) return undefined; // linted as a file of its own, where the problem is reported
    throw error;
  }
}

/** Values given to variables, later files winning, as Terraform loads them; where each is written, when in an HCL file. */
function variableValues(folder: string, names: string[], context: SourceContext): { values: Map<string, unknown>; sites: Map<string, ExpressionSite | undefined> } {
  const automatic = [
    ...names.filter((name) => name === 'terraform.tfvars' || name === 'terraform.tfvars.json'),
    ...names.filter((name) => /\.auto\.tfvars(\.json)?$/.test(name)),
  ].map((name) => join(folder, name));
  const values = new Map<string, unknown>();
  const sites = new Map<string, ExpressionSite | undefined>();
  for (const path of [...automatic, ...context.varFiles]) {
    const { given, document } = readVariablesFile(path, context);
    for (const [name, value] of Object.entries(given)) {
      values.set(name, value);
      sites.set(name, document && attributeSite([document], undefined, undefined, name));
    }
  }
  return { values, sites };
}

function readVariablesFile(path: string, context: SourceContext): { given: Json; document?: HclDocument } {
  const text = context.readFile(path);
  if (text === undefined) return { given: {} };
  if (path.endsWith('.json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return { given: isObject(parsed) ? parsed : {} };
    } catch {
      return { given: {} };
    }
  }
  const document = parseOrUndefined(path, text);
  return document ? { given: resolve(document.value, EMPTY_SCOPE) as Json, document } : { given: {} };
}

/** The last attribute `name` at the top of the documents (no block type) or in a block of that type (and first label). */
function attributeSite(documents: HclDocument[], blockType: string | undefined, label: string | undefined, name: string): ExpressionSite | undefined {
  let found: ExpressionSite | undefined;
  for (const document of documents) {
    const bodies =
      blockType === undefined
        ? [document.body]
        : document.body.items.flatMap((item) => (item.kind === 'block' && item.type === blockType && item.labels[0]?.value === label ? [item.body] : []));
    for (const item of bodies.flatMap((body) => body.items)) {
      if (item.kind === 'attribute' && item.name === name) found = { document, node: item.expression };
    }
  }
  return found;
}

/** A block as written once or several times. */
export function blocks(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function objectAt(value: unknown, key: string): Json {
  const found = isObject(value) ? value[key] : undefined;
  return isObject(found) ? found : {};
}

export function isObject(value: unknown): value is Json {
  return isPlainRecord(value);
}
