import { LineIndex } from '../../model/location.ts';
import { SyntaxProblem } from '../../model/syntax-problem.ts';
import type { Attribute, Body } from './syntax.ts';

/**
 * Terraform refuses an argument set twice in one block ("Attribute redefined"); batchlint reads the last,
 * as the document's value does, and reports each repeat where it is written.
 */
export function repeatedAttributes(body: Body, text: string): SyntaxProblem[] {
  const repeats: { first: Attribute; repeat: Attribute }[] = [];
  collect(body, repeats);
  if (repeats.length === 0) return [];
  const lines = new LineIndex(text);
  return repeats.map(({ first, repeat }) => {
    const message = `invalid HCL: the argument "${repeat.name}" is set twice in this block (first on line ${lines.position(first.nameSpan.offset).line}); Terraform refuses a repeated argument — batchlint read this last one`;
    return new SyntaxProblem(message, repeat.nameSpan.offset, repeat.nameSpan.end - repeat.nameSpan.offset);
  });
}

function collect(body: Body, repeats: { first: Attribute; repeat: Attribute }[]): void {
  const seen = new Map<string, Attribute>();
  for (const item of body.items) {
    if (item.kind === 'block') {
      collect(item.body, repeats);
      continue;
    }
    const first = seen.get(item.name);
    if (first) repeats.push({ first, repeat: item });
    else seen.set(item.name, item);
  }
}
