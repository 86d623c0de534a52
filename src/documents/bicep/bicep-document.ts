import type { DocumentFormat, Located, SourceDocument, TextEdit } from '../../model/document.ts';
import { LineIndex, type Location, type Path, type StringRange } from '../../model/location.ts';
import { parseBicep } from './parser.ts';
import type { Expression, ObjectProperty, Program, Span, Statement } from './syntax.ts';
import { lineBreakOf } from '../line-break.ts';

/** A statement that declares a name, with the value written for it. */
export type Declaration = Exclude<Statement, { kind: 'other' | 'targetScope' | 'using' }>;

/** One step of a walk down the syntax tree: the expression reached, and the span of the key that led to it. */
export interface Step {
  node: Expression;
  key?: Span;
}

/**
 * A `.bicep` or `.bicepparam` file. Its value is the syntax tree; a path starts with a declared name (a
 * parameter, variable, resource, module, output; `account::pool` for a nested resource) and goes on through the object keys and array indices of
 * the value written for it. `if (…)` bodies, parentheses and the bodies of `for` loops are passed through:
 * a loop's body stands for each item, so an index into a loop's array leads to its body.
 */
export class BicepDocument implements SourceDocument {
  readonly value: Program;
  private readonly declarations = new Map<string, Declaration>();
  private lines: LineIndex | undefined;

  private constructor(
    readonly filePath: string,
    readonly text: string,
    readonly format: DocumentFormat & ('bicep' | 'bicepparam'),
  ) {
    this.value = parseBicep(text);
    for (const statement of this.value.statements) if (isDeclaration(statement)) this.declare(statement.name, statement);
  }

  /** A resource declared in another's body is named as Bicep refers to it: `account::pool`. */
  private declare(name: string, declaration: Declaration): void {
    this.declarations.set(name, declaration);
    if (declaration.kind !== 'resource') return;
    for (const nested of resourceBody(declaration.value)?.resources ?? []) this.declare(`${name}::${nested.name}`, nested);
  }

  /** Parses the text, or throws a SyntaxProblem at the first error. */
  static parse(filePath: string, text: string, format: 'bicep' | 'bicepparam' = 'bicep'): BicepDocument {
    return new BicepDocument(filePath, text, format);
  }

  declaration(name: string): Declaration | undefined {
    return this.declarations.get(name);
  }

  locate(path: Path, part: 'key' | 'value' = 'value', within?: StringRange): Located {
    const { trail, declaration, consumed } = this.walk(path);
    if (!declaration) return { location: this.location({ offset: 0, end: 0 }), exact: false };
    const exact = consumed === path.length - 1;
    const last = trail[trail.length - 1];
    if (!last) return { location: this.location(declaration.nameSpan), exact: exact && part === 'key' };
    if (exact && part === 'value') {
      const inside = within && literalRange(last.node, within);
      return { location: this.location(inside ?? last.node.span), exact };
    }
    return { location: this.location(last.key ?? declaration.nameSpan), exact };
  }

  /**
   * Replaces a literal value, or adds a missing property to an object written over several lines, at the
   * indentation of its other properties. Undefined for anything else: an expression, or a missing object.
   */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const { trail, declaration, consumed } = this.walk(path);
    if (!declaration) return undefined;
    if (consumed === path.length - 1) {
      const node = passThrough(trail[trail.length - 1]?.node);
      if (!node || !isLiteral(node)) return undefined;
      return [{ offset: node.span.offset, length: node.span.end - node.span.offset, text: bicepLiteral(value) }];
    }
    const key = path[path.length - 1];
    const holder = consumed === path.length - 2 ? passThrough(trail[trail.length - 1]?.node) : undefined;
    if (typeof key !== 'string' || holder?.kind !== 'object' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return undefined;
    return this.insertProperty(holder, key, bicepLiteral(value));
  }

  /** The steps along path from its declaration down to the deepest node that exists (path[0] names the declaration). */
  walk(path: Path): { declaration?: Declaration; trail: Step[]; consumed: number } {
    const [name, ...rest] = path;
    const declaration = typeof name === 'string' ? this.declarations.get(name) : undefined;
    const value = declaration && 'value' in declaration ? declaration.value : undefined;
    if (!declaration || !value) return { ...(declaration && { declaration }), trail: [], consumed: 0 };
    const trail: Step[] = [{ node: value }];
    let consumed = 0;
    while (consumed < rest.length) {
      const step = childStep(trail[trail.length - 1]!.node, rest[consumed]!);
      if (!step) break;
      if (step.consumed) consumed++;
      trail.push(step.step);
    }
    return { declaration, trail: withKeys(trail), consumed };
  }

