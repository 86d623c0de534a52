import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vmSizeUnavailableRule } from '../../rules/vm-size-unavailable.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { VmSizeFacts } from '../../src/model/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('vm-size-unavailable', {
  'restricted.yaml': [{ line: 2, column: 9, message: ['restricted for this subscription in eastus (NotAvailableForSubscription)'] }],
  'not-in-region.yaml': [{ line: 2, column: 9, message: ['not offered in eastus'] }],
  'retired.yaml': [{ line: 2, column: 9, message: ['retired on 2025-01-01'] }],
  'retires-soon.yaml': [
    { line: 3, column: 9, endLine: 3, endColumn: 27, messageId: 'retiresSoon', severity: 'warning', message: ['Standard_M192is_v2 retires on 2027-03-31, in 120 day(s)'] },
  ],
  'retired-series.yaml': [
    { line: 4, column: 11, severity: 'error', message: ['Standard_NC6s_v3 was retired on 2025-09-30:', 'no longer allocates'] },
    { line: 7, column: 11, severity: 'error', message: ['Standard_NV12s_v3 was retired on 2026-09-30:'] },
    { line: 10, column: 11, severity: 'error', message: ['Standard_A2 was retired on 2024-08-31:'] },
  ],
});

/** The rule alone on a fixture, with the facts given (no context file is looked for). */
async function lintWith(fixture: string, facts: ReturnType<typeof createFacts>) {
  const report = await lint({ patterns: [`fixtures/rules/vm-size-unavailable/${fixture}`], cwd: PROJECT_ROOT, facts, rules: [vmSizeUnavailableRule] });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ line, severity, message }) => ({ line, severity, message }))),
    notChecked: report.notChecked.map(({ reason }) => reason),
  };
}

/** A one-pool file of the size given, in a folder of its own (so no context file applies). */
function poolOfSize(vmSize: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-size-'));
  writeFileSync(join(folder, 'pool.yaml'), `id: p\nvmSize: ${vmSize}\ntargetDedicatedNodes: 1\n`);
  return join(folder, 'pool.yaml');
}

describe('vm-size-unavailable without a context file', () => {
  it('reports a retired size from the catalog alone: retirement is offline data', async () => {
    const { findings, notChecked } = await lintWith('invalid/retired-series.yaml', createFacts({ today: '2026-12-01' }));
    expect(findings).toEqual([
      {
        line: 4,
        severity: 'error',
        message: expect.stringContaining('Standard_NC6s_v3 was retired on 2025-09-30 (in jioindiawest on 2027-06-30, chinanorth3 on 2027-06-30): Azure no longer allocates it'),
      },
      { line: 7, severity: 'error', message: expect.stringContaining('Standard_NV12s_v3 was retired on 2026-09-30:') },
      { line: 10, severity: 'error', message: expect.stringContaining('Standard_A2 was retired on 2024-08-31:') },
    ]);
    expect(notChecked).toEqual([]);
  });

  it('warns within 180 days of a retirement, and leaves the region and restriction parts to the environment', async () => {
    const report = async (today: string) => lint({ patterns: [poolOfSize('Standard_HB120rs_v2')], cwd: '/', facts: createFacts({ today }), rules: [vmSizeUnavailableRule] });
    const warned = await report('2026-12-02');
    expect(warned.results.flatMap((result) => result.findings.map(({ severity, message }) => ({ severity, message })))).toEqual([
      { severity: 'warning', message: expect.stringContaining('Standard_HB120rs_v2 retires on 2027-05-31, in 180 day(s)') },
    ]);
    expect(warned.notChecked).toEqual([]);
    const early = await report('2026-12-01');
    expect(early.results.flatMap((result) => result.findings)).toEqual([]);
    expect(early.notChecked).toEqual([]);
  });
});

describe('vm-size-unavailable where Azure extended a retirement', () => {
  it("takes the account's region's own date when the environment gives the region", async () => {
    const inJio = (today: string) =>
      createFacts({ environment: { location: 'Jio India West', vmSizes: { Standard_NC6s_v3: { locations: ['jioindiawest'], restrictions: [] } } }, source: 'context', today });
    expect((await lintWith('invalid/retired-series.yaml', inJio('2026-12-01'))).findings.filter(({ line }) => line === 4)).toEqual([]);
    expect((await lintWith('invalid/retired-series.yaml', inJio('2027-01-01'))).findings.filter(({ line }) => line === 4)).toEqual([
      { line: 4, severity: 'warning', message: expect.stringContaining('Standard_NC6s_v3 retires on 2027-06-30, in 180 day(s):') },
    ]);
  });
});

