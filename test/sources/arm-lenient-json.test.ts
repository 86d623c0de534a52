import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { ContextLocator } from '../../src/facts/context-locator.ts';
import { NO_SOURCE_OPTIONS } from '../../src/model/source-adapter.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import type { SyntaxProblem } from '../../src/model/syntax-problem.ts';
import { allRules } from '../../rules/index.ts';
import { applyEdits } from '../helpers/apply-edits.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const FIXTURE = 'fixtures/formats/arm/commented/no-public-ip-pool.json';
const TEMPLATE_HEAD = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0"';

function parseError(text: string, fileName = 'pool.json'): string {
  try {
    JsonDocument.parse(fileName, text, 'json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
}

describe('ARM templates read as ARM reads them', () => {
  it('lints a template with comments and multi-line strings, each finding at its exact line and column', async () => {
    const report = await lintFixtures([FIXTURE]);
    expect(report.summary.pools).toBe(1);
    const findings = report.results[0]!.findings.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }));
    expect(findings).toEqual([
      // after a block comment on the same line
      { ruleId: 'resize-timeout-large-pool', line: 38, column: 61, endLine: 38, endColumn: 68 },
      { ruleId: 'start-task-elevation', line: 41, column: 9, endLine: 41, endColumn: 20 },
      // a string with a raw line break spans both lines
      { ruleId: 'start-task-shell', line: 42, column: 26, endLine: 43, endColumn: 43 },
      // after the multi-line string and a block comment
      { ruleId: 'start-task-wait-for-success', line: 43, column: 81, endLine: 43, endColumn: 86 },
    ]);
  });

  it("evaluates an expression written across lines and keeps a string's line breaks", async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const document = JsonDocument.parse(FIXTURE, text, 'json');
    const pool = (document.value as { resources: { name: string; properties: { startTask: { commandLine: string } } }[] }).resources[0]!;
    expect(pool.properties.startTask.commandLine).toBe('apt-get update &&\n            apt-get install -y nfs-common');
    const report = await lintFixtures([FIXTURE]);
    expect(report.results[0]!.findings[0]!.poolId).toBe('no-public-ip-pool');
  });

  it('--fix edits land in place, keep the comments, and the file still parses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-arm-'));
    cpSync(FIXTURE, join(folder, 'template.json'));
    const contexts = new ContextLocator(folder);
    await lint({ patterns: ['template.json'], cwd: folder, facts: (filePath) => contexts.forFile(filePath), rules: allRules, fix: true });
    const fixed = readFileSync(join(folder, 'template.json'), 'utf8');
    expect(fixed).toContain('"resizeTimeout": /* too short for 1200 nodes */ "PT30M"');
    expect(fixed).toContain(`"commandLine": "/bin/bash -c 'apt-get update &&\\n            apt-get install -y nfs-common'", "waitForSuccess": /* the default */ false`);
    expect(fixed).toContain('"targetDedicatedNodes": 1200, // a large pool');
    expect(() => JsonDocument.parse('template.json', fixed, 'json')).not.toThrow();
  });

  it('inserts a missing property without moving a comment onto it', () => {
    const text = `{ ${TEMPLATE_HEAD},\n  "resources": [\n    {\n      "type": "t",\n      "name": "x" // the name\n    }\n  ]\n}\n`;
    const document = JsonDocument.parse('t.json', text, 'json');
    const fixed = applyEdits(text, document.setValueEdits(['resources', 0, 'location'], 'eastus')!);
    expect(fixed).toContain('"name": "x", // the name\n      "location": "eastus"\n    }');
    expect((JsonDocument.parse('t.json', fixed, 'json').value as { resources: { location: string }[] }).resources[0]!.location).toBe('eastus');
  });

  it('honours a batchlint-disable comment in a template', async () => {
    const text = readFileSync(FIXTURE, 'utf8').replace(
      '"startTask": {',
      '// batchlint-disable-next-line start-task-elevation -- the image runs it as root\n        "startTask": {',
    );
    const contexts = new ContextLocator(PROJECT_ROOT);
    const report = await lint({ patterns: ['-'], cwd: PROJECT_ROOT, facts: (filePath) => contexts.forFile(filePath), rules: allRules, stdin: { text, filePath: 'template.json' } });
    expect(report.results[0]!.findings.map((finding) => finding.ruleId)).toEqual(['resize-timeout-large-pool', 'start-task-shell', 'start-task-wait-for-success']);
  });

  it('reads a parameters file as az deployment does, with comments and line breaks inside strings', async () => {
    const parameters = 'fixtures/formats/arm/commented/retired-size.parameters.json';
    const rules = allRules.filter((rule) => ['vm-size-unknown', 'parse-error'].includes(rule.meta.id));
    const report = await lint({ patterns: [FIXTURE], cwd: PROJECT_ROOT, facts: createFacts(), rules, sources: { ...NO_SOURCE_OPTIONS, parameterFiles: [parameters] } });
    const findings = report.results[0]!.findings.map(({ ruleId, filePath, line, column }) => ({ ruleId, filePath, line, column }));
    expect(findings).toEqual([{ ruleId: 'vm-size-unknown', filePath: parameters, line: 6, column: 40 }]);
    const alone = await lintFixtures([parameters]);
    expect(alone.results).toEqual([]);
  });

  it('reads a parameters file leniently but still reports an empty or broken one in its own terms', () => {
    expect(() => JsonDocument.parse('p.json', '', 'jsonc', 'always')).toThrow('invalid JSONC: a value is expected');
    expect(() => JsonDocument.parse('p.json', '{ "a": { "value": 1 } "b": 2 }', 'jsonc', 'always')).toThrow('invalid JSONC: a comma is expected');
  });

  it('reports a real syntax error in a commented template where it is, as a template error', () => {
    expect(parseError(`{ ${TEMPLATE_HEAD}, // comment\n  "resources": [] "outputs": {} }`)).toBe('invalid ARM template: a comma is expected');
  });

  it('takes no trailing comma, which az deployment refuses', () => {
    expect(parseError(`{ ${TEMPLATE_HEAD}, // comment\n  "resources": [], }`)).toMatch(/^invalid ARM template: /);
  });

  it('points at the line break inside a string, not at where the string starts', () => {
    const text = '{"id": "a", "vmSize": "Standard_D2s_v3", "startTask": { "commandLine": "setup.sh\n  --all" }}';
    const problem = (() => {
      try {
        JsonDocument.parse('pool.json', text, 'json');
      } catch (error) {
        return error as SyntaxProblem;
      }
    })();
    expect(problem).toMatchObject({ offset: text.indexOf('\n'), length: 1 });
  });

  it('keeps a data-plane pool body strict, without pointing to .jsonc', () => {
    expect(parseError('{\n  // render\n  "id": "a", "vmSize": "Standard_D2s_v3"\n}')).toBe('invalid JSON: comments are not allowed in JSON (only an ARM template may have them)');
    expect(parseError('{\n  "id": "a", "vmSize": "Standard_D2s_v3", "startTask": { "commandLine": "a\nb" }\n}')).toBe(
      'invalid JSON: a line break inside a string (only an ARM template may have one; elsewhere write it as \\n)',
    );
  });
});

describe('JSONC positions', () => {
  it('stay exact after a comment that follows a value', () => {
    const document = JsonDocument.parse('pool.jsonc', '{"id": "a", // the pool\n  "vmSize": /* small */ "Standard_D2s_v3"}', 'jsonc');
    expect(document.locate(['vmSize']).location).toMatchObject({ line: 2, column: 25, endColumn: 42 });
  });
});
