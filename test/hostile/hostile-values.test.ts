import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { allRules } from '../../rules/index.ts';
import { ARM_TEMPLATE, isInside, lintOf, POOL_HEAD, prototypeNames, TERRAFORM_POOL } from './hostile-lint.ts';

const POOL_JSON = JSON.stringify({ ...POOL_HEAD, virtualMachineConfiguration: { nodeAgentSKUId: 'batch.node.ubuntu 22.04' } });

describe('YAML aliases', () => {
  it('more than 1,000 aliases in a document are a parse-error at the first one past the limit (10,000 took 4.5 s to read)', async () => {
    const count = 10_000;
    const anchors = Array.from({ length: count }, (_, index) => `a${index}: &x${index} v${index}`).join('\n');
    const aliases = Array.from({ length: count }, (_, index) => `b${index}: *x${index}`).join('\n');
    const text = `id: p\nvmSize: Standard_D2s_v3\n${anchors}\n${aliases}\n`;
    const result = await lintOf('pool.yaml', text);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'parse-error', line: 2 + count + 1001, column: 8 });
    expect(result.findings[0]!.message).toBe('YAML: more than 1000 aliases in one document, more than batchlint reads; the file was not linted');
  });

  it('reads 1,000 aliases', async () => {
    const text = `id: p\nvmSize: &size Standard_D2s_v3\nmetadata:\n${Array.from({ length: 1000 }, (_, index) => `  - { name: n${index}, value: *size }`).join('\n')}\n`;
    const result = await lintOf('pool.yaml', text);
    expect(result.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
  });

  it('aliases that copy their anchors a billion times over ("billion laughs") are a parse-error at the first alias', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `id: p\nvmSize: Standard_D2s_v3\n${levels.join('\n')}\n`;
    const result = await lintOf('pool.yaml', text);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'parse-error', line: 4 });
    expect(result.findings[0]!.message).toMatch(/^YAML: aliases that copy their anchors' nodes more than 10000 times over, more than batchlint reads/);
  });
});

