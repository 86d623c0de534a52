/** A character range of the source: [offset, end). */
export interface Span {
  offset: number;
  end: number;
}

export type TemplatePart = { kind: 'text'; value: string; span: Span } | { kind: 'interpolation'; expression: Expression; span: Span } | { kind: 'directive'; span: Span };

export type Expression = { span: Span } & (
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'template'; parts: TemplatePart[]; heredoc?: { indented: boolean } }
  /** The root of a reference: `var` in `var.x`, `azurerm_subnet` in `azurerm_subnet.a.id`. */
  | { kind: 'variable'; name: string }
  | { kind: 'attribute'; target: Expression; name: string }
  | { kind: 'index'; target: Expression; key: Expression }
  | { kind: 'splat'; target: Expression }
  | { kind: 'call'; name: string; args: Expression[] }
  | { kind: 'tuple'; items: Expression[] }
  | { kind: 'object'; items: ObjectItem[] }
  | { kind: 'for' }
  | { kind: 'unary'; operator: string; operand: Expression }
  | { kind: 'binary'; operator: string; left: Expression; right: Expression }
  | { kind: 'conditional'; condition: Expression; whenTrue: Expression; whenFalse: Expression }
  | { kind: 'parentheses'; expression: Expression }
);

export interface ObjectItem {
  /** A bare word key is a literal string, as HCL reads it. */
  key: Expression;
  value: Expression;
}

export interface Attribute {
  kind: 'attribute';
  name: string;
  nameSpan: Span;
  expression: Expression;
}

export interface Block {
  kind: 'block';
  type: string;
  typeSpan: Span;
  labels: { value: string; span: Span }[];
  body: Body;
  /** From the type to the closing brace. */
  span: Span;
  openBrace: number;
  closeBrace: number;
}

export interface Body {
  items: (Attribute | Block)[];
}
