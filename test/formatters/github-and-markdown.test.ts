import { describe, expect, it } from 'vitest';
import { githubFormatter } from '../../src/formatters/github.ts';
import { markdownFormatter } from '../../src/formatters/markdown.ts';
import type { LintReport } from '../../src/engine/lint.ts';
import { allRules } from '../../rules/index.ts';

const report: LintReport = {
  environment: 'none',
  results: [
    {
      filePath: 'pools/a,b:c.json',
      findings: [
        {
          ruleId: 'start-task-shell',
          severity: 'error',
          message: 'uses && | and %PATH%\nsecond line; url https://x.blob.core.windows.net/c/f?sv=1&sig=SECRET123',
          filePath: 'pools/a,b:c.json',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 20,
          poolId: 'p|1',
          docsUrl: 'https://example/docs/rules/start-task-shell.md',
        },
        { ruleId: 'windows-automatic-updates', severity: 'warning', message: 'w', filePath: 'pools/a,b:c.json', line: 9, column: 1, endLine: 9, endColumn: 2, docsUrl: 'https://example/w.md' },
      ],
    },
  ],
  notChecked: [{ ruleId: 'vm-size-hypervisor-generation', filePath: 'pools/a,b:c.json', poolId: 'p|1', reason: 'gallery image' }],
  notLinted: [],
  summary: { files: 1, pools: 1, errors: 1, warnings: 1, infos: 0, fixed: 0 },
};
const context = { color: false, catalogDate: '2026-08-01', cwd: '/repo', rules: allRules, version: '0.1.0' };

describe('--format github', () => {
  const lines = githubFormatter(report, context).trimEnd().split('\n');

  it('writes one workflow command per finding, with file, lines, columns and the rule as title', () => {
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=pools\/a%2Cb%3Ac\.json,line=3,col=5,endLine=3,endColumn=20,title=start-task-shell::/);
    expect(lines[1]).toMatch(/^::warning file=.*,line=9,col=1,endLine=9,endColumn=2,title=windows-automatic-updates::w \(https:\/\/example\/w\.md\)$/);
  });

  it('escapes newlines and percent signs so a message cannot start a command of its own, and redacts secrets', () => {
    expect(lines[0]).toContain('%25PATH%25%0Asecond line');
    expect(lines[0]).not.toContain('SECRET123');
  });
});

describe('--format markdown', () => {
  const text = markdownFormatter(report, context);

  it('has a table per file linking each rule to its docs, and says what was not checked', () => {
    expect(text).toContain('### `pools/a,b:c.json`');
    expect(text).toContain('| 3:5 | ❌ error | [start-task-shell](https://example/docs/rules/start-task-shell.md) | p\\|1 |');
    expect(text).toContain('### Not checked');
    expect(text).toContain('| vm-size-hypervisor-generation | gallery image |');
    expect(text).not.toContain('SECRET123');
  });
});