describe('keys named like Object.prototype members', () => {
  const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];

  it('never add to Object.prototype, whatever the format and nesting', async () => {
    const before = prototypeNames();
    const key = fc.constantFrom(...HOSTILE_KEYS, 'vmSize', 'id', 'polluted');
    const member = fc.tuple(key, fc.oneof(fc.constant('"polluted"'), fc.constant('{"polluted": true}'), fc.constant('[1]')));
    await fc.assert(
      fc.asyncProperty(fc.array(member, { maxLength: 8 }), fc.constantFrom('pool.json', 'pool.jsonc', 'pool.yaml', 'azuredeploy.json'), async (members, filePath) => {
        const body = members.map(([name, value]) => `${JSON.stringify(name)}: ${value}`).join(', ');
        const inner = `{"id": "p", "vmSize": "Standard_D2s_v3", ${body}${body ? ', ' : ''}"metadata": [{${body}}]}`;
        const text = filePath === 'azuredeploy.json' ? ARM_TEMPLATE(inner, `{${body}}`) : inner;
        await lintOf(filePath, text);
        expect(prototypeNames()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: 15, numRuns: 150 },
    );
  });

  it('never add to Object.prototype from Terraform', async () => {
    const before = prototypeNames();
    await lintOf(
      'main.tf',
      TERRAFORM_POOL(
        'vm_size = "Standard_D2s_v3"\n__proto__ = { polluted = true }\nconstructor { prototype = { polluted = true } }\nmetadata = { "__proto__" = "x", constructor = "y" }',
      ),
    );
    expect(prototypeNames()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('repeated keys', () => {
  it('in JSON: read without an exception, the last value wins', async () => {
    const result = await lintOf('pool.json', '{"id":"p","id":"q","vmSize":"Standard_D2s_v3","vmSize":"Standard_Nope_v9"}');
    expect(result.findings.map((finding) => finding.ruleId)).toContain('vm-size-unknown');
  });

  it('in YAML: a parse-error at each repeat', async () => {
    const text = 'id: p\nvmSize: Standard_D2s_v3\nvmSize: Standard_D2s_v3\n';
    const result = await lintOf('pool.yaml', text);
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'parse-error', line: 3, column: 1 }));
  });
});

describe('huge strings', () => {
  const HUGE = 'x'.repeat(10 * 1024 * 1024);

  // A 10 MB vmSize was measured against every known size for a "did you mean": 300 s. Now a second or two.
  it.each([
    ['pool.json', JSON.stringify({ id: 'p', vmSize: HUGE })],
    ['pool.jsonc', `// a comment\n${JSON.stringify({ id: 'p', vmSize: HUGE })}`],
    ['pool.yaml', `id: p\nvmSize: ${HUGE}\n`],
    ['main.tf', TERRAFORM_POOL(`vm_size = "${HUGE}"`)],
    ['azuredeploy.json', ARM_TEMPLATE(`{"vmSize":"${HUGE}"}`)],
  ])(
    'a 10 MB value in %s is linted, with findings inside the file',
    async (filePath, text) => {
      const result = await lintOf(filePath, text);
      expect(result.findings.map((finding) => finding.ruleId)).toContain('vm-size-unknown');
      for (const finding of result.findings) expect(isInside(finding, text)).toBe(true);
      for (const finding of result.findings) expect(finding.message.length).toBeLessThan(2_000);
    },
    60_000,
  );

  it('a 10 MB ARM expression and autoscale formula are linted', async () => {
    const arm = ARM_TEMPLATE(`{"vmSize":"[concat(${"'a',".repeat(2_000_000)}'b')]"}`);
    expect((await lintOf('azuredeploy.json', arm)).findings.map((finding) => finding.ruleId)).toContain('vm-size-unknown');
    const formula = JSON.stringify({ ...POOL_HEAD, enableAutoScale: true, autoScaleFormula: `$TargetDedicatedNodes = 1;${'$a = "s";'.repeat(1_000_000)}` });
    expect((await lintOf('pool.json', formula)).findings.map((finding) => finding.ruleId)).toContain('autoscale-settings');
  }, 60_000);
});

describe('encodings, through the lint of files', () => {
  function folderWith(files: Record<string, Buffer | string>): string {
    const root = mkdtempSync(join(tmpdir(), 'batchlint-hostile-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
    return root;
  }

  it('reads UTF-16 with a byte order mark, and Latin-1 bytes, without an exception; Terraform in UTF-16 is a parse-error', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POOL_JSON, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    const latin1 = Buffer.from(`id: p\nvmSize: Standard_D2s_v3\ndisplayName: caf\xe9 na\xefve\n`, 'latin1');
    const root = folderWith({
      'le.json': utf16le,
      'be.json': utf16be,
      'latin1.yaml': latin1,
      'latin1.json': Buffer.from(`{"id":"p","vmSize":"Standard_D2s_v3","displayName":"caf\xe9"}`, 'latin1'),
      'main.tf': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TERRAFORM_POOL('vm_size = "Standard_D2s_v3"'), 'utf16le')]),
      'odd.json': Buffer.from([0xfe, 0xff, 0x00]),
    });
    const report = await lint({
      patterns: ['le.json', 'be.json', 'latin1.yaml', 'latin1.json', 'main.tf', 'odd.json'],
      cwd: root,
      facts: createFacts({ today: '2026-12-01' }),
      rules: allRules,
    });
    const byFile = new Map(report.results.map((result) => [result.filePath, result.findings.map((finding) => finding.ruleId)]));
    expect(byFile.get('le.json')).not.toContain('parse-error');
    expect(byFile.get('be.json')).not.toContain('parse-error');
    expect(byFile.get('latin1.yaml')).not.toContain('parse-error');
    expect(byFile.get('main.tf')).toEqual(['parse-error']);
    expect(byFile.get('odd.json')).toContain('parse-error');
  });
});

describe('the size limit', () => {
  const facts = createFacts({ today: '2026-12-01' });

  function folder(): string {
    return mkdtempSync(join(tmpdir(), 'batchlint-size-'));
  }

  it('refuses a named file larger than 10 MB by its size, before reading it: a parse-error naming the file and the size', async () => {
    const root = folder();
    writeFileSync(join(root, 'big.json'), '');
    // 3 GB and sparse: stat says its size at once, while reading it would fail (longer than a string can be).
    truncateSync(join(root, 'big.json'), 3 * 1024 * 1024 * 1024);
    const report = await lint({ patterns: ['big.json'], cwd: root, facts, rules: allRules });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]!.filePath).toBe('big.json');
    expect(report.results[0]!.findings).toEqual([
      expect.objectContaining({
        ruleId: 'parse-error',
        line: 1,
        column: 1,
        message: 'the file is 3072 MB, larger than the 10 MB batchlint reads; it was not linted (raise the limit with --max-file-size or maxFileSize in the config)',
      }),
    ]);
  });

  it('notes a file a folder search found, without an error', async () => {
    const root = folder();
    writeFileSync(join(root, 'pool.json'), POOL_JSON);
    writeFileSync(join(root, 'data.json'), '');
    truncateSync(join(root, 'data.json'), 11 * 1024 * 1024);
    const report = await lint({ patterns: ['.'], cwd: root, facts, rules: allRules });
    expect(report.notLinted).toEqual([{ path: 'data.json', reason: expect.stringMatching(/^the file is 11 MB, larger than the 10 MB batchlint reads/) }]);
    expect(report.results.map((result) => result.filePath)).toEqual(['pool.json']);
  });

  it("takes the config's maxFileSize, and the option over it", async () => {
    const root = folder();
    writeFileSync(join(root, 'pool.json'), POOL_JSON);
    writeFileSync(join(root, 'batchlint.config.json'), JSON.stringify({ maxFileSize: '50B' }));
    const limited = await lint({ patterns: ['pool.json'], cwd: root, facts, rules: allRules });
    expect(limited.results[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', message: expect.stringContaining(`the file is ${POOL_JSON.length} bytes, larger than the 50 bytes`) }),
    ]);
    const raised = await lint({ patterns: ['pool.json'], cwd: root, facts, rules: allRules, maxFileSize: 1024 });
    expect(raised.results[0]!.findings.map((finding) => finding.ruleId)).not.toContain('parse-error');
  });

  it('applies to stdin too', async () => {
    const report = await lint({ patterns: ['-'], cwd: folder(), facts, rules: allRules, stdin: { text: POOL_JSON, filePath: 'pool.json' }, maxFileSize: 10 });
    expect(report.results[0]!.findings).toEqual([expect.objectContaining({ ruleId: 'parse-error', message: expect.stringContaining('larger than the 10 bytes') })]);
  });
});
