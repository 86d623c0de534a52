import type { Expression } from './syntax.ts';

/**
 * An HCL expression that is not a literal (a reference, a call, an interpolated string, an operator),
 * as it stands in a document's value. Adapters evaluate it or treat it as unknown.
 */
export class HclExpression {
  constructor(
    readonly node: Expression,
    /** The text of the file it was written in, where its spans point. */
    readonly documentText: string,
  ) {}

  /** The expression as written, for messages. */
  get source(): string {
    return this.documentText.slice(this.node.span.offset, this.node.span.end);
  }
}

export function isHclExpression(value: unknown): value is HclExpression {
  return value instanceof HclExpression;
}

/**
 * The plain value of an expression when it is a literal (nested tuples and objects keep their literal
 * parts and wrap the others); an HclExpression otherwise.
 */
export function expressionValue(node: Expression, text: string): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template':
      return literalTemplate(node) ?? new HclExpression(node, text);
    case 'tuple':
      return node.items.map((item) => expressionValue(item, text));
    case 'object': {
      const keys = node.items.map((item) => (item.key.kind === 'literal' ? item.key.value : literalTemplate(item.key)));
      if (keys.some((key) => typeof key !== 'string')) return new HclExpression(node, text);
      return Object.fromEntries(node.items.map((item, index) => [keys[index], expressionValue(item.value, text)]));
    }
    default:
      return new HclExpression(node, text);
  }
}

/** The text of a template with no interpolation or directive in it. */
export function literalTemplate(node: Expression): string | undefined {
  if (node.kind !== 'template') return undefined;
  let value = '';
  for (const part of node.parts) {
    if (part.kind !== 'text') return undefined;
    value += part.value;
  }
  return value;
}

/** Whether the expression is a literal that an edit may replace. */
export function isLiteral(node: Expression): boolean {
  return node.kind === 'literal' || literalTemplate(node) !== undefined;
}
