import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../src/engine/lint-file.ts';
import { RuleCrashed } from '../../src/engine/lint-text.ts';
import { workerPool, type FileJob } from '../../src/engine/lint-workers.ts';

/** A stand-in worker speaking the pool's protocol: `body` handles each `{ start, jobs }` message with `port`. */
function fakeWorker(body: string, { ready = true } = {}): URL {
  const path = join(mkdtempSync(join(tmpdir(), 'batchlint-fake-worker-')), 'worker.mjs');
  writeFileSync(
    path,
    `import { parentPort as port } from 'node:worker_threads';\n${ready ? 'port.postMessage({ ready: true });\n' : ''}port.on('message', async ({ start, jobs }) => {\n${body}\n});\n`,
  );
  return pathToFileURL(path);
}

const jobs = (count: number): FileJob[] => Array.from({ length: count }, (_, index) => ({ filePath: `pool-${index}.json`, named: false }));
const here = (position: number): Promise<FileOutcome> => Promise.resolve({ notAPoolReason: `here ${position}` });
/** This thread's own files take long enough for the worker to start and be dealt some. */
const slowly = (position: number) => new Promise<FileOutcome>((resolve) => setTimeout(() => resolve({ notAPoolReason: `here ${position}` }), 20));

async function drain(generator: AsyncGenerator<FileOutcome, { workers: number; filesOnWorkers: number }>) {
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
    const { outcomes, share } = await drain(workerPool({ script, workerData: {}, threads: 2 }).outcomes(jobs(200), slowHere));

    expect(outcomes.map((outcome) => outcome.replace(/^(worker|here) /, ''))).toEqual(jobs(200).map((job) => job.filePath));
    expect(share.workers).toBe(2);
    expect(share.filesOnWorkers).toBe(outcomes.filter((outcome) => outcome.startsWith('worker ')).length);
    expect(share.filesOnWorkers).toBeGreaterThan(0);
  });

  it('lints every file on this thread when no worker gets ready', async () => {
    const script = fakeWorker('', { ready: false });
    const { outcomes, share } = await drain(workerPool({ script, workerData: {}, threads: 1 }).outcomes(jobs(40), here));

    expect(outcomes).toEqual(jobs(40).map((_, position) => `here ${position}`));
    expect(share).toEqual({ workers: 1, filesOnWorkers: 0 });
  });

  it("throws a rule's crash in a worker as the same RuleCrashed a run on one thread throws", async () => {
    const script = fakeWorker(
      "port.postMessage({ start, failed: { name: 'Error', message: 'ignored', ruleCrash: { ruleId: 'vm-size-unknown', filePath: jobs[0].filePath, cause: 'x is undefined' } } });",
    );
    const generator = workerPool({ script, workerData: {}, threads: 1 }).outcomes(jobs(64), slowly);

    const failure = await drain(generator).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RuleCrashed);
    const crash = failure as RuleCrashed;
    expect(crash.filePath).toMatch(/^pool-\d+\.json$/);
    expect(crash.message).toBe(new RuleCrashed('vm-size-unknown', crash.filePath, new Error('x is undefined')).message);
  });

  it('fails the run, not hang it, when a worker stops', async () => {
    const script = fakeWorker('process.exit(3);');
    const generator = workerPool({ script, workerData: {}, threads: 1 }).outcomes(jobs(64), slowly);

    await expect(drain(generator)).rejects.toThrow('a lint worker stopped before its files were linted (exit code 3)');
  });
});
