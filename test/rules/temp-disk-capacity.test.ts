import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { allRules } from '../../rules/index.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

const CONFIG = 'batchlint.config.json';

describeRuleFixtures(
  'temp-disk-capacity',
  {
    'no-temp-disk.json': [{ line: 3, column: 13, severity: 'warning', message: ['Standard_D2s_v5 has no local temp disk', 'DiskFull', 'such as Standard_D2ds_v5'] }],
    'workload-does-not-fit.yaml': [
      { line: 3, column: 9, severity: 'error', message: ['about 195 GiB per node', '4 task slot(s) × 24 retained task(s)', '16 GiB', 'larger temp disk'] },
    ],
  },
  { config: CONFIG },
);

describe('temp-disk-capacity without a declared workload', () => {
  it('reports nothing for a size with a temp disk when no workload is declared', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-temp-disk-'));
    cpSync(join(PROJECT_ROOT, 'fixtures/rules/temp-disk-capacity/invalid/workload-does-not-fit.yaml'), join(folder, 'pool.yaml'));
    const report = await lint({ patterns: ['pool.yaml'], cwd: folder, facts: createFacts(), rules: allRules.filter((rule) => rule.meta.id === 'temp-disk-capacity') });
    expect(report.summary.pools).toBe(1);
    expect(report.results[0]!.findings).toEqual([]);
  });

  it('does not take a v6 NVMe size for one without a disk, and says its size is unknown', async () => {
    const report = await lintFixtures(
      ['fixtures/rules/temp-disk-capacity/valid/fits-or-nvme.yaml'],
      ['temp-disk-capacity'],
      'fixtures/rules/temp-disk-capacity/batchlint.config.json',
    );
    expect(report.notChecked).toEqual([expect.objectContaining({ poolId: 'v6-nvme-local-disk', reason: expect.stringContaining("size of Standard_D2ds_v6's local NVMe disk") })]);
  });
});

describeSameDefect('temp-disk-capacity', {
  'Batch JSON': { line: 3, column: 13 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 19, column: 23 },
  Bicep: { line: 2, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 16 },
  Terraform: { line: 5, column: 25 },
});
