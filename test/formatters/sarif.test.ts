import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { validateSarif } from '../helpers/sarif-validator.ts';
import { parseSarifLog } from '../helpers/cli-output.ts';

const sarifOfFixtures = () => runCli(['lint', 'fixtures', '--format', 'sarif']).stdout;

describe('--format sarif', () => {
  const log = sarifOfFixtures();
  const parsed = parseSarifLog(log);
  const run = parsed.runs[0]!;

  it('passes the SARIF validator with its default rules', () => {
    expect(validateSarif(log).filter((result) => result.level === 'error')).toEqual([]);
  });

  it('passes the validator with the rules GitHub code scanning applies', () => {
    expect(validateSarif(log, 'Gh').filter((result) => result.level === 'error')).toEqual([]);
  });

  it('is checked by a validator that does fail a log GitHub would reject', () => {
    const broken = parseSarifLog(log);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0; // the uploader rejects 0-based lines
    expect(validateSarif(JSON.stringify(broken), 'Gh').some((result) => result.level === 'error')).toBe(true);
  });

  it('describes every rule and places results at relative paths with 1-based regions', () => {
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(allRules.map((rule) => rule.meta.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.helpUri).toMatch(/docs\/rules\/.+\.md$/);
    }
    const result = run.results.find(
      (entry) => entry.ruleId === 'vm-size-hypervisor-generation' && entry.locations[0]!.physicalLocation.artifactLocation.uri === 'fixtures/examples/render-pool.json',
    )!;
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/examples/render-pool.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 13, endLine: 4, endColumn: 29 },
    });
    expect(result.level).toBe('error');
    expect(run.results.some((entry: { fixes?: unknown[] }) => entry.fixes?.length)).toBe(true);
  });

  it("holds results of every rule the fixtures break, the environment rules and arm-expression included, with every fixable rule's fixes", () => {
    const results: { ruleId: string; fixes?: unknown[]; partialFingerprints: Record<string, string> }[] = run.results;
    expect(new Set(results.map((result) => result.ruleId))).toEqual(new Set(allRules.map((rule) => rule.meta.id)));
    const fixable = allRules.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id);
    expect(new Set(results.filter((result) => result.fixes?.length).map((result) => result.ruleId))).toEqual(new Set(fixable));
    const prints = results.map((result) => result.partialFingerprints['batchlint/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    expect(run.invocations[0]!.toolExecutionNotifications.length).toBeGreaterThan(0);
  });

  it('keeps fingerprints when unrelated edits move the finding to another line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-fingerprint-'));
    const pool = readFileSync(new URL('../../fixtures/examples/render-pool.json', import.meta.url), 'utf8');
    writeFileSync(join(folder, 'pool.json'), pool);
    const before = parseSarifLog(runCli(['lint', 'pool.json', '--format', 'sarif'], { cwd: folder }).stdout).runs[0]!.results;
    writeFileSync(
      join(folder, 'pool.json'),
      pool.replace('"displayName": "Blender render farm",', '"displayName": "Blender render farm",\n  "metadata": [{ "name": "team", "value": "render" }],'),
    );
    const after = parseSarifLog(runCli(['lint', 'pool.json', '--format', 'sarif'], { cwd: folder }).stdout).runs[0]!.results;
    const lines = (results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[]) =>
      results.map((result) => result.locations[0]!.physicalLocation.region.startLine);
    expect(lines(after)).not.toEqual(lines(before));
    const prints = (results: { partialFingerprints: Record<string, string> }[]) => results.map((result) => result.partialFingerprints['batchlint/v1']).sort();
    expect(prints(after)).toEqual(prints(before));
  });
});
