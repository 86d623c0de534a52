import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { BicepDocument } from '../../src/documents/bicep/bicep-document.ts';
import { lint, type FileResult } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { FindingFileGrouping } from '../../src/formatters/results-by-file.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { bicepAdapter } from '../../src/sources/bicep/bicep-adapter.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';

const FOLDER = 'fixtures/formats/bicep/modules';
const RULES = ['vm-size-unknown', 'start-task-retries', 'parse-error'];

function poolsOf(path: string, deployment = {}): PoolDefinition[] {
  return bicepAdapter.extract(BicepDocument.parse(path, readFileSync(path, 'utf8')), sourceContext({ deployment }))!;
}

const sites = (findings: Finding[]) => findings.map(({ filePath, line, column, ruleId, poolId }) => `${filePath}:${line}:${column} ${ruleId} ${poolId ?? ''}`.trim());
const findingsOf = (results: FileResult[]) => results.flatMap((result) => result.findings);

describe('Bicep modules: the caller’s params applied to the module’s pools', () => {
  it('deploys a copy of the module’s pools for each call that gives params, one per item of a known loop', () => {
    const pools = poolsOf(`${FOLDER}/main.bicep`);
    const ids = pools.map((pool) => (isUnknown(pool.id) ? 'unknown' : (pool.id ?? 'unknown')));
    // No copy for the call without params (the module's own lint covers it), none for `if (false)`, none from a registry or template spec.
    expect(ids).toEqual(['fixed', 'via-parameter', 'not-static', 'looped-Standard_D2ds_v5', 'looped-Standard_D8ds_v9', 'unknown']);
    expect(pools.map((pool) => pool.spec.vmSize).slice(0, 2)).toEqual(['Standard_D4ds_v9', 'Standard_D4ds_v9']);
    expect(pools[5]!.spec.vmSize).toBe('Standard_D4ds_v5');
  });

  it('locates a value the caller gives at the caller’s line, through the caller’s own parameter when it names one', async () => {
    const report = await lintFixtures([`${FOLDER}/main.bicep`], RULES);
    expect(sites(findingsOf(report.results))).toEqual([
      `${FOLDER}/main.bicep:2:27 vm-size-unknown via-parameter`,
      `${FOLDER}/main.bicep:9:13 vm-size-unknown fixed`,
      `${FOLDER}/main.bicep:26:14 start-task-retries not-static`,
      `${FOLDER}/main.bicep:34:13 vm-size-unknown looped-Standard_D8ds_v9`,
    ]);
    const messages = findingsOf(report.results).map((finding) => finding.message);
    expect(messages[1]).toMatch(/\(value from param 'vmSize' given by module 'fixed' in main\.bicep\)$/);
    expect(messages[0]).toMatch(/\(value from the default of parameter 'wantedSize'\)$/);
  });

  it('follows a module that deploys another, the outer call’s value reported where the outer caller wrote it', async () => {
    const findings = findingsOf((await lintFixtures([`${FOLDER}/outer.bicep`, `${FOLDER}/nested`], RULES)).results);
    expect(sites(findings)).toEqual([`${FOLDER}/outer.bicep:4:11 vm-size-unknown inner`]);
    expect(findings[0]!.message).toMatch(/\(value from param 'size' given by module 'mid' in outer\.bicep\)$/);
  });

  it('says "not checked", naming the call, for a param the caller gives as an expression it cannot evaluate', async () => {
    const report = await lintFixtures([`${FOLDER}/main.bicep`], RULES);
    expect(report.notChecked).toContainEqual({
      ruleId: 'vm-size-unknown',
      poolId: 'not-static',
      filePath: `${FOLDER}/main.bicep`,
      reason:
        "the VM size is not known statically (param 'vmSize' given by module 'notStatic' in main.bicep is not known statically (parameter 'unknownSize' has no default value))",
    });
  });

  it('locates a value the module writes itself in the module file, naming the call', async () => {
    const report = await lintFixtures([`${FOLDER}/uses-literal.bicep`], RULES);
    const findings = findingsOf(report.results);
    expect(sites(findings)).toEqual([`${FOLDER}/uses-literal.bicep:4:13 vm-size-unknown literal`, `${FOLDER}/literal/retries-zero.bicep:21:26 start-task-retries literal`]);
    expect(findings[1]!.message).toMatch(/\(deployed by module 'literal' in uses-literal\.bicep\)$/);
  });

  it('lets a comment in the module file silence its line through a caller too', async () => {
    const findings = findingsOf((await lintFixtures([`${FOLDER}/uses-silenced.bicep`], [...RULES, 'unused-suppression'])).results);
    expect(sites(findings)).toEqual([`${FOLDER}/uses-silenced.bicep:4:13 vm-size-unknown silenced`]);
  });

  it('reports a defect of the module file once when the run lints the module and its caller, in the module’s own words, whatever the order', async () => {
    for (const patterns of [
      [`${FOLDER}/uses-literal.bicep`, `${FOLDER}/literal`],
      [`${FOLDER}/literal`, `${FOLDER}/uses-literal.bicep`],
    ]) {
      const findings = findingsOf((await lintFixtures(patterns, RULES)).results);
      const inModule = findings.filter((finding) => finding.filePath === `${FOLDER}/literal/retries-zero.bicep`);
      expect(sites(inModule)).toEqual([`${FOLDER}/literal/retries-zero.bicep:21:26 start-task-retries literal`]);
      expect(inModule[0]!.message).not.toMatch(/deployed by/);
    }
  });

  it('gives streamed output each module file once, after its callers have added to it', async () => {
    const grouping = new FindingFileGrouping();
    const taken: string[] = [];
    const environments: string[] = [];
    await lint({
      patterns: [`${FOLDER}/literal/retries-zero.bicep`, `${FOLDER}/uses-literal.bicep`],
      cwd: PROJECT_ROOT,
      facts: createFacts(),
      rules: allRules.filter((rule) => RULES.includes(rule.meta.id)),
      stream: {
        start(environment) {
          environments.push(environment);
        },
        result(result, settled) {
          grouping.add(result);
          taken.push(...grouping.take(settled).map((entry) => entry.filePath));
        },
      },
    });
    expect(environments).toEqual(['none']);
    expect(taken).toEqual([`${FOLDER}/literal/retries-zero.bicep`, `${FOLDER}/uses-literal.bicep`]);
  });

  it('deploys a call with another scope: than the caller’s resource group where resourceGroup() is unknown', () => {
    const pools = poolsOf(`${FOLDER}/scoped.bicep`, { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroup: 'rg', location: 'westeurope' });
    expect(pools.map((pool) => pool.id)).toEqual(['here', 'elsewhere']);
    expect(pools[0]!.spec.displayName).toBe('westeurope');
    expect(isUnknown(pools[1]!.spec.displayName)).toBe(true);
  });

  it('offers no fix on a module’s pool through a caller (its values serve every caller)', () => {
    const pool = poolsOf(`${FOLDER}/main.bicep`)[2]!;
    expect(pool.setValueEdits(['startTask', 'maxTaskRetryCount'], 2)).toBeUndefined();
  });

  it('stops at a cycle of modules, and reports it as Bicep does (the file does not build)', async () => {
    const report = await lintFixtures([`${FOLDER}/cycle-a.bicep`, `${FOLDER}/self.bicep`], RULES);
    const parseErrors = findingsOf(report.results).filter((finding) => finding.ruleId === 'parse-error');
    expect(sites(parseErrors)).toEqual([`${FOLDER}/cycle-a.bicep:3:34 parse-error`, `${FOLDER}/self.bicep:3:31 parse-error`]);
    expect(parseErrors.map((finding) => finding.message)).toEqual([
      "invalid Bicep: the module 'other' is involved in a cycle (cycle-a.bicep -> cycle-b.bicep -> cycle-a.bicep); Bicep does not build the file",
      "invalid Bicep: the module 'again' is involved in a cycle (self.bicep -> self.bicep); Bicep does not build the file",
    ]);
    // cycle-b's pool, deployed by cycle-a with its params; cycle-b's own call back to cycle-a is not followed.
    expect(poolsOf(`${FOLDER}/cycle-a.bicep`).map((pool) => pool.id)).toEqual(['cycle-a', 'cycle-b']);
  });
});
