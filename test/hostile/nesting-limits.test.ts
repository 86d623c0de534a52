import { describe, expect, it } from 'vitest';
import { ARM_TEMPLATE, isInside, lintOf, POOL_HEAD, TERRAFORM_POOL } from './hostile-lint.ts';
import { poolsOf, type TextResult } from '../../src/engine/lint-text.ts';
import { NO_SOURCE_OPTIONS } from '../../src/model/source-adapter.ts';
import { UnknownValue } from '../../src/model/unknown.ts';

/**
 * Input nested 100,000 deep overflowed the stack (a RangeError out of lint) in jsonc-parser, in the walks over
 * the pool (null removal, template evaluation), in the ARM expression and autoscale formula parsers, and in
 * the Terraform evaluator. Each reader now stops at 200 levels: a parse-error at the place, or, for an
 * expression or formula the service may still accept, "not checked".
 */
const DEEP = 100_000;
const TOO_DEEP = 'nesting deeper than 200 levels, more than batchlint reads';

function expectParseErrorInside(result: TextResult, text: string, what: string): void {
  const errors = result.findings.filter((finding) => finding.ruleId === 'parse-error');
  expect(errors).toHaveLength(1);
  expect(errors[0]!.message).toBe(`${what}: ${TOO_DEEP}; the file was not linted`);
  expect(isInside(errors[0]!, text)).toBe(true);
}

const pool = (extra: string) => `{"id":"p","vmSize":"Standard_D2s_v3","metadata":${extra}}`;

