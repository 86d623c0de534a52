import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import type { PoolRule } from '../../src/model/rule.ts';
import { FixNotWritten } from '../../src/engine/write-fixes.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { allRules } from '../../rules/index.ts';

const POOL = (id: string) =>
  `{\n  "id": "${id}",\n  "vmSize": "Standard_D2s_v3",\n  "virtualMachineConfiguration": { "nodeAgentSKUId": "batch.node.ubuntu 22.04" },\n  "startTask": { "commandLine": "make && make install" }\n}\n`;

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-fix-safety-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** A rule that always reports the pool's id, with a fix of the test's making. */
function ruleWithFix(fix: (id: string) => { path: string[]; value: string }): PoolRule {
  return {
    meta: { id: 'test-fix', description: 'test', defaultSeverity: 'error', fixable: true, facts: [], docs: {}, messages: { fixable: 'test' } },
    check(pool, { report }) {
      if (pool.spec.id === 'fixed') return;
      const { path, value } = fix(String(pool.id));
      report({ path: ['id'], messageId: 'fixable', fix: { description: `set ${path.join('.')} to ${value}`, path, value } });
    },
  };
}

const shellRule = allRules.filter((rule) => rule.meta.id === 'start-task-shell');

describe('--fix keeps only fixes that re-lint clean', () => {
  it('leaves a file unchanged, and says why, when a fix would leave its finding in place', async () => {
    const folder = folderWith({ 'a.json': POOL('a') });
    const report = await lint({ patterns: ['a.json'], cwd: folder, facts: createFacts(), fix: true, rules: [ruleWithFix(() => ({ path: ['vmSize'], value: 'Standard_D4s_v3' }))] });
    expect(readFileSync(join(folder, 'a.json'), 'utf8')).toBe(POOL('a'));
    expect(report.summary.fixed).toBe(0);
    expect(report.results[0]!.fixed).toBeUndefined();
    expect(report.results[0]).toMatchObject({ fixRefused: expect.stringContaining('would leave its test-fix finding in place') });
    expect(report.results[0]!.findings.map((finding) => finding.ruleId)).toEqual(['test-fix']);
  });

  it('applies a fix that resolves its finding', async () => {
    const folder = folderWith({ 'a.json': POOL('a') });
    const report = await lint({ patterns: ['a.json'], cwd: folder, facts: createFacts(), fix: true, rules: [ruleWithFix(() => ({ path: ['id'], value: 'fixed' }))] });
    expect((JSON.parse(readFileSync(join(folder, 'a.json'), 'utf8')) as { id: string }).id).toBe('fixed');
    expect(report.results[0]).toMatchObject({ fixed: true, findings: [] });
  });
});

describe('--fix writes every fixed file or none', () => {
  it('refuses, naming the file, when one target is read-only, and changes no file', async () => {
    const folder = folderWith({ 'a.json': POOL('a'), 'b.json': POOL('b'), 'c.json': POOL('c') });
    chmodSync(join(folder, 'b.json'), 0o444);
    const run = lint({ patterns: ['.'], cwd: folder, facts: createFacts(), fix: true, rules: shellRule });
    await expect(run).rejects.toThrow(FixNotWritten);
    await expect(run).rejects.toThrow(/--fix cannot write b\.json: the file is not writable.*no file was changed/);
    for (const name of ['a.json', 'b.json', 'c.json']) expect(readFileSync(join(folder, name), 'utf8')).toBe(POOL(name[0]!));
    expect(readdirSync(folder).sort()).toEqual(['a.json', 'b.json', 'c.json']);
  });

  it('replaces each file whole, keeping its mode, through a symbolic link, and leaves no temporary file', async () => {
    const folder = folderWith({ 'a.json': POOL('a'), 'real.json': POOL('r') });
    chmodSync(join(folder, 'a.json'), 0o640);
    symlinkSync('real.json', join(folder, 'link.json'));
    const report = await lint({ patterns: ['a.json', 'link.json'], cwd: folder, facts: createFacts(), fix: true, rules: shellRule });
    expect(report.summary.fixed).toBe(2);
    expect(readFileSync(join(folder, 'a.json'), 'utf8')).toContain(`"/bin/bash -c 'make && make install'"`);
    expect(statSync(join(folder, 'a.json')).mode & 0o777).toBe(0o640);
    expect(lstatSync(join(folder, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'real.json'), 'utf8')).toContain(`"/bin/bash -c 'make && make install'"`);
    expect(readdirSync(folder).sort()).toEqual(['a.json', 'link.json', 'real.json']);
  });
});
