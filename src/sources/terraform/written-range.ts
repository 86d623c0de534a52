import { rangeInPiece, type TextRange } from '../../documents/decoded-string.ts';
import type { HclDocument } from '../../documents/hcl/hcl-document.ts';
import type { Expression } from '../../documents/hcl/syntax.ts';
import { decodeTemplateText } from '../../documents/hcl/template-offsets.ts';
import type { StringRange } from '../../model/location.ts';
import { evaluate } from './evaluate.ts';
import type { TerraformModule } from './module.ts';

/** Where a range of a string value was written: in which file, at which characters, and through which variable or local. */
export interface WrittenRange {
  document: HclDocument;
  range: TextRange;
  origin?: string;
}

/** A local that names itself through interpolations ends the search here. */
const MAX_NESTING = 16;

/**
 * The characters written for a range of the string an expression evaluates to, when the whole range comes from
 * one literal text: in the template itself, or in the variable or local an interpolation or reference reads
 * (followed to its default or var file). Undefined when the range spans parts or comes from anything computed.
 */
export function writtenRange(node: Expression, document: HclDocument, within: StringRange, module: TerraformModule, nesting = 0): WrittenRange | undefined {
  if (nesting > MAX_NESTING) return undefined;
  if (node.kind === 'parentheses') return writtenRange(node.expression, document, within, module, nesting + 1);
  const reference = referenceOf(node);
  if (reference) {
    const site = module.site(reference.kind, reference.name);
    const found = site && writtenRange(site.node, site.document, within, module, nesting + 1);
    return found && { ...found, origin: found.origin ?? `${reference.kind === 'var' ? 'variable' : 'local'} '${reference.name}'` };
  }
  if (node.kind !== 'template') return undefined;
  let start = 0;
  for (const part of node.parts) {
    if (part.kind === 'directive') return undefined;
    if (part.kind === 'text') {
      const decoded = decodeTemplateText(document.text, part, node.heredoc === undefined);
      if (!decoded) return undefined;
      const inside = rangeInPiece(within, start, decoded.text.length);
      const range = inside && decoded.rawRange(inside);
      if (range) return { document, range };
      start += decoded.text.length;
      continue;
    }
    const value = evaluate(part.expression, document.text, module.scope);
    if (typeof value !== 'string') return undefined;
    const inside = rangeInPiece(within, start, value.length);
    if (inside) return writtenRange(part.expression, document, inside, module, nesting + 1);
    start += value.length;
  }
  return undefined;
}

function referenceOf(node: Expression): { kind: 'var' | 'local'; name: string } | undefined {
  if (node.kind !== 'attribute' || node.target.kind !== 'variable') return undefined;
  const root = node.target.name;
  return root === 'var' || root === 'local' ? { kind: root, name: node.name } : undefined;
}
