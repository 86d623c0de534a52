import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextSnapshot } from '../../src/cli/context-snapshot.ts';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import { contextFacts } from '../../src/facts/context-locator.ts';
import { loadScenario } from '../helpers/azure-scenario.ts';
import { startFakeAzure, type FakeAzure } from '../helpers/fake-azure.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { lintLive, liveOptionsFor, STATIC_TOKEN } from '../helpers/live-run.ts';
import { allRules } from '../../rules/index.ts';

const POOLS = 'fixtures/azure/pools';

let fake: FakeAzure | undefined;
afterEach(() => fake?.close());

async function snapshotOf(scenarioName: string): Promise<{ snapshot: string; live: LintReport }> {
  const scenario = await loadScenario(scenarioName);
  fake = await startFakeAzure(scenario.routes, scenario.options);
  const options = liveOptionsFor(fake, scenario.accountId);
  return { snapshot: await contextSnapshot([POOLS], PROJECT_ROOT, options), live: await lintLive([POOLS], options) };
}

const findings = (report: LintReport) =>
  report.results.flatMap((result) => result.findings.map(({ ruleId, poolId, line, column, message }) => ({ ruleId, poolId, line, column, message })));

describe('batchlint context snapshot', () => {
  it('writes what live mode read as a context file that makes the rules find the same', async () => {
    const { snapshot, live } = await snapshotOf('paged.yaml');
    const file = join(mkdtempSync(join(tmpdir(), 'batchlint-snapshot-')), 'batchlint.context.yaml');
    writeFileSync(file, snapshot);
    const fromSnapshot = await lint({ rules: allRules, patterns: [POOLS], cwd: PROJECT_ROOT, facts: await contextFacts(file, PROJECT_ROOT) });
    expect(findings(live).length).toBeGreaterThan(0);
    expect(findings(fromSnapshot)).toEqual(findings(live));
    expect(snapshot).toMatch(/^# batchlint context: read from Azure for 3 pool\(s\)/);
    expect(snapshot).not.toContain(STATIC_TOKEN);
  });

  it('names at the top what it could not read, and why', async () => {
    const { snapshot } = await snapshotOf('forbidden-network.yaml');
    expect(snapshot).toMatch(/^# not read: subnet:\S+\/subnets\/render: 403 AuthorizationFailed: the identity lacks Microsoft\.Network\/virtualNetworks\/subnets\/read/m);
  });
});