describe('nesting deeper than batchlint reads', () => {
  it.each([
    ['pool.json', '['.repeat(DEEP) + ']'.repeat(DEEP), 'JSON'],
    ['pool.json', '['.repeat(DEEP), 'JSON'],
    ['pool.json', '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), 'JSON'],
    ['pool.jsonc', '// c\n' + '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), 'JSONC'],
    ['pool.json', pool('[{"a":'.repeat(DEEP) + '1' + '}]'.repeat(DEEP)), 'JSON'],
    ['azuredeploy.json', '// an ARM template with comments\n' + ARM_TEMPLATE(`{"vmSize":"Standard_D2s_v3","metadata":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`), 'JSON'],
    ['pool.yaml', '['.repeat(DEEP) + ']'.repeat(DEEP), 'YAML'],
    ['pool.yaml', `id: p\nmetadata: ${'['.repeat(250)}${']'.repeat(250)}\n`, 'YAML'],
    ['pool.yaml', Array.from({ length: 5_000 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n') + ' 1\n', 'YAML'],
    ['main.tf', TERRAFORM_POOL('dynamic "x" {\n'.repeat(DEEP) + '}\n'.repeat(DEEP)), 'HCL'],
    ['main.tf', TERRAFORM_POOL(`vm_size = ${'('.repeat(DEEP)}"x"${')'.repeat(DEEP)}`), 'HCL'],
    ['main.tf', TERRAFORM_POOL(`max_tasks_per_node = ${'1 + '.repeat(DEEP)}1`), 'HCL'],
    ['main.tf', TERRAFORM_POOL(`vm_size = var.x${'.a'.repeat(DEEP)}`), 'HCL'],
  ])('%s: %#, a parse-error at the place', async (filePath, text, what) => {
    expectParseErrorInside(await lintOf(filePath, text), text, what);
  });

  it('reads 200 levels in every format', async () => {
    const json = pool('['.repeat(198) + ']'.repeat(198));
    const yaml = `id: p\nvmSize: Standard_D2s_v3\nmetadata: ${'['.repeat(198)}${']'.repeat(198)}\n`;
    for (const [filePath, text] of [
      ['pool.json', json],
      ['pool.yaml', yaml],
    ] as const) {
      const result = await lintOf(filePath, text);
      expect(result.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
      expect(result.pools).toBe(1);
    }
  });

  it('an ARM expression nested 100,000 deep is not checked, not a syntax error', async () => {
    const text = ARM_TEMPLATE(`{"vmSize":"[${'concat('.repeat(DEEP)}'Standard_D2s_v3'${')'.repeat(DEEP)}]"}`);
    const result = await lintOf('azuredeploy.json', text);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('parse-error');
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('arm-expression-syntax');
    expect(result.notChecked.some((entry) => entry.reason.includes(TOO_DEEP))).toBe(true);
  });

  it('an ARM property chain 100,000 long is not checked', async () => {
    const text = ARM_TEMPLATE(`{"vmSize":"[parameters('x')${'.a'.repeat(DEEP)}]"}`);
    const result = await lintOf('azuredeploy.json', text);
    expect(result.notChecked.some((entry) => entry.reason.includes(TOO_DEEP))).toBe(true);
  });

  it('5,000 ARM variables that each read the next are not checked past 200', async () => {
    const variables = `{${Array.from({ length: 5_000 }, (_, index) => `"v${index}":"[variables('v${index + 1}')]"`).join(',')},"v5000":"Standard_D2s_v3"}`;
    const result = await lintOf('azuredeploy.json', ARM_TEMPLATE(`{"vmSize":"[variables('v0')]"}`, variables));
    expect(result.notChecked.some((entry) => entry.reason.includes('more than 200 parameters and variables that refer to one another'))).toBe(true);
  });

  it('json() of text nested 100,000 deep is not checked', async () => {
    const text = ARM_TEMPLATE(`{"vmSize":"Standard_D2s_v3","metadata":"[json('${'['.repeat(DEEP)}${']'.repeat(DEEP)}')]"}`);
    const result = await lintOf('azuredeploy.json', text);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('parse-error');
  });

  it.each([
    ['parentheses', `$TargetDedicatedNodes = ${'('.repeat(DEEP)}1${')'.repeat(DEEP)};`],
    ['unary minus', `$TargetDedicatedNodes = ${'-'.repeat(DEEP)}1;`],
    ['calls', `$TargetDedicatedNodes = ${'max('.repeat(DEEP)}1${')'.repeat(DEEP)};`],
    ['an operator chain', `$TargetDedicatedNodes = ${'1 + '.repeat(DEEP)}1;`],
  ])('an autoscale formula nested 100,000 deep (%s) is not checked, not a syntax error', async (_, formula) => {
    const result = await lintOf('pool.json', JSON.stringify({ ...POOL_HEAD, enableAutoScale: true, autoScaleFormula: formula }));
    const ruleIds = result.findings.map((finding) => finding.ruleId);
    expect(ruleIds).not.toContain('autoscale-formula-syntax');
    expect(ruleIds).not.toContain('autoscale-formula-semantics');
    expect(result.notChecked).toContainEqual(expect.objectContaining({ ruleId: 'autoscale-formula-syntax', reason: expect.stringContaining(TOO_DEEP) }));
  });
});

describe('ARM values built deeper than batchlint reads', () => {
  const chain = (levelsPerVariable: number, count = 200) => {
    const wrap = (inner: string) => `${'createArray('.repeat(levelsPerVariable)}${inner}${')'.repeat(levelsPerVariable)}`;
    return `{${Array.from({ length: count }, (_, index) => `"v${index}":"[${wrap(`variables('v${index + 1}')`)}]"`).join(',')},"v${count}":"x"}`;
  };

  const metadataOf = async (variables: string) => {
    const text = ARM_TEMPLATE(`{"vmSize":"Standard_D2s_v3","metadata":"[variables('v0')]"}`, variables);
    await lintOf('azuredeploy.json', text);
    const [pool] = await poolsOf({ filePath: 'azuredeploy.json', text, sources: NO_SOURCE_OPTIONS, readFile: () => undefined });
    return pool!.spec.metadata as unknown;
  };

  it('200 variables that each nest the next 150 levels deeper are unknown, not a crash', async () => {
    const metadata = await metadataOf(chain(150));
    expect(metadata).toBeInstanceOf(UnknownValue);
    expect((metadata as UnknownValue).reason).toContain(`evaluated through variables and calls with ${TOO_DEEP}`);
  });

  it('60 variables that each nest the next 5 levels deeper are unknown past 200 levels', async () => {
    const metadata = await metadataOf(chain(5, 60));
    expect(metadata).toBeInstanceOf(UnknownValue);
    expect((metadata as UnknownValue).reason).toContain(`has a value with ${TOO_DEEP}`);
  });
});

describe('Terraform locals and values built past what batchlint evaluates', () => {
  const vmSizeReason = (result: TextResult) => result.notChecked.find((entry) => entry.reason.startsWith('the VM size is not known statically'))?.reason;

  it('5,000 locals that each read the next are not checked past 200', async () => {
    const locals = Array.from({ length: 5_000 }, (_, index) => `  a${index} = local.a${index + 1}`).join('\n');
    const result = await lintOf('main.tf', `locals {\n${locals}\n  a5000 = "Standard_D2s_v3"\n}\n${TERRAFORM_POOL('vm_size = local.a0')}`);
    expect(vmSizeReason(result)).toContain('is reached through more than 200 locals that refer to one another');
  });

  it('200 locals that each nest the next 150 levels deeper are evaluated no deeper than batchlint reads, without a crash', async () => {
    const locals = Array.from({ length: 200 }, (_, index) => `  a${index} = ${'['.repeat(150)}local.a${index + 1}${']'.repeat(150)}`).join('\n');
    const result = await lintOf('main.tf', `locals {\n${locals}\n  a200 = "x"\n}\n${TERRAFORM_POOL('vm_size = "Standard_D2s_v3"\nmetadata = local.a0')}`);
    expect(result.pools).toBe(1);
  });

  it('locals that each double the one before are not checked once longer than 10,485,760 characters', async () => {
    const locals = Array.from({ length: 60 }, (_, index) => `  a${index} = "\${local.a${index + 1}}\${local.a${index + 1}}"`).join('\n');
    const result = await lintOf('main.tf', `locals {\n${locals}\n  a60 = "x"\n}\n${TERRAFORM_POOL('vm_size = local.a0')}`);
    expect(vmSizeReason(result)).toContain('builds a value longer than 10,485,760 characters or items, more than batchlint evaluates');
  });

  it('ARM variables that each double the one before are not checked once longer than 10,485,760 characters', async () => {
    const variables = `{${Array.from({ length: 60 }, (_, index) => `"v${index}":"[concat(variables('v${index + 1}'), variables('v${index + 1}'))]"`).join(',')},"v60":"x"}`;
    const result = await lintOf('azuredeploy.json', ARM_TEMPLATE(`{"vmSize":"[variables('v0')]"}`, variables));
    expect(vmSizeReason(result)).toContain('concat() builds a value longer than 10,485,760 characters or items, more than batchlint evaluates');
  });
});
