import type { SourceDocument } from '../../model/document.ts';
import type { Path } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import { evaluate } from './evaluate.ts';
import { isExpression, parseExpression, type Expression } from './expression-syntax.ts';
import { isCopyLoop, type CopyLoop } from './resolve-value.ts';
import type { TemplateScope } from './template-scope.ts';

/** Where the value at a path was written, once plain parameter and variable references are followed. */
export interface TracedSite {
  document: SourceDocument;
  /** The document path reached, with what was left of the path when the walk stopped (a locate falls back to the nearest ancestor). */
  path: Path;
  /** The last parameter or variable the walk went through ("variable 'image'"); undefined when it followed none. */
  origin?: string;
  /** The walk met an expression: the value is not written where the path says, so no fix may edit it there. */
  throughExpression: boolean;
  /** The path ends at a string written as it is read; its value starts this many characters in (one past a "[[" bracket). */
  literalStringShift?: number;
  /** The path ends at an expression string, read in this scope. */
  expression?: { written: string; scope: TemplateScope };
}

/** A chain of references longer than this is a cycle (a variable that names itself); the walk stops. */
const MAX_HOPS = 32;

/**
 * Walks path down the value written at start in document, jumping to a parameter's or variable's written
 * value wherever a string is a plain reference to one (`[parameters('vmSize')]`, `[variables('image').sku]`).
 * A computed expression (`[concat(…)]`) ends the walk there. Without a scope strings are literals (a parameters file).
 */
export function traceSite(value: unknown, document: SourceDocument, start: Path, scope: TemplateScope | undefined, path: Path): TracedSite {
  let current = { value, document, path: [...start], scope };
  let remaining = [...path];
  let origin: string | undefined;
  let throughExpression = false;
  for (let hops = 0; hops <= MAX_HOPS;) {
    if (typeof current.value === 'string' && current.scope && isExpression(current.value)) {
      throughExpression = true;
      const reference = plainReference(current.value, current.scope);
      const source = reference && (reference.kind === 'parameters' ? current.scope.parameterSource(reference.name) : current.scope.variableSource(reference.name));
      if (!reference || !source || isUnknown(source)) break;
      current = { value: source.value, document: source.site.document, path: [...source.site.path], scope: source.scope };
      remaining = [...reference.accessors, ...remaining];
      origin = source.site.origin;
      hops++;
      continue;
    }
    const [key, ...rest] = remaining;
    if (key === undefined) break;
    const child = childKey(current.value, key);
    const loop = child === undefined ? copyLoopNamed(current.value, key) : undefined;
    if (loop) {
      // Every item of the array the loop builds is written once, as the loop's input.
      throughExpression = true;
      current = { ...current, value: loop.input, path: [...current.path, 'copy', loop.index, 'input'] };
      remaining = typeof rest[0] === 'number' ? rest.slice(1) : rest;
      continue;
    }
    if (child === undefined) break;
    current = { ...current, value: (current.value as Record<string | number, unknown>)[child], path: [...current.path, child] };
    remaining = rest;
  }
  const reached = remaining.length === 0;
  const shift = reached ? literalStringShift(current.value, current.scope !== undefined) : undefined;
  const expression = reached && typeof current.value === 'string' && current.scope && isExpression(current.value) ? { written: current.value, scope: current.scope } : undefined;
  return {
    document: current.document,
    path: [...current.path, ...remaining],
    ...(origin !== undefined && { origin }),
    throughExpression,
    ...(shift !== undefined && { literalStringShift: shift }),
    ...(expression && { expression }),
  };
}

/** How far into a written string its value starts, when it is a literal: in a template "[[…]" reads as "[…]". */
function literalStringShift(value: unknown, inTemplate: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!inTemplate || !value.startsWith('[') || !value.endsWith(']')) return 0;
  return value.startsWith('[[') ? 1 : undefined;
}

interface PlainReference {
  kind: 'parameters' | 'variables';
  name: string;
  /** Property names and indexes applied to the referenced value, in order. */
  accessors: (string | number)[];
}

/** `[parameters('x')]`, `[variables('x').a[0]]`…: a reference whose value is written somewhere, rather than computed. */
function plainReference(text: string, scope: TemplateScope): PlainReference | undefined {
  try {
    return referenceIn(parseExpression(text.slice(1, -1)), scope);
  } catch {
    return undefined; // the evaluation reports an expression that does not parse, or cannot be evaluated
  }
}

function referenceIn(outermost: Expression, scope: TemplateScope): PlainReference | undefined {
  let expression = outermost;
  const accessors: (string | number)[] = [];
  while (expression.kind === 'property' || expression.kind === 'index') {
    const key = expression.kind === 'property' ? expression.name : evaluate(expression.index, scope);
    if (typeof key !== 'string' && typeof key !== 'number') return undefined;
    accessors.unshift(key);
    expression = expression.target;
  }
  if (expression.kind !== 'call' || expression.args.length !== 1) return undefined;
  const kind = expression.name.toLowerCase();
  const name = evaluate(expression.args[0]!, scope);
  if ((kind !== 'parameters' && kind !== 'variables') || typeof name !== 'string') return undefined;
  return { kind, name, accessors };
}

/** The property copy loop of value that builds its key property. */
function copyLoopNamed(value: unknown, key: string | number): { input: unknown; index: number } | undefined {
  const loops = typeof value === 'object' && value !== null ? (value as { copy?: unknown }).copy : undefined;
  if (!Array.isArray(loops)) return undefined;
  const index = loops.findIndex((loop) => isCopyLoop(loop) && loop.name.toLowerCase() === String(key).toLowerCase());
  return index === -1 ? undefined : { input: (loops[index] as CopyLoop).input, index };
}

/** The key of value's child named key (property names match whatever their case, as in ARM); undefined when absent. */
function childKey(value: unknown, key: string | number): string | number | undefined {
  if (Array.isArray(value)) return typeof key === 'number' && key < value.length ? key : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (key in value) return key;
  return Object.keys(value).find((candidate) => candidate.toLowerCase() === String(key).toLowerCase());
}