/** The rule alone on a Standard_D2s_v3 pool in eastus, on the day given, with the facts given for the size. */
async function check(size: VmSizeFacts, today: string) {
  const environment = { location: 'eastus', vmSizes: { Standard_D2s_v3: size } };
  const report = await lint({
    patterns: ['fixtures/rules/vm-size-unavailable/valid/offered.yaml'],
    cwd: PROJECT_ROOT,
    facts: createFacts({ environment, source: 'context', today }),
    rules: [vmSizeUnavailableRule],
  });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ severity, message }) => ({ severity, message }))),
    notChecked: report.notChecked.map(({ reason }) => reason),
  };
}

describe('vm-size-unavailable against the run date', () => {
  it("reads retirement against the facts' date, not the machine's clock", async () => {
    expect((await check({ retirementDate: '2026-12-01', restrictions: [] }, '2026-11-30')).findings).toEqual([
      { severity: 'warning', message: expect.stringContaining('retires on 2026-12-01, in 1 day(s)') },
    ]);
    expect((await check({ retirementDate: '2026-12-01', restrictions: [] }, '2026-12-01')).findings).toEqual([
      { severity: 'error', message: expect.stringContaining('was retired on 2026-12-01') },
    ]);
  });

  it('reads a retirement date written with a time as that day', async () => {
    expect((await check({ retirementDate: '2026-12-01T00:00:00Z', restrictions: [] }, '2026-12-01')).findings).toEqual([
      { severity: 'error', message: expect.stringContaining('was retired on 2026-12-01:') },
    ]);
  });
});

describe('vm-size-unavailable never passes what it does not know', () => {
  it("lists a size as not checked for restrictions when the user's own environment does not give them (the catalog's are the data collector's)", async () => {
    const { findings, notChecked } = await check({}, '2026-12-01');
    expect(findings).toEqual([]);
    expect(notChecked).toEqual([
      expect.stringMatching(/^whether Standard_D2s_v3 is restricted for the subscription \(vmSizes\.Standard_D2s_v3\.restrictions\) is not in the context file/),
    ]);
  });

  it('lists a size whose regions no source gives as not checked for the region', async () => {
    const environment = { location: 'eastus', vmSizes: { Standard_Custom_v9: { vCPUs: 8, restrictions: [] } } };
    const text = 'id: p\nvmSize: Standard_Custom_v9\ntargetDedicatedNodes: 1\n';
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-size-'));
    writeFileSync(join(folder, 'pool.yaml'), text);
    const report = await lint({
      patterns: ['pool.yaml'],
      cwd: folder,
      facts: createFacts({ environment, source: 'context', today: '2026-12-01' }),
      rules: [vmSizeUnavailableRule],
    });
    expect(report.results.flatMap((result) => result.findings)).toEqual([]);
    expect(report.notChecked.map(({ reason }) => reason)).toEqual([
      expect.stringMatching(/^whether Standard_Custom_v9 is offered in eastus is not known: a list of the regions .*vmSizes\.Standard_Custom_v9\.locations/),
    ]);
  });
});

describe('vm-size-unavailable before a retirement', () => {
  it('warns about a retirement within 180 days, and not about one further off', async () => {
    expect((await check({ retirementDate: '2027-05-30', restrictions: [] }, '2026-12-01')).findings).toEqual([
      { severity: 'warning', message: expect.stringMatching(/retires on 2027-05-30, in 180 day\(s\).*Move the pool to a current size/) },
    ]);
    expect((await check({ retirementDate: '2027-05-31', restrictions: [] }, '2026-12-01')).findings).toEqual([]);
  });
});

describeSameDefect('vm-size-unavailable', {
  'Batch JSON': { line: 3, column: 13 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 18, column: 23 },
  Bicep: { line: 6, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 16 },
  Terraform: { line: 5, column: 30 },
});
