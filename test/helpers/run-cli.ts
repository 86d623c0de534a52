import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './lint-fixture.ts';

export const CLI = resolve(PROJECT_ROOT, 'dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with the Node that runs the tests. */
export function runCli(args: string[], options: { cwd?: string; input?: string; nodeArgs?: string[]; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking: for runs that talk to a server of the test's own process (the fake Azure).
 * `stdout` may be a file to write the output to, as a shell's `>` would.
 */
export function runCliAsync(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