  private insertProperty(object: Extract<Expression, { kind: 'object' }>, key: string, literal: string): TextEdit[] | undefined {
    if (!this.text.slice(object.span.offset, object.span.end).includes('\n')) return undefined;
    const last = object.properties[object.properties.length - 1];
    const after = last ? last.span.end : object.span.offset + 1;
    const lineEnd = this.lineEnd(after);
    const first = object.properties[0];
    const indentation = first ? this.indentationAt(first.span.offset) : `${this.indentationAt(object.span.offset)}  `;
    const eol = lineBreakOf(this.text);
    return [{ offset: lineEnd, length: 0, text: `${eol}${indentation}${key}: ${literal}` }];
  }

  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return this.text.length;
    return this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  private indentationAt(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(lineStart, offset))![0];
  }

  /** The location of a span of the text. */
  spanLocation(span: Span): Location {
    return this.location(span);
  }

  private location(span: Span): Location {
    this.lines ??= new LineIndex(this.text);
    return this.lines.location(span.offset, span.end - span.offset);
  }
}

/**
 * The node a path segment leads to from node. Pass-through nodes (`if`, parentheses, a loop's body) are
 * steps that consume no segment, except that a loop's body consumes the index into its array.
 */
export function childStep(node: Expression, segment: string | number): { step: Step; consumed: boolean } | undefined {
  switch (node.kind) {
    case 'if':
      return { step: { node: node.body }, consumed: false };
    case 'parentheses':
      return { step: { node: node.expression }, consumed: false };
    case 'for':
      return { step: { node: node.body }, consumed: typeof segment === 'number' };
    case 'object': {
      if (typeof segment !== 'string') return undefined;
      const property = propertyNamed(node.properties, segment);
      return property && { step: { node: property.value, key: property.keySpan }, consumed: true };
    }
    case 'array': {
      const item = typeof segment === 'number' && !node.items.some((candidate) => candidate.spread) ? node.items[segment] : undefined;
      return item && { step: { node: item.value }, consumed: true };
    }
    default:
      return undefined;
  }
}

/** A step through a pass-through node keeps the key that led to it. */
function withKeys(trail: Step[]): Step[] {
  return trail.map((step, index) => (step.key || index === 0 ? step : { ...step, key: trail[index - 1]!.key }));
}

/** The property named name: the last one written wins; property names match whatever their case, as in ARM. */
export function propertyNamed(properties: readonly ObjectProperty[], name: string): ObjectProperty | undefined {
  return properties.findLast((property) => property.key === name) ?? properties.findLast((property) => property.key?.toLowerCase() === name.toLowerCase());
}

function isDeclaration(statement: Statement): statement is Declaration {
  return statement.kind !== 'other' && statement.kind !== 'targetScope' && statement.kind !== 'using';
}

/** The object a resource's value declares it with, through its condition and loop. */
export function resourceBody(value: Expression): Extract<Expression, { kind: 'object' }> | undefined {
  let node = passThrough(value);
  if (node?.kind === 'for') node = passThrough(node.body);
  return node?.kind === 'object' ? node : undefined;
}

/** The node itself, or what an `if` or parentheses hold. */
export function passThrough(node: Expression | undefined): Expression | undefined {
  while (node?.kind === 'if' || node?.kind === 'parentheses') node = node.kind === 'if' ? node.body : node.expression;
  return node;
}

function isLiteral(node: Expression): boolean {
  if (node.kind === 'string') return !node.multiline && node.parts.length === 1;
  return node.kind === 'number' || node.kind === 'boolean' || node.kind === 'null' || (node.kind === 'unary' && node.operator === '-' && node.operand.kind === 'number');
}

/** The characters written for a range of a string with no interpolation. */
function literalRange(node: Expression, within: StringRange): Span | undefined {
  const part = node.kind === 'string' && node.parts.length === 1 ? node.parts[0] : undefined;
  if (part?.kind !== 'text') return undefined;
  const range = part.decoded.rawRange(within);
  return range && { offset: range.offset, end: range.offset + range.length };
}

/** A value as a Bicep literal. */
export function bicepLiteral(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const escaped = value.replace(/[\\'\n\r\t]|\$\{/g, (match) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '${': '\\${' })[match]!);
  return `'${escaped}'`;
}
