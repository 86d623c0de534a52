import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePools } from '../../scripts/generate-pools.mjs';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { CLI, runCli } from '../helpers/run-cli.ts';
import { parseJsonReport } from '../helpers/cli-output.ts';
import { AUTO_MIN_FILES } from '../../src/cli/parallel-lint.ts';

describe('lint --concurrency', () => {
  // Every format, parameters and variables files, Bicep modules with their callers, Terraform modules, context
  // files per folder, files that do not parse: the workers must give exactly what one thread gives.
  it.each(['json', 'stylish', 'sarif'])('gives the same %s report and exit code on worker threads as on one thread, over every fixture', (format) => {
    const single = runCli(['lint', 'fixtures', '--format', format, '--concurrency', 'off']);
    const threaded = runCli(['lint', 'fixtures', '--format', format, '--concurrency', '3']);

    expect(single.status).toBe(1);
    expect(threaded.status).toBe(single.status);
    expect(threaded.stderr).toBe(single.stderr);
    expect(threaded.stdout).toBe(single.stdout);
    if (format === 'json') expect(parseJsonReport(threaded.stdout).summary.files).toBeGreaterThan(300);
  });

  it('gives the same report with auto on a run large enough to start workers', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-concurrency-'));
    writePools(join(folder, 'pools'), AUTO_MIN_FILES);
    const single = runCli(['lint', 'pools', '--format', 'json'], { cwd: folder });
    const auto = runCli(['lint', 'pools', '--format', 'json', '--concurrency', 'auto'], { cwd: folder });

    expect(auto.status).toBe(single.status);
    expect(auto.stdout).toBe(single.stdout);
    expect(parseJsonReport(auto.stdout).summary).toMatchObject({ files: AUTO_MIN_FILES, pools: AUTO_MIN_FILES });
  });

  it('says with --debug how many files the workers linted', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-concurrency-debug-'));
    writePools(join(folder, 'pools'), 1000);
    const threaded = runCli(['lint', 'pools', '--format', 'json', '--concurrency', '2', '--debug'], { cwd: folder });
    const single = runCli(['lint', 'pools', '--format', 'json', '--debug'], { cwd: folder });

    const share = /batchlint: (\d+) file\(s\) were linted on 1 worker thread\(s\), the others on the main thread/.exec(threaded.stderr);
    expect(share).not.toBeNull();
    expect(Number(share![1])).toBeGreaterThan(0);
    expect(Number(share![1])).toBeLessThan(1000);
    expect(single.stderr).not.toContain('worker thread');
  });

  it('judges each file by the context file of its folder on the workers as well', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-concurrency-context-'));
    // Generated pools first: by the time the files with context files come, the worker has started.
    writePools(join(folder, 'a-pools'), 300);
    cpSync(join(PROJECT_ROOT, 'fixtures', 'environments'), join(folder, 'environments'), { recursive: true });
    const single = runCli(['lint', '.', '--format', 'json', '--concurrency', 'off'], { cwd: folder });
    const threaded = runCli(['lint', '.', '--format', 'json', '--concurrency', '2'], { cwd: folder });

    expect(threaded.stdout).toBe(single.stdout);
    expect(parseJsonReport(single.stdout).environment).toBe('context');
  });

  it('still fixes files with --fix, on one thread', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-concurrency-fix-'));
    cpSync(join(PROJECT_ROOT, 'fixtures', 'fixes'), join(folder, 'fixes'), { recursive: true });
    const reference = mkdtempSync(join(tmpdir(), 'batchlint-concurrency-fix-ref-'));
    cpSync(join(PROJECT_ROOT, 'fixtures', 'fixes'), join(reference, 'fixes'), { recursive: true });

    const threaded = runCli(['lint', 'fixes', '--fix', '--concurrency', '4'], { cwd: folder });
    const single = runCli(['lint', 'fixes', '--fix'], { cwd: reference });

    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.status).toBe(single.status);
    const fixedFile = (root: string) => readFileSync(join(root, 'fixes', 'list-of-pools.yaml'), 'utf8');
    expect(fixedFile(folder)).toBe(fixedFile(reference));
    expect(fixedFile(folder)).not.toBe(readFileSync(join(PROJECT_ROOT, 'fixtures', 'fixes', 'list-of-pools.yaml'), 'utf8'));
  });

  it('starts no worker for a run of a few files, whatever number it is given', () => {
    const run = runCli(['lint', 'fixtures/examples', '--concurrency', '4', '--debug']);

    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('worker thread');
  });

  it('lints as the CLI when a tool runs it on a worker thread of its own', () => {
    const script = `const { Worker } = require('node:worker_threads'); new Worker(${JSON.stringify(CLI)}, { argv: ['lint', 'fixtures/examples/render-pool.json', '--format', 'json'] });`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });

    expect(parseJsonReport(run.stdout).summary.files).toBe(1);
  });

  it.each(['0', 'two', '1.5', '-1'])('refuses --concurrency %s with a usage error', (value) => {
    const run = runCli(['lint', 'fixtures/examples', '--concurrency', value]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("option '--concurrency <threads>' argument");
    expect(run.stderr).toContain('expected auto, off or a number of threads ≥ 1');
  });
});
