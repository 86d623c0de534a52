import type { Located, SourceDocument, TextEdit } from '../../model/document.ts';
import { LineIndex, type Location, type Path, type StringRange } from '../../model/location.ts';
import { decodeTemplatePrefix } from './template-offsets.ts';
import { expressionValue, isLiteral, literalTemplate } from './hcl-expression.ts';
import { isPlainRecord, userRecord } from '../../model/user-record.ts';
import { parseHcl } from './parser.ts';
import { repeatedAttributes } from './repeated-attributes.ts';
import type { SyntaxProblem } from '../../model/syntax-problem.ts';
import type { Block, Body, Expression, Span } from './syntax.ts';

/** Where a path leads in the syntax tree: a body (the file or a block's), blocks sharing a type and leading labels, or an expression. */
type Entry = { key?: Span; value?: Span } & (
  { kind: 'body'; body: Body; block?: Block } | { kind: 'group'; blocks: Block[]; depth: number } | { kind: 'expression'; node: Expression }
);

/**
 * A Terraform (HCL native syntax) file. Its value has the shape of Terraform's JSON syntax: attributes by
 * name, blocks by type then label (`resource.azurerm_batch_pool.pool`), a block seen once as an object
 * and a repeated one as an array of objects. Literal values are plain data; any other expression is an
 * HclExpression for the adapter to evaluate.
 */
export class HclDocument implements SourceDocument {
  readonly format = 'hcl' as const;
  readonly value: Record<string, unknown>;
  readonly problems: SyntaxProblem[];
  private lines: LineIndex | undefined;

  private constructor(
    readonly filePath: string,
    readonly text: string,
    readonly body: Body,
  ) {
    this.value = bodyValue(body, text);
    this.problems = repeatedAttributes(body, text);
  }

  /** Parses the text, or throws a SyntaxProblem at the first error. */
  static parse(filePath: string, text: string): HclDocument {
    return new HclDocument(filePath, text, parseHcl(text));
  }

  locate(path: Path, part: 'key' | 'value' = 'value', within?: StringRange): Located {
    const trail = this.walk(path);
    const entry = trail[trail.length - 1]!;
    const exact = trail.length === path.length + 1;
    const inside = exact && part === 'value' && within && entry.kind === 'expression' ? decodeTemplatePrefix(this.text, entry.node)?.rawRange(within) : undefined;
    if (inside) return { location: this.location({ offset: inside.offset, end: inside.offset + inside.length }), exact };
    const span = exact && part === 'value' ? (entry.value ?? entry.key) : (entry.key ?? firstCharacter(entry.value));
    return { location: this.location(span ?? { offset: 0, end: 0 }), exact };
  }

  /**
   * Replaces a literal value, or adds a missing attribute to an existing multi-line block at the indentation
   * of its other attributes. Undefined for anything else: an expression, whose value is written elsewhere,
   * or a missing block.
   */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const trail = this.walk(path);
    const entry = trail[trail.length - 1]!;
    if (trail.length === path.length + 1) {
      if (entry.kind !== 'expression' || !isLiteral(entry.node)) return undefined;
      return [{ offset: entry.node.span.offset, length: entry.node.span.end - entry.node.span.offset, text: formatLiteral(value) }];
    }
    const key = path[path.length - 1];
    if (trail.length !== path.length || typeof key !== 'string' || entry.kind !== 'body' || !entry.block) return undefined;
    return this.insertAttribute(entry.block, key, formatLiteral(value));
  }

  private insertAttribute(block: Block, key: string, literal: string): TextEdit[] | undefined {
    if (!this.text.slice(block.openBrace, block.closeBrace).includes('\n')) return undefined;
    const items = block.body.items;
    const last = items[items.length - 1];
    const after = last ? (last.kind === 'attribute' ? last.expression.span.end : last.span.end) : block.openBrace + 1;
    const lineEnd = this.lineEnd(after);
    const first = items[0];
    const indentation = first ? this.indentationAt(first.kind === 'attribute' ? first.nameSpan.offset : first.typeSpan.offset) : `${this.indentationAt(block.typeSpan.offset)}  `;
    const width = last?.kind === 'attribute' ? this.text.indexOf('=', last.nameSpan.end) - last.nameSpan.offset : 0;
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    return [{ offset: lineEnd, length: 0, text: `${eol}${indentation}${key.padEnd(width - 1)} = ${literal}` }];
  }

  /** The end of the line holding offset, before its line break (so a trailing comment stays on its line). */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return this.text.length;
    return this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  private indentationAt(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(lineStart, offset))![0];
  }

  /** The entries along the path, from the file down to the deepest one that exists. */
  private walk(path: Path): Entry[] {
    const trail: Entry[] = [{ kind: 'body', body: this.body }];
    for (const segment of path) {
      const next = child(trail[trail.length - 1]!, segment);
      if (!next) break;
      trail.push(next);
    }
    return trail;
  }

  private location(span: Span): Location {
    this.lines ??= new LineIndex(this.text);
    return this.lines.location(span.offset, span.end - span.offset);
  }
}

