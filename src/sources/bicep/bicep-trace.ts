import { childStep } from '../../documents/bicep/bicep-document.ts';
import type { Expression } from '../../documents/bicep/syntax.ts';
import type { SourceDocument } from '../../model/document.ts';
import type { Path } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import { NO_LOCALS, type BicepScope, type Locals } from './bicep-scope.ts';

/** Where the value at a path was written, once plain parameter and variable references are followed. */
export interface BicepSite {
  document: SourceDocument;
  /** The document path reached, with what was left of the path when the walk stopped (a locate falls back to the nearest ancestor). */
  path: Path;
  /** The last parameter or variable the walk went through ("variable 'image'"). */
  origin?: string;
  /** The value is not written where the path says (it came through a reference or a loop), so no fix may edit it there. */
  throughExpression: boolean;
  /** The expression the whole path reached, and the scope and loop variables it is read with. */
  reached?: { node: Expression; scope: BicepScope; locals: Locals };
}

interface Position {
  document: SourceDocument;
  path: Path;
  /** The expression at path; none in a parameters file that is not Bicep (its path is walked by its document). */
  node?: Expression;
  scope?: BicepScope;
  /** The loop variables node is read with, when it was reached through a reference. */
  locals?: Locals;
}

/** A chain of references longer than this is a cycle; the walk stops. */
const MAX_HOPS = 32;

/**
 * Walks path down the expression written at start, jumping to a parameter's or variable's written value
 * wherever the expression is a plain reference to one (`vmSize`, `image.sku`, `settings['pool']`). Any
 * other expression (a call, an interpolation, an operator) ends the walk there.
 */
export function traceBicepSite(start: Position, path: Path, locals: Locals): BicepSite {
  let current: Position = { ...start, path: [...start.path] };
  let remaining = [...path];
  let origin: string | undefined;
  let throughExpression = false;
  const loopVariables = new Set(locals.keys());
  for (let hops = 0; current.node && current.scope && hops <= MAX_HOPS;) {
    const reference = plainReference(current.node, current.scope, loopVariables);
    if (reference) {
      const next = referencedValue(reference.name, current.scope);
      if (!next) break;
      current = next.position;
      origin = next.origin;
      remaining = [...reference.accessors, ...remaining];
      throughExpression = true;
      loopVariables.clear();
      for (const name of next.position.locals?.keys() ?? []) loopVariables.add(name);
      hops++;
      continue;
    }
    const [segment, ...rest] = remaining;
    if (segment === undefined) break;
    const child = childStep(current.node, segment);
    if (!child) break;
    if (current.node.kind === 'for') {
      for (const variable of [current.node.item, current.node.index]) if (variable) loopVariables.add(variable.name);
      if (child.consumed) throughExpression = true;
    }
    current = { ...current, node: child.step.node, path: child.consumed ? [...current.path, segment] : current.path };
    if (child.consumed) remaining = rest;
  }
  const reached =
    remaining.length === 0 && current.node && current.scope
      ? { node: current.node, scope: current.scope, locals: origin === undefined ? locals : (current.locals ?? NO_LOCALS) }
      : undefined;
  return { document: current.document, path: [...current.path, ...remaining], ...(origin !== undefined && { origin }), throughExpression, ...(reached && { reached }) };
}

/** A parameter or variable of scope's file, with its accessors: `image.sku` is `image` then `sku`. */
function plainReference(node: Expression, scope: BicepScope, loopVariables: ReadonlySet<string>): { name: string; accessors: (string | number)[] } | undefined {
  const accessors: (string | number)[] = [];
  let expression = node;
  for (;;) {
    if (expression.kind === 'property') {
      accessors.unshift(expression.name);
      expression = expression.target;
    } else if (expression.kind === 'index') {
      const key = scope.evaluate(expression.index);
      if (typeof key !== 'string' && typeof key !== 'number') return undefined;
      accessors.unshift(key);
      expression = expression.target;
    } else if (expression.kind === 'parentheses' || expression.kind === 'nonNull') {
      expression = expression.kind === 'parentheses' ? expression.expression : expression.operand;
    } else {
      break;
    }
  }
  if (expression.kind !== 'identifier' || loopVariables.has(expression.name)) return undefined;
  const declared = scope.document.declaration(expression.name);
  return declared?.kind === 'param' || declared?.kind === 'var' ? { name: expression.name, accessors } : undefined;
}

function referencedValue(name: string, scope: BicepScope): { position: Position; origin: string } | undefined {
  const declared = scope.document.declaration(name);
  if (declared?.kind === 'var') return { position: { document: scope.document, path: [name], node: declared.value, scope }, origin: `variable '${name}'` };
  const source = scope.parameterSource(name);
  if (isUnknown(source)) return undefined;
  return {
    position: {
      document: source.document,
      path: [...source.path],
      ...(source.node && { node: source.node }),
      ...(source.scope && { scope: source.scope }),
      ...(source.locals && { locals: source.locals }),
    },
    origin: source.origin,
  };
}
