import { describe, expect, it } from 'vitest';
import { githubFormatter } from '../../src/formatters/github.ts';
import { jsonFormatter } from '../../src/formatters/json.ts';
import { markdownFormatter } from '../../src/formatters/markdown.ts';
import { stylishFormatter } from '../../src/formatters/stylish.ts';
import type { LintReport } from '../../src/engine/lint.ts';
import { allRules } from '../../rules/index.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';

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
        {
          ruleId: 'windows-automatic-updates',
          severity: 'warning',
          message: 'w',
          filePath: 'pools/a,b:c.json',
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 2,
          docsUrl: 'https://example/w.md',
        },
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
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=pools\/a%2Cb%3Ac\.json,line=3,col=5,endLine=3,endColumn=20,title=start-task-shell::/);
    expect(lines[1]).toMatch(/^::warning file=.*,line=9,col=1,endLine=9,endColumn=2,title=windows-automatic-updates::w \(https:\/\/example\/w\.md\)$/);
  });

  it('warns once about the checks that could not run, naming each reason and pool', () => {
    expect(lines[2]).toBe(
      '::warning title=batchlint%3A checks not run::1 check(s) could not run, so these pools are not known to be clean:%0A- vm-size-hypervisor-generation: gallery image — pools/a,b:c.json [pool p|1]',
    );
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

describe('a finding on a value from a parameters file', () => {
  const template = 'pools/pool.json';
  const parameters = 'pools/pool.parameters.json';
  const finding = (filePath: string, line: number) => ({
    ruleId: 'vm-size-unknown',
    severity: 'error' as const,
    message: 'm',
    filePath,
    line,
    column: 30,
    endLine: line,
    endColumn: 40,
    docsUrl: 'https://example/d.md',
  });
  const fromParameters: LintReport = {
    environment: 'none',
    results: [
      { filePath: template, findings: [finding(template, 2), finding(parameters, 6)] },
      { filePath: 'pools/other.json', findings: [finding('pools/other.json', 3)] },
    ],
    notChecked: [],
    notLinted: [],
    summary: { files: 2, pools: 2, errors: 3, warnings: 0, infos: 0, fixed: 0 },
  };

  it('is listed under the parameters file in stylish, markdown and json, right after the template', () => {
    const stylish = stylishFormatter(fromParameters, context);
    expect(stylish).toMatch(/^pools\/pool\.json\n +2:30 .*\n\npools\/pool\.parameters\.json\n +6:30 .*\n\npools\/other\.json\n +3:30 /m);
    const markdown = markdownFormatter(fromParameters, context);
    expect(markdown).toMatch(/### `pools\/pool\.parameters\.json`\n\n.*\n.*\n\| 6:30 \|/);
    const json = parseJsonReport(jsonFormatter(fromParameters, context));
    expect(
      json.results.map((result: { filePath: string; findings: { filePath: string; line: number }[] }) => [
        result.filePath,
        result.findings.map((entry) => `${entry.filePath}:${entry.line}`),
      ]),
    ).toEqual([
      [template, [`${template}:2`]],
      [parameters, [`${parameters}:6`]],
      ['pools/other.json', ['pools/other.json:3']],
    ]);
  });
});

describe('the stylish summary', () => {
  const clean: LintReport = {
    environment: 'live',
    results: [{ filePath: 'pools/p.json', findings: [] }],
    notChecked: [],
    notLinted: [],
    summary: { files: 1, pools: 1, errors: 0, warnings: 0, infos: 0, fixed: 0 },
  };

  it('says "no problems" only when every check ran', () => {
    expect(stylishFormatter(clean, context)).toContain('✔ 1 pool(s) in 1 file(s): no problems');
    const unread = {
      ...clean,
      notChecked: [{ ruleId: 'subnet-ip-capacity', filePath: 'pools/p.json', poolId: 'p', reason: 'the subnet could not be read: 403 AuthorizationFailed' }],
    };
    const text = stylishFormatter(unread, context);
    expect(text).not.toContain('no problems');
    expect(text).toMatch(/^! 1 pool\(s\) in 1 file\(s\): nothing found by the checks that ran, but 1 could not run$/m);
    expect(text).toContain('subnet-ip-capacity: the subnet could not be read: 403 AuthorizationFailed — pools/p.json [pool p]');
  });
});
