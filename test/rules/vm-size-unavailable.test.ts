import { describe, expect, it } from 'vitest';
import { vmSizeUnavailableRule } from '../../rules/vm-size-unavailable.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { VmSizeFacts } from '../../src/facts/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('vm-size-unavailable', {
  'restricted.yaml': [{ line: 2, column: 9, message: ['restricted for this subscription in eastus (NotAvailableForSubscription)'] }],
  'not-in-region.yaml': [{ line: 2, column: 9, message: ['not offered in eastus'] }],
  'retired.yaml': [{ line: 2, column: 9, message: ['retired on 2025-01-01'] }],
});

/** The rule alone on a Standard_D2s_v3 pool in eastus, on the day given, with the facts given for the size. */
async function check(size: VmSizeFacts, today: string) {
  const environment = { location: 'eastus', vmSizes: { Standard_D2s_v3: size } };
  const report = await lint({ patterns: ['fixtures/rules/vm-size-unavailable/valid/offered.yaml'], cwd: PROJECT_ROOT, facts: createFacts({ environment, source: 'context', today }), rules: [vmSizeUnavailableRule] });
  return { findings: report.results.flatMap((result) => result.findings.map(({ severity, message }) => ({ severity, message }))), notChecked: report.notChecked.map(({ reason }) => reason) };
}

describe('vm-size-unavailable against the run date', () => {
  it("reads retirement against the facts' date, not the machine's clock", async () => {
    expect((await check({ retirementDate: '2026-12-01', restrictions: [] }, '2026-11-30')).findings).toEqual([]);
    expect((await check({ retirementDate: '2026-12-01', restrictions: [] }, '2026-12-01')).findings).toEqual([{ severity: 'error', message: expect.stringContaining('was retired on 2026-12-01') }]);
  });

  it('reads a retirement date written with a time as that day', async () => {
    expect((await check({ retirementDate: '2026-12-01T00:00:00Z', restrictions: [] }, '2026-12-01')).findings).toEqual([{ severity: 'error', message: expect.stringContaining('was retired on 2026-12-01:') }]);
  });
});
