import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type FileResult } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { jsonFormat, jsonFormatter } from '../../src/formatters/json.ts';
import { stylishFormat, stylishFormatter } from '../../src/formatters/stylish.ts';
import { sarifFormat, sarifFormatter } from '../../src/formatters/sarif.ts';
import { githubFormat, githubFormatter } from '../../src/formatters/github.ts';
import { FindingFileGrouping, resultsByFindingFile } from '../../src/formatters/results-by-file.ts';
import type { Formatter, StreamingFormat } from '../../src/formatters/formatter.ts';
import { allRules } from '../../rules/index.ts';
import { writePools } from '../../scripts/generate-pools.mjs';

const context = { color: false, catalogDate: '2026-08-01', cwd: '/repo', rules: allRules, version: '0.1.0' };

/** A template whose findings land in its parameters file too, then a folder of plain pool files. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'batchlint-stream-'));
  cpSync(new URL('../../fixtures/formats/arm/parameters', import.meta.url), join(root, 'a'), { recursive: true });
  writePools(join(root, 'b'), 12);
  return root;
}

const FORMATS: [string, StreamingFormat, Formatter][] = [
  ['json', jsonFormat, jsonFormatter],
  ['stylish', stylishFormat, stylishFormatter],
  ['sarif', sarifFormat, sarifFormatter],
  ['github', githubFormat, githubFormatter],
];

describe('lint with a result stream', () => {
  for (const [name, format, formatter] of FORMATS) {
    it(`writes the ${name} report file by file, as it would write the whole report`, async () => {
      const root = workspace();
      const whole = await lint({ patterns: ['.'], cwd: root, facts: createFacts(), rules: allRules });
      const writer = format(context);
      const chunks: string[] = [];
      const streamed = await lint({
        patterns: ['.'],
        cwd: root,
        facts: createFacts(),
        rules: allRules,
        stream: {
          start: (environment) => void chunks.push(writer.start(environment)),
          result: (result, settled) => void chunks.push(writer.result(result, settled)),
        },
      });
      chunks.push(writer.end(streamed, context));
      expect(streamed.results).toEqual([]);
      expect(streamed.summary).toEqual(whole.summary);
      expect(chunks.join('')).toBe(formatter(whole, context));
      // Written as it went: the first plain pool file's part came before the last file was linted.
      expect(chunks.slice(1, -2).some((chunk) => chunk.includes('b/pool-0000.json'))).toBe(true);
    });
  }
});

describe('FindingFileGrouping', () => {
  const finding = (filePath: string, line: number) => ({
    ruleId: 'r',
    severity: 'error' as const,
    message: 'm',
    filePath,
    line,
    column: 1,
    endLine: 1,
    endColumn: 2,
    docsUrl: 'u',
  });
  const results: FileResult[] = [
    { filePath: 'a/t.json', findings: [finding('a/t.json', 1), finding('a/t.parameters.json', 2)] },
    { filePath: 'b/p.json', findings: [finding('b/p.json', 3)] },
    { filePath: 'a/u.json', findings: [finding('a/t.parameters.json', 4)] },
  ];

  it('holds back a file later results may add to, and everything after it, then gives the same entries as the whole report', () => {
    const grouping = new FindingFileGrouping();
    const taken: string[][] = [];
    const open = new Set(['a/t.parameters.json']);
    for (const result of results) {
      grouping.add(result);
      taken.push(grouping.take((filePath) => !open.has(filePath)).map((entry) => entry.filePath));
      if (result.filePath === 'a/u.json') open.clear();
    }
    taken.push(grouping.take(() => true).map((entry) => entry.filePath));
    expect(taken).toEqual([['a/t.json'], [], [], ['a/t.parameters.json', 'b/p.json', 'a/u.json']]);
    expect(
      resultsByFindingFile({ environment: 'none', results, notChecked: [], notLinted: [], summary: { files: 3, pools: 3, errors: 4, warnings: 0, infos: 0, fixed: 0 } }),
    ).toEqual([
      { filePath: 'a/t.json', findings: [results[0]!.findings[0]] },
      { filePath: 'a/t.parameters.json', findings: [results[0]!.findings[1], results[2]!.findings[0]] },
      { filePath: 'b/p.json', findings: results[1]!.findings },
      { filePath: 'a/u.json', findings: [] },
    ]);
  });
});