function child(entry: Entry, segment: string | number): Entry | undefined {
  if (entry.kind === 'body') {
    const attribute = entry.body.items.findLast((item) => item.kind === 'attribute' && item.name === segment);
    if (attribute?.kind === 'attribute') return { kind: 'expression', node: attribute.expression, key: attribute.nameSpan, value: attribute.expression.span };
    const blocks = entry.body.items.filter((item): item is Block => item.kind === 'block' && item.type === segment);
    return blocks.length > 0 ? group(blocks, 0, blocks[blocks.length - 1]!.typeSpan) : undefined;
  }
  if (entry.kind === 'group') {
    if (typeof segment === 'number') return entry.blocks[segment] && blockEntry(entry.blocks[segment]);
    const matching = entry.blocks.filter((block) => block.labels[entry.depth]?.value === segment);
    return matching.length > 0 ? group(matching, entry.depth + 1, matching[matching.length - 1]!.labels[entry.depth]!.span) : undefined;
  }
  const node = entry.node;
  if (node.kind === 'object' && typeof segment === 'string') {
    const item = node.items.findLast((candidate) => (candidate.key.kind === 'literal' ? candidate.key.value : literalTemplate(candidate.key)) === segment);
    return item && { kind: 'expression', node: item.value, key: item.key.span, value: item.value.span };
  }
  if (node.kind === 'tuple' && typeof segment === 'number') {
    const item = node.items[segment];
    return item && { kind: 'expression', node: item, value: item.span };
  }
  return undefined;
}

/** Blocks that have used `depth` labels: one block with no labels left is its body; several are an array. */
function group(blocks: Block[], depth: number, key: Span): Entry {
  const labelled = blocks.filter((block) => block.labels.length > depth);
  if (labelled.length > 0) return { kind: 'group', blocks: labelled, depth, key };
  if (blocks.length === 1) return blockEntry(blocks[0]!);
  return { kind: 'group', blocks, depth, key, value: { offset: blocks[0]!.span.offset, end: blocks[blocks.length - 1]!.span.end } };
}

function blockEntry(block: Block): Entry {
  const header = { offset: block.typeSpan.offset, end: block.labels[block.labels.length - 1]?.span.end ?? block.typeSpan.end };
  return { kind: 'body', body: block.body, block, key: header, value: { offset: block.openBrace, end: block.closeBrace + 1 } };
}

function bodyValue(body: Body, text: string): Record<string, unknown> {
  const value = userRecord();
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      value[item.name] = expressionValue(item.expression, text);
      continue;
    }
    let container = value;
    const keys = [item.type, ...item.labels.map((label) => label.value)];
    for (const key of keys.slice(0, -1)) {
      const existing = container[key];
      container = isPlainRecord(existing) ? existing : (container[key] = userRecord());
    }
    const last = keys[keys.length - 1]!;
    const existing = container[last];
    const block = bodyValue(item.body, text);
    container[last] = existing === undefined ? block : Array.isArray(existing) ? [...(existing as unknown[]), block] : [existing, block];
  }
  return value;
}

function firstCharacter(span: Span | undefined): Span | undefined {
  return span && { offset: span.offset, end: span.offset + 1 };
}

/** A value as an HCL literal: strings quoted with `${` and `%{` escaped so they stay literal. */
export function formatLiteral(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const escaped = value.replace(/[\\"\n\r\t]/g, (char) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[char]!);
  return `"${escaped.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{')}"`;
}
