import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchDataPlaneAdapter } from '../../src/sources/batch/batch-data-plane.ts';
import { parseFile } from '../../src/documents/parse-file.ts';
import { sourceContext } from '../helpers/source-context.ts';
import { findingsOf, lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const FOLDER = 'fixtures/formats/jobs';

async function poolsIn(file: string) {
  const path = `${FOLDER}/${file}`;
  return batchDataPlaneAdapter.extract(await parseFile(path, readFileSync(`${PROJECT_ROOT}/${path}`, 'utf8')), sourceContext());
}

describe('auto pools of jobs and job schedules', () => {
  // The same defect (a start task that waits for success and never retries) inside each shape's auto pool.
  it.each([
    ['a data-plane job (JSON)', 'job.json', 26, 32],
    ['a data-plane job schedule (YAML)', 'job-schedule.yaml', 27, 30],
    ["a Batch Explorer job schedule (its editor's *.jobschedule.batch.json)", 'nightly.jobschedule.batch.json', 27, 34],
    ["a Batch CLI job template, the value from a parameter's default", 'render.job.template.json', 17, 23],
  ])('lints the auto pool of %s and reports where the value is written', async (_, file, line, column) => {
    const findings = await findingsOf('start-task-retries', `${FOLDER}/${file}`);
    expect(findings.map(({ line, column, messageId }) => ({ line, column, messageId }))).toEqual([{ line, column, messageId: 'noRetries' }]);
  });

  it('reads a Batch CLI job template: expressions evaluated, extension properties left to the extension', async () => {
    const [pool] = (await poolsIn('render.job.template.json'))!;
    expect(pool!.spec.vmSize).toBe('Standard_D4ds_v5');
    expect(pool!.spec.targetDedicatedNodes).toBe(3);
    expect(pool!.spec.virtualMachineConfiguration).toMatchObject({ imageReference: { offer: 'ubuntu-24_04-lts' } });
    expect(pool!.spec).not.toHaveProperty('packageReferences');
    expect(pool!.locate(['vmSize']).location).toMatchObject({ line: 9, column: 23 });
  });

  it('marks the pool as an auto pool, which Batch names: no pool id', async () => {
    const [pool] = (await poolsIn('job.json'))!;
    expect(pool!.autoPool).toBe(true);
    expect(pool!.id).toBeUndefined();
    expect((await poolsIn('auto-pool-with-id.json'))![0]!.id).toBeUndefined();
  });

  it('does not ask an auto pool for an id, and flags one written in it', async () => {
    expect(await findingsOf('pool-schema', `${FOLDER}/job.json`)).toEqual([]);
    expect(await findingsOf('pool-schema', `${FOLDER}/render.job.template.json`)).toEqual([]);
    const [written] = await findingsOf('pool-schema', `${FOLDER}/auto-pool-with-id.json`);
    expect(written).toMatchObject({ line: 7, column: 9, severity: 'warning', message: expect.stringContaining('an auto pool has no "id"') });
  });

  it('finds no pool in a job that runs on an existing pool (poolInfo.poolId)', async () => {
    expect(await poolsIn('job-on-pool.json')).toBeUndefined();
    const report = await lintFixtures([`${FOLDER}/job-on-pool.json`]);
    expect(report.summary.pools).toBe(0);
  });
});
