import { InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { ConfigLocator } from '../config/load-config.ts';
import { FILES_PER_CHUNK, serveFileJobs, workerPool, type FileLinterPool } from '../engine/lint-workers.ts';
import type { SourceOptions } from '../model/source-adapter.ts';
import { factsForRun, type FactsRequest } from '../setup/facts-for-run.ts';
import { allRules } from '../../rules/index.ts';

/** --concurrency: how many threads lint files; `auto` uses the CPUs for a run large enough to gain from it. */
export type Concurrency = number | 'auto' | 'off';

/**
 * Below this, a run ends before extra threads pay for themselves: each loads batchlint (~45 ms) and warms up on
 * its own. Measured on 2 vCPUs: 1,000 files take 1.2× as long on two threads, 2,000 about as long, 10,000 0.8×.
 */
export const AUTO_MIN_FILES = 2000;
const AUTO_MAX_THREADS = 4;

/**
 * Worker threads are started with this argument: the CLI's module then serves them instead of running a command.
 * Told by argv, as node:worker_threads is not loaded at start.
 */
const LINT_WORKER_ARGUMENT = '--batchlint-lint-worker';

export function isLintWorker(): boolean {
  return process.argv.includes(LINT_WORKER_ARGUMENT);
}

/** What a worker needs to lint as the main thread does: it builds its own rules, facts and configs from it. */
export interface LintWorkerData {
  batchlintLintWorker: { cwd: string; configPath?: string; facts: FactsRequest; sources: SourceOptions };
}

export function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1) throw new InvalidArgumentError('expected auto, off or a number of threads ≥ 1');
  return threads;
}

/**
 * The run's worker threads for the engine, or undefined to lint on this thread: live mode gathers facts on
 * this thread, so it stays here. `script` is the module workers run (the CLI's own, which serves them).
 */
export function lintWorkers(concurrency: Concurrency, script: URL, data: LintWorkerData): ((fileCount: number) => FileLinterPool | undefined) | undefined {
  if (concurrency === 'off' || concurrency === 1 || data.batchlintLintWorker.facts.live) return undefined;
  return (fileCount) => {
    // Each thread lints a chunk of files at least: a few files asked of --concurrency 4 in a hook start no worker.
    const threads = Math.min(concurrency === 'auto' ? autoThreads(fileCount) : concurrency, Math.ceil(fileCount / FILES_PER_CHUNK));
    // This thread lints too, between writing the results the workers send.
    return threads < 2 ? undefined : workerPool({ script, workerData: data, argv: [LINT_WORKER_ARGUMENT], workers: threads - 1 });
  };
}

function autoThreads(fileCount: number): number {
  return fileCount < AUTO_MIN_FILES ? 1 : Math.min(availableParallelism(), AUTO_MAX_THREADS);
}

function isLintWorkerData(data: unknown): data is LintWorkerData {
  return typeof data === 'object' && data !== null && 'batchlintLintWorker' in data;
}

/** A worker's side: the rules, facts and configs of the run, then file after file as the main thread deals them. */
export async function serveLintWorker(): Promise<void> {
  const workerData: unknown = (await import('node:worker_threads')).workerData;
  if (!isLintWorkerData(workerData)) throw new Error(`${LINT_WORKER_ARGUMENT} is for batchlint's own worker threads`);
  const run = workerData.batchlintLintWorker;
  const facts = await factsForRun(run.facts);
  if (typeof facts === 'object' && 'gatherFor' in facts) throw new Error('live mode lints on the main thread');
  const configs = new ConfigLocator(
    run.configPath,
    run.cwd,
    allRules.map((rule) => rule.meta.id),
  );
  await serveFileJobs({ rules: allRules, facts, configs, options: { cwd: run.cwd, sources: run.sources } });
}
