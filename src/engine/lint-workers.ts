import type { Worker } from 'node:worker_threads';
import type { ConfigLocator } from '../config/load-config.ts';
import type { Facts } from '../model/facts.ts';
import type { AnyRule } from '../model/rule.ts';
import { fileInput, lintInput, type FileLintOptions, type FileOutcome } from './lint-file.ts';
import { RuleCrashed } from './lint-text.ts';

/** A file on disk for a worker to lint. */
export interface FileJob {
  filePath: string;
  named: boolean;
}

/**
 * Lints files on other threads and on this one: the outcomes come back in the order of the jobs, as a run on
 * one thread gives them. This thread lints the next files itself (with `lintHere`) rather than wait for them.
 */
export interface FileLinterPool {
  outcomes(jobs: readonly FileJob[], lintHere: (position: number) => Promise<FileOutcome>): AsyncGenerator<FileOutcome, WorkersShare>;
}

/** How the files were shared out, for --debug. */
export interface WorkersShare {
  workers: number;
  filesOnWorkers: number;
  /** Why workers that never got ready stopped: the run went on without them. */
  notStarted: string[];
}

export interface WorkerPoolOptions {
  /** The module each worker runs: it calls serveFileJobs. */
  script: URL;
  workerData: unknown;
  /** Appended to each worker's process.argv. */
  argv: string[];
  /** How many workers to start; this thread lints besides them. */
  workers: number;
}

/** Files a worker is given at once: enough to make a message's cost small, few enough to share the work evenly. */
export const FILES_PER_CHUNK = 16;
/** Chunks a worker holds, so that it has the next one while its last results travel back. */
const CHUNKS_IN_FLIGHT = 3;
/** Outcomes waiting for the slowest file before them (or a slow reader of the output) stay below this. */
const MAX_AHEAD = 512;

interface JobsMessage {
  start: number;
  jobs: FileJob[];
}

/** `ready` first, once the worker has loaded batchlint: a chunk dealt before would wait there while this thread could lint it. */
type ResultMessage = { ready: true } | { start: number; outcomes: FileOutcome[]; failed?: FailureReport };

interface FailureReport {
  name: string;
  message: string;
  ruleCrash?: { ruleId: string; filePath: string; cause: string };
}

export function workerPool(options: WorkerPoolOptions): FileLinterPool {
  return { outcomes: (jobs, lintHere) => lintOnWorkers(jobs, lintHere, options) };
}

