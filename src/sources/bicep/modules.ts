import { basename, dirname, join, resolve } from 'node:path';
import { BicepDocument, resourceBody } from '../../documents/bicep/bicep-document.ts';
import type { Expression } from '../../documents/bicep/syntax.ts';
import type { SourceContext } from '../../model/source-adapter.ts';
import { SyntaxProblem } from '../../model/syntax-problem.ts';
import { isUnknown, UnknownValue } from '../../model/unknown.ts';
import { BicepScope, type Locals, type SuppliedValue } from './bicep-scope.ts';
import { copiesOf } from './pool-resources.ts';

type ModuleDeclaration = Extract<BicepDocument['value']['statements'][number], { kind: 'module' }>;

/** Modules within modules are followed this deep; a longer chain is a cycle or no real deployment. */
const MAX_MODULE_DEPTH = 10;
/** Copies of modules one file deploys, at most (loops within loops multiply); the rest are not checked. */
const MAX_INSTANCES = 800;
/** Files read to judge whether a module may deploy pools. */
const MAX_FILES_SCANNED = 200;

/** One copy of a module a caller deploys: the module file's scope with the caller's params, and the call it came from. */
export interface ModuleInstance {
  scope: BicepScope;
  /** "module 'pools' in main.bicep". */
  call: string;
}

/**
 * The modules a Bicep file deploys from local files (`'./pool.bicep'`), each copy with the params its call
 * gives: a static value replaces the module's default, an expression that cannot be evaluated is unknown,
 * naming the call. A call that gives no params deploys the module as its own lint sees it, so it adds
 * nothing. Registry modules (`br:`, `br/…:`) and template specs (`ts:`) are not read. A module that calls
 * itself, directly or through others, is not followed again.
 */
export function moduleInstances(caller: BicepScope, context: SourceContext): ModuleInstance[] {
  return instancesOf(caller, context, [resolve(caller.document.filePath)]);
}

function instancesOf(caller: BicepScope, context: SourceContext, chain: readonly string[]): ModuleInstance[] {
  if (chain.length > MAX_MODULE_DEPTH) return [];
  const instances: ModuleInstance[] = [];
  for (const statement of caller.document.value.statements) {
    if (statement.kind !== 'module') continue;
    const path = localModulePath(statement, caller);
    if (path === undefined || chain.includes(resolve(path))) continue;
    const module = mayDeployPools(path, context) ? parsedModule(path, context) : undefined;
    if (!module) continue;
    const call = `module '${statement.name}' in ${basename(caller.document.filePath)}`;
    for (const locals of copiesOf(statement.value, caller, new Map())) {
      const params = paramsOf(statement, caller, locals, call);
      if (!params) continue;
      const scope = new BicepScope(module, { ...params, deployment: sameTarget(statement) ? context.deployment : {} });
      instances.push({ scope, call }, ...instancesOf(scope, context, [...chain, resolve(path)]));
      if (instances.length >= MAX_INSTANCES) return instances.slice(0, MAX_INSTANCES);
    }
  }
  return instances;
}

/**
 * A module that leads back to the file itself, directly or through other modules: Bicep rejects the file
 * (BCP094, BCP095), so the call is a parse error, with the files of the cycle.
 */
export function reportModuleCycles(caller: BicepScope, context: SourceContext): void {
  const start = resolve(caller.document.filePath);
  const cleared = new Set<string>();
  /** The files from document back to start, when a chain of its local modules leads there. */
  const backToStart = (document: BicepDocument, chain: readonly string[]): string[] | undefined => {
    if (chain.length > MAX_MODULE_DEPTH) return undefined;
    const scope = new BicepScope(document, { deployment: context.deployment });
    for (const statement of document.value.statements) {
      const path = statement.kind === 'module' ? localModulePath(statement, scope) : undefined;
      if (path === undefined) continue;
      const absolute = resolve(path);
      if (absolute === start) return [...chain, absolute];
      if (chain.includes(absolute) || cleared.has(absolute)) continue;
      const module = parsedModule(path, context);
      const cycle = module && backToStart(module, [...chain, absolute]);
      if (cycle) return cycle;
      cleared.add(absolute);
    }
    return undefined;
  };
  for (const statement of caller.document.value.statements) {
    if (statement.kind !== 'module') continue;
    const path = localModulePath(statement, caller);
    if (path === undefined) continue;
    const absolute = resolve(path);
    const module = absolute === start ? undefined : parsedModule(path, context);
    const cycle = absolute === start ? [start, start] : module && backToStart(module, [start, absolute]);
    if (cycle) {
      const files = cycle.map((file) => basename(file)).join(' -> ');
      context.problem('parse-error', [statement.name], `invalid Bicep: the module '${statement.name}' is involved in a cycle (${files}); Bicep does not build the file`);
    }
  }
}

