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
  const kept = findings.filter((finding) => {
    const silencing = directives.find(
      (directive) => (directive.ruleIds.length === 0 || directive.ruleIds.includes(finding.ruleId)) && (directive.scope === 'file' || directive.line + 1 === finding.line),
    );
    if (silencing) used.add(silencing);
    return !silencing;
  });
  return { kept, unused: directives.filter((directive) => !used.has(directive)) };
}