async function* lintOnWorkers(
  jobs: readonly FileJob[],
  lintHere: (position: number) => Promise<FileOutcome>,
  options: WorkerPoolOptions,
): AsyncGenerator<FileOutcome, WorkersShare> {
  /** A file's outcome, or the error linting it threw: thrown in its turn, after the files before it, as on one thread. */
  const results = new Map<number, FileOutcome | Error>();
  /** A worker lost after it was dealt files: the run cannot go on. */
  let failure: Error | undefined;
  let finished = false;
  let wake = () => {};
  let nextToDeal = 0;
  let nextToYield = 0;
  let filesHere = 0;
  const notStarted: string[] = [];
  /** Chunks each ready worker holds. */
  const inFlight = new Map<Worker, number>();

  const mayDeal = () => nextToDeal < jobs.length && nextToDeal - nextToYield < MAX_AHEAD;
  const deal = (worker: Worker) => {
    while (inFlight.has(worker) && inFlight.get(worker)! < CHUNKS_IN_FLIGHT && mayDeal()) {
      const message: JobsMessage = { start: nextToDeal, jobs: jobs.slice(nextToDeal, nextToDeal + FILES_PER_CHUNK) };
      nextToDeal += message.jobs.length;
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
      worker.postMessage(message);
    }
  };
  const fail = (error: Error) => {
    failure ??= error;
    wake();
  };

  // Loaded here, not at start: node:worker_threads costs a run of one file ~7 ms.
  const { Worker } = await import('node:worker_threads');
  const workers = Array.from({ length: options.workers }, () => {
    const worker = new Worker(options.script, { workerData: options.workerData, argv: options.argv });
    worker.on('message', (message: ResultMessage) => {
      if ('ready' in message) {
        inFlight.set(worker, 0);
        return deal(worker);
      }
      inFlight.set(worker, inFlight.get(worker)! - 1);
      message.outcomes.forEach((outcome, offset) => results.set(message.start + offset, outcome));
      if (message.failed) results.set(message.start + message.outcomes.length, failureOf(message.failed));
      deal(worker);
      wake();
    });
    // A worker that cannot start (no memory for a thread, its module missing) is done without: this thread lints its share.
    const stopped = (reason: string, error: Error) => {
      if (finished) return;
      if (inFlight.has(worker)) return fail(error);
      if (workers.includes(worker)) {
        workers.splice(workers.indexOf(worker), 1);
        notStarted.push(reason);
        wake();
      }
    };
    worker.on('error', (error) => stopped(error.message, error));
    worker.on('exit', (code) => stopped(`exit code ${code}`, new Error(`a lint worker stopped before its files were linted (exit code ${code})`)));
    return worker;
  });

  try {
    while (nextToYield < jobs.length) {
      if (failure) throw failure;
      const outcome = results.get(nextToYield);
      if (outcome === undefined && mayDeal()) {
        // Workers take tens of milliseconds to start, and this thread would only wait: it lints the next chunk meanwhile.
        const end = Math.min(nextToDeal + FILES_PER_CHUNK, jobs.length);
        while (nextToDeal < end) {
          const position = nextToDeal++;
          results.set(position, await lintHere(position).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
          filesHere++;
        }
        // Workers' results wait in the event loop's queue: take them, and deal the workers more, before the next chunk.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (outcome === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (outcome instanceof Error) throw outcome;
      results.delete(nextToYield++);
      for (const worker of workers) deal(worker);
      yield outcome;
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { workers: workers.length, filesOnWorkers: jobs.length - filesHere, notStarted };
}

/** The same error as a run on one thread would have thrown, so the CLI words it the same way. */
function failureOf(report: FailureReport): Error {
  if (report.ruleCrash) return new RuleCrashed(report.ruleCrash.ruleId, report.ruleCrash.filePath, new Error(report.ruleCrash.cause));
  return Object.assign(new Error(report.message), { name: report.name });
}

/** What a worker lints with: the run's rules, facts and configs, made in the worker as the main thread made them. */
export interface FileJobSetup {
  rules: readonly AnyRule[];
  facts: Facts | ((filePath: string) => Promise<Facts>);
  configs: ConfigLocator;
  options: FileLintOptions;
}

/** The worker's side: lints each chunk of jobs it is sent and sends back their outcomes. */
export async function serveFileJobs(setup: FileJobSetup): Promise<void> {
  const port = (await import('node:worker_threads')).parentPort;
  if (!port) throw new Error('serveFileJobs runs in a worker thread');
  // The outcomes up to a file whose lint threw, and the error in that file's place.
  const lintChunk = async ({ start, jobs }: JobsMessage) => {
    const outcomes: FileOutcome[] = [];
    try {
      for (const job of jobs) outcomes.push(await lintJob(job, setup));
      port.postMessage({ start, outcomes } satisfies ResultMessage);
    } catch (error) {
      port.postMessage({ start, outcomes, failed: reportOf(error) } satisfies ResultMessage);
    }
  };
  // One chunk after the other: a chunk's awaits must not let the next one's files in between.
  let linting = Promise.resolve();
  port.on('message', (message: JobsMessage) => {
    linting = linting.then(() => lintChunk(message));
  });
  port.postMessage({ ready: true } satisfies ResultMessage);
}

async function lintJob(job: FileJob, { rules, facts, configs, options }: FileJobSetup): Promise<FileOutcome> {
  const config = await configs.forFile(job.filePath);
  const fileFacts = typeof facts === 'function' ? await facts(job.filePath) : facts;
  return lintInput(fileInput(job.filePath, job.named), config, rules, fileFacts, options);
}

function reportOf(error: unknown): FailureReport {
  if (error instanceof RuleCrashed) {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    return { name: error.name, message: error.message, ruleCrash: { ruleId: error.ruleId, filePath: error.filePath, cause } };
  }
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}
