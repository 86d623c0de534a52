import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../src/engine/lint-file.ts';
import { RuleCrashed } from '../../src/engine/lint-text.ts';
import { workerPool, type FileJob, type WorkersShare } from '../../src/engine/lint-workers.ts';

/** A stand-in worker speaking the pool's protocol: `startup` runs first, `body` handles each `{ start, jobs }` message with `port`. */
function fakeWorker(body: string, { ready = true, startup = '' } = {}): URL {
  const path = join(mkdtempSync(join(tmpdir(), 'batchlint-fake-worker-')), 'worker.mjs');
  writeFileSync(
    path,
    `import { parentPort as port } from 'node:worker_threads';\n${startup}\n${ready ? 'port.postMessage({ ready: true });\n' : ''}port.on('message', async ({ start, jobs }) => {\n${body}\n});\n`,
  );
  return pathToFileURL(path);
}

const jobs = (count: number): FileJob[] => Array.from({ length: count }, (_, index) => ({ filePath: `pool-${index}.json`, named: false }));
const here = (position: number): Promise<FileOutcome> => Promise.resolve({ notAPoolReason: `here ${position}` });
/** This thread's own files take long enough for the worker to start and be dealt some. */
const slowly = (position: number) => new Promise<FileOutcome>((resolve) => setTimeout(() => resolve({ notAPoolReason: `here ${position}` }), 20));

async function drain(generator: AsyncGenerator<FileOutcome, WorkersShare>) {
  const outcomes: string[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { outcomes, share: next.value };
    outcomes.push('notAPoolReason' in next.value ? next.value.notAPoolReason : next.value.fileResult.filePath);
  }
}

describe('the worker pool', () => {
  it('gives the outcomes in the order of the jobs, whichever thread linted them and whenever they came back', async () => {
    // Later chunks answer sooner than earlier ones.
    const script = fakeWorker(
      "await new Promise((resolve) => setTimeout(resolve, Math.max(0, 40 - start)));\nport.postMessage({ start, outcomes: jobs.map((job) => ({ notAPoolReason: 'worker ' + job.filePath })) });",
    );
    const slowHere = async (position: number): Promise<FileOutcome> => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { notAPoolReason: `here pool-${position}.json` };
    };
    const { outcomes, share } = await drain(workerPool({ script, workerData: {}, argv: [], workers: 2 }).outcomes(jobs(200), slowHere));

    expect(outcomes.map((outcome) => outcome.replace(/^(worker|here) /, ''))).toEqual(jobs(200).map((job) => job.filePath));
    expect(share.workers).toBe(2);
    expect(share.filesOnWorkers).toBe(outcomes.filter((outcome) => outcome.startsWith('worker ')).length);
    expect(share.filesOnWorkers).toBeGreaterThan(0);
  });

  it('lints every file on this thread when no worker gets ready', async () => {
    const script = fakeWorker('', { ready: false });
    const { outcomes, share } = await drain(workerPool({ script, workerData: {}, argv: [], workers: 1 }).outcomes(jobs(40), here));

    expect(outcomes).toEqual(jobs(40).map((_, position) => `here ${position}`));
    expect(share).toEqual({ workers: 1, filesOnWorkers: 0, notStarted: [] });
  });

  it('goes on without a worker that fails to start, and says why', async () => {
    const script = fakeWorker('', { startup: "throw new Error('no memory for a thread');" });
    const { outcomes, share } = await drain(workerPool({ script, workerData: {}, argv: [], workers: 1 }).outcomes(jobs(100), slowly));

    expect(outcomes).toEqual(jobs(100).map((_, position) => `here ${position}`));
    expect(share.workers).toBe(0);
    expect(share.notStarted).toEqual([expect.stringContaining('no memory for a thread')]);
  });

  it("throws a rule's crash in a worker as the RuleCrashed a run on one thread throws, in its turn", async () => {
    // Each chunk: two files linted, then a rule crashes on the third.
    const script = fakeWorker(
      "port.postMessage({ start, outcomes: jobs.slice(0, 2).map((job) => ({ notAPoolReason: 'worker ' + job.filePath })), failed: { name: 'Error', message: 'ignored', ruleCrash: { ruleId: 'vm-size-unknown', filePath: jobs[2].filePath, cause: 'x is undefined' } } });",
    );
    const generator = workerPool({ script, workerData: {}, argv: [], workers: 1 }).outcomes(jobs(64), slowly);

    const yielded: string[] = [];
    const failure = await (async () => {
      for await (const outcome of generator) yielded.push('notAPoolReason' in outcome ? outcome.notAPoolReason : '');
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RuleCrashed);
    const crash = failure as RuleCrashed;
    expect(crash.message).toBe(new RuleCrashed('vm-size-unknown', crash.filePath, new Error('x is undefined')).message);
    // The files before the one that crashed, each once and in order, and none after it.
    const crashedAt = Number(/^pool-(\d+)\.json$/.exec(crash.filePath)![1]);
    expect(yielded.map((outcome) => Number(/(\d+)(\.json)?$/.exec(outcome)![1]))).toEqual(Array.from({ length: crashedAt }, (_, position) => position));
  });

  it('fails the run, not hang it, when a worker stops', async () => {
    const script = fakeWorker('process.exit(3);');
    const generator = workerPool({ script, workerData: {}, argv: [], workers: 1 }).outcomes(jobs(64), slowly);

    await expect(drain(generator)).rejects.toThrow('a lint worker stopped before its files were linted (exit code 3)');
  });
});
