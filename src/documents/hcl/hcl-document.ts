import type { Located, SourceDocument, TextEdit } from '../../model/document.ts';
import { LineIndex, type Location, type Path, type StringRange } from '../../model/location.ts';
import { decodeTemplatePrefix } from './template-offsets.ts';
import { expressionValue, isLiteral } from './hcl-expression.ts';
import { HclPaths } from './hcl-paths.ts';
import { isPlainRecord, userRecord } from '../../model/user-record.ts';
import { parseHcl } from './parser.ts';
import { repeatedAttributes } from './repeated-attributes.ts';
import type { SyntaxProblem } from '../../model/syntax-problem.ts';
import type { Block, Body, Span } from './syntax.ts';
import { lineBreakOf } from '../line-break.ts';

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
  private readonly paths: HclPaths;

  private constructor(
    readonly filePath: string,
    readonly text: string,
    readonly body: Body,
  ) {
    this.paths = new HclPaths(body);
    this.value = bodyValue(body, text);
    this.problems = repeatedAttributes(body, text);
  }

  /** Parses the text, or throws a SyntaxProblem at the first error. */
  static parse(filePath: string, text: string): HclDocument {
    return new HclDocument(filePath, text, parseHcl(text));
  }

  locate(path: Path, part: 'key' | 'value' = 'value', within?: StringRange): Located {
    const trail = this.paths.walk(path);
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
    const trail = this.paths.walk(path);
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
    return [{ offset: lineEnd, length: 0, text: `${lineBreakOf(this.text)}${indentation}${key.padEnd(width - 1)} = ${literal}` }];
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

  private location(span: Span): Location {
    this.lines ??= new LineIndex(this.text);
    return this.lines.location(span.offset, span.end - span.offset);
  }
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