/** `br:…`, `br/public:…`, `ts:…`, `ts/alias:…`: a module from a registry or a template spec, not a file. */
const isRegistryReference = (written: string): boolean => /^(?:br|ts)(?:\/[^:]*)?:/i.test(written);

/** The module file a declaration names, from the caller's folder (and named as the caller is, relative or absolute); undefined for a registry module, a template spec or a path not written literally. */
function localModulePath(statement: ModuleDeclaration, caller: BicepScope): string | undefined {
  const written = caller.evaluate(statement.path);
  if (typeof written !== 'string' || isRegistryReference(written)) return undefined;
  return join(dirname(caller.document.filePath), written);
}

/** The call deploys where its caller does: no `scope:`, or `resourceGroup()`; elsewhere the module's resourceGroup() and subscription() are unknown. */
function sameTarget(statement: ModuleDeclaration): boolean {
  const scope = resourceBody(statement.value)?.properties.find((property) => property.key === 'scope')?.value;
  return scope === undefined || (scope.kind === 'call' && scope.name === 'resourceGroup' && scope.args.length === 0 && !scope.target && scope.namespace === undefined);
}

/**
 * Whether a module file, or one it deploys, may declare a pool, judged from the text alone: a resource's type
 * and a module's path are literal strings in Bicep, so such a file names the provider.
 */
function mayDeployPools(path: string, context: SourceContext, visited = new Set<string>()): boolean {
  if (visited.has(resolve(path)) || visited.size > MAX_FILES_SCANNED) return false;
  visited.add(resolve(path));
  const text = context.readFile(path);
  if (text === undefined) return false;
  if (/microsoft\.batch\//i.test(text)) return true;
  for (const [, written] of text.matchAll(/^\s*module\s+\w+\s+'([^'$]+)'/gm)) {
    if (!isRegistryReference(written!) && mayDeployPools(join(dirname(path), written!), context, visited)) return true;
  }
  return false;
}

/** Module files parsed lately, by path: a module that many files (or many calls) deploy is parsed once. */
const parsed = new Map<string, { text: string; document: BicepDocument | undefined }>();
const PARSED_KEPT = 32;

/** The module file parsed; undefined when it cannot be read or does not parse (its own lint reports that). */
function parsedModule(path: string, context: SourceContext): BicepDocument | undefined {
  const text = context.readFile(path);
  if (text === undefined) return undefined;
  const key = path;
  const kept = parsed.get(key);
  if (kept?.text === text) return kept.document;
  let document: BicepDocument | undefined;
  try {
    document = BicepDocument.parse(path, text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
  }
  if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, { text, document });
  return document;
}

/** The params a copy of the call gives, as supplied values pointing at what the caller wrote; undefined when it gives none. */
function paramsOf(
  statement: ModuleDeclaration,
  caller: BicepScope,
  locals: Locals,
  call: string,
): { supplied: Map<string, SuppliedValue>; allParametersUnknown?: UnknownValue } | undefined {
  const body = resourceBody(statement.value);
  const written = body?.properties.find((property) => property.key === 'params')?.value;
  if (!written) return undefined;
  const supplied = new Map<string, SuppliedValue>();
  const object = plainObject(written);
  if (!object || object.properties.some((property) => property.spread || property.key === undefined)) {
    const value = caller.evaluate(written, locals);
    const reason = isUnknown(value) ? value.reason : 'its params are not an object written in the call';
    return { supplied, allParametersUnknown: new UnknownValue(`the params of ${call} are not known statically (${reason})`) };
  }
  for (const property of object.properties) {
    const name = property.key!;
    const value = caller.evaluate(property.value, locals);
    supplied.set(name, {
      document: caller.document,
      path: [statement.name, 'params', name],
      origin: `param '${name}' given by ${call}`,
      node: property.value,
      scope: caller,
      locals,
      value: isUnknown(value) ? new UnknownValue(`param '${name}' given by ${call} is not known statically (${value.reason})`) : value,
    });
  }
  return supplied.size > 0 ? { supplied } : undefined;
}

function plainObject(node: Expression): Extract<Expression, { kind: 'object' }> | undefined {
  if (node.kind === 'parentheses') return plainObject(node.expression);
  return node.kind === 'object' ? node : undefined;
}
