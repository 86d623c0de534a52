import type { DocumentFormat } from '../model/document.ts';
import type { Finding } from '../model/finding.ts';

/** An inline comment that silences rules: on the next line, or in the whole file. */
export interface Directive {
  scope: 'next-line' | 'file';
  /** The rules it silences; empty means every rule. */
  ruleIds: string[];
  reason?: string;
  /** Where the comment's directive text is, to report it when it silences nothing. */
  offset: number;
  length: number;
  line: number;
}

const DIRECTIVE = /batchlint-disable(-next-line)?(?=\s|$|\*\/)([^\n]*)/g;

/** Comment markers by format. A .json file has comments only when it is an ARM template, which may have them. */
const COMMENT_START: Record<DocumentFormat, RegExp> = {
  yaml: /(?:^|\s)#/,
  json: /\/\/|\/\*/,
  jsonc: /\/\/|\/\*/,
  hcl: /#|\/\/|\/\*/,
  autoscale: /\/\//,
  bicep: /\/\/|\/\*/,
  bicepparam: /\/\/|\/\*/,
};

export function findDirectives(text: string, format: DocumentFormat): Directive[] {
  const comment = COMMENT_START[format];
  if (!text.includes('batchlint-disable')) return [];
  const directives: Directive[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    const marker = comment.exec(lineText);
    if (marker) {
      const commentText = lineText.slice(marker.index);
      for (const match of commentText.matchAll(DIRECTIVE)) {
        const [body = '', reason] = match[2]!.replace(/\*\/.*$/, '').split(/\s--\s?/, 2);
        directives.push({
          scope: match[1] ? 'next-line' : 'file',
          ruleIds: body.split(/[\s,]+/).filter(Boolean),
          ...(reason?.trim() && { reason: reason.trim() }),
          offset: lineStart + marker.index + match.index,
          length: match[0].replace(/\s*(\*\/.*)?$/, '').length,
          line: index + 1,
        });
      }
    }
    lineStart += lineText.length + 1;
  });
  return directives;
}

/** Splits findings into those the directives leave standing, and lists the directives that silenced nothing. */
export function applyDirectives(findings: Finding[], directives: Directive[]): { kept: Finding[]; unused: Directive[] } {
  const used = new Set<Directive>();
  const fileWide = directives.filter((directive) => directive.scope === 'file');
  // A file with a comment above each of many pools: a finding looks only at the comments of the line above it.
  const byLineSilenced = new Map<number, Directive[]>();
  for (const directive of directives) {
    if (directive.scope === 'next-line') byLineSilenced.set(directive.line + 1, [...(byLineSilenced.get(directive.line + 1) ?? []), directive]);
  }
  const order = new Map(directives.map((directive, index) => [directive, index]));
  const kept = findings.filter((finding) => {
    const silences = (directive: Directive) => directive.ruleIds.length === 0 || directive.ruleIds.includes(finding.ruleId);
    // The first comment in the file that silences the finding is the one that counts as used.
    const silencing = [...fileWide, ...(byLineSilenced.get(finding.line) ?? [])]
      .filter(silences)
      .reduce<Directive | undefined>((first, directive) => (first && order.get(first)! < order.get(directive)! ? first : directive), undefined);
    if (silencing) used.add(silencing);
    return !silencing;
  });
  return { kept, unused: directives.filter((directive) => !used.has(directive)) };
}
