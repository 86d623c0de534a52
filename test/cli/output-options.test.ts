import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/run-cli.ts';
import { parseBaseline, parseJsonReport, parseSarifLog } from '../helpers/cli-output.ts';

const RENDER_POOL = readFileSync(new URL('../../fixtures/examples/render-pool.json', import.meta.url), 'utf8');

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-output-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const ruleIds = (stdout: string) => parseJsonReport(stdout).results.flatMap((result: { findings: { ruleId: string }[] }) => result.findings.map((finding) => finding.ruleId));

describe('output options', () => {
  it('--quiet reports errors only', () => {
    const folder = folderWith({ 'pool.json': RENDER_POOL });
    const findings = parseJsonReport(runCli(['lint', '.', '--format', 'json', '--quiet'], { cwd: folder }).stdout).results[0]!.findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding: { severity: string }) => finding.severity === 'error')).toBe(true);
  });

  it('--quiet --max-warnings 0 fails on warnings it does not show, as in ESLint', () => {
    const folder = folderWith({ 'pool.json': RENDER_POOL });
    const run = runCli(['lint', '.', '--quiet', '--max-warnings', '0'], { cwd: folder });
    expect(run.stdout).not.toMatch(/^ +\d+:\d+ +warning/m);
    expect(run.stdout).toMatch(/too many warnings: [1-9]\d*, more than --max-warnings 0 \(not shown: --quiet; run without it to see them\)/);
    expect(run.status).toBe(1);
    expect(runCli(['lint', '.', '--quiet', '--max-warnings', '1000'], { cwd: folder }).stdout).not.toContain('too many warnings');
  });

  it('stops quietly when the reader of its output leaves (| head)', () => {
    const folder = folderWith(Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`pool-${index}.json`, RENDER_POOL])));
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint . 2>stderr.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(readFileSync(join(folder, 'stderr.txt'), 'utf8')).toBe('');
    expect(run.stdout.trim()).toBe('1');
  });

  it('--format github and --format markdown serve CIs other than the Action', () => {
    const folder = folderWith({ 'pool.json': RENDER_POOL });
    const github = runCli(['lint', '.', '--format', 'github'], { cwd: folder });
    expect(github.stdout).toMatch(/^::error file=pool\.json,line=4,col=13,endLine=4,endColumn=29,title=vm-size-hypervisor-generation::/m);
    expect(github.status).toBe(1);
    const markdown = runCli(['lint', '.', '--format', 'markdown'], { cwd: folder }).stdout;
    expect(markdown).toContain('### `pool.json`\n\n| Line | Severity | Rule | Pool | Message |');
  });

  it('--output-file writes the report there and nothing to stdout', () => {
    const folder = folderWith({ 'pool.json': RENDER_POOL });
    const run = runCli(['lint', '.', '--format', 'sarif', '--output-file', 'out.sarif'], { cwd: folder });
    expect(run.stdout).toBe('');
    expect(parseSarifLog(readFileSync(join(folder, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(run.status).toBe(1);
  });
});

const SCRIPT = '/usr/bin/script';

/** The CLI's output when stdout is a terminal: util-linux script(1) gives it a pseudo-terminal. */
function onTerminal(args: string[], env: Record<string, string | undefined>): string {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  return spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { cwd: folderWith({ 'pool.json': RENDER_POOL }), encoding: 'utf8', env }).stdout;
}

describe.skipIf(!existsSync(SCRIPT))('colour', () => {
  const env = { ...process.env, NO_COLOR: undefined };
  const ESCAPE = '\u001b[';

  it('colours the stylish report on a terminal', () => {
    expect(onTerminal(['lint', 'pool.json'], env)).toContain(`${ESCAPE}31merror`);
  });

  it('--no-color and NO_COLOR turn it off', () => {
    const plain = onTerminal(['lint', 'pool.json', '--no-color'], env);
    expect(plain).toMatch(/4:13 +error/);
    expect(plain).not.toContain(ESCAPE);
    expect(onTerminal(['lint', 'pool.json'], { ...env, NO_COLOR: '1' })).not.toContain(ESCAPE);
  });
});

describe('baselines', () => {
  it("records today's findings and then reports only new ones", () => {
    const folder = folderWith({ 'pool.json': RENDER_POOL });
    const write = runCli(['lint', '.', '--write-baseline', 'batchlint.baseline.json'], { cwd: folder });
    expect(write.status).toBe(0);
    expect(write.stdout).toMatch(/recorded 5 finding\(s\)/);
    const baseline = parseBaseline(readFileSync(join(folder, 'batchlint.baseline.json'), 'utf8'));
    expect(baseline.findings[0]).toEqual({ ruleId: expect.any(String), filePath: 'pool.json', poolId: 'render-linux', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);

    // an unrelated edit moves every finding down a line: all of them stay suppressed
    writeFileSync(join(folder, 'pool.json'), RENDER_POOL.replace('{\n', '{\n  "metadata": [],\n'));
    const same = runCli(['lint', '.', '--format', 'json', '--baseline', 'batchlint.baseline.json'], { cwd: folder });
    expect(ruleIds(same.stdout)).toEqual([]);
    expect(same.status).toBe(0);

    // a new problem is reported, the accepted ones are not
    writeFileSync(join(folder, 'pool.json'), RENDER_POOL.replace('"taskSlotsPerNode": 1', '"taskSlotsPerNode": 0'));
    const next = runCli(['lint', '.', '--format', 'json', '--baseline', 'batchlint.baseline.json'], { cwd: folder });
    expect(ruleIds(next.stdout)).toEqual(['pool-schema']);
    expect(next.status).toBe(1);
  });

  it('refuses a file that is not a baseline, with exit 2', () => {
    const folder = folderWith({ 'pool.json': RENDER_POOL, 'nope.json': '{"findings": 3}' });
    const run = runCli(['lint', 'pool.json', '--baseline', 'nope.json'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('batchlint: nope.json is not a batchlint baseline (version 1)\n');
  });

  it('keeps a note on stderr beside the file it follows when both go to one pipe, though output is written in batches', () => {
    const folder = folderWith({ 'a.json': RENDER_POOL, 'b.json': '{ "name": "not a pool" }\n', 'c.json': RENDER_POOL });
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lint . --debug 2>&1`], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    const place = (pattern: RegExp) => run.stdout.search(pattern);
    expect(place(/^a\.json$/m)).toBeGreaterThanOrEqual(0);
    expect(place(/batchlint: skipped b\.json/)).toBeGreaterThan(place(/^a\.json$/m));
    expect(place(/^c\.json$/m)).toBeGreaterThan(place(/batchlint: skipped b\.json/));
  });
});
