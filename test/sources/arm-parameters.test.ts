import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { NO_SOURCE_OPTIONS, type SourceOptions } from '../../src/model/source-adapter.ts';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { batchDataPlaneAdapter } from '../../src/sources/batch/batch-data-plane.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { isUnknown, type UnknownValue } from '../../src/model/unknown.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';
import { allRules } from '../../rules/index.ts';

const TEMPLATE = 'fixtures/formats/arm/parameters/azuredeploy.json';
const PARAMETERS = 'fixtures/formats/arm/parameters/azuredeploy.parameters.json';
const SMALL = 'fixtures/formats/arm/parameters/small.parameters.json';
const CLI_TEMPLATE = 'fixtures/formats/arm/batch-cli/pool.json';

function lintWith(patterns: string[], sources: Partial<SourceOptions> = {}) {
  return lint({ rules: allRules, patterns, cwd: PROJECT_ROOT, facts: createFacts(), sources: { ...NO_SOURCE_OPTIONS, ...sources } });
}

function poolsOf(file: string, sources: Partial<SourceOptions> = {}) {
  const document = JsonDocument.parse(file, readFileSync(join(PROJECT_ROOT, file), 'utf8'), 'json');
  const context = sourceContext(sources);
  const pools = (armTemplateAdapter.extract(document, context) ?? batchDataPlaneAdapter.extract(document, context))!;
  return { pools, problems: context.problems };
}

const brief = (finding: { ruleId: string; filePath: string; line: number; column: number }) => ({
  ruleId: finding.ruleId,
  filePath: finding.filePath,
  line: finding.line,
  column: finding.column,
});

describe('ARM parameters files', () => {
  it('take values from <name>.parameters.json beside <name>.json, over the defaults', () => {
    const [pool] = poolsOf(TEMPLATE).pools;
    expect(pool!.spec.vmSize).toBe('Standard_NC6');
    expect(pool!.spec.targetDedicatedNodes).toBe(1200);
    expect(pool!.id).toBe('render');
  });

  it('leave a Key Vault reference unknown, saying so', () => {
    const [pool] = poolsOf(TEMPLATE).pools;
    const [mount] = pool!.spec.mountConfiguration as { azureBlobFileSystemConfiguration: { accountKey: unknown } }[];
    const key = mount!.azureBlobFileSystemConfiguration.accountKey;
    expect(isUnknown(key)).toBe(true);
    expect((key as UnknownValue).reason).toBe("parameter 'storageKey' in azuredeploy.parameters.json is a Key Vault secret reference, which is not read offline");
  });

  it('come from --parameters instead of the file beside the template, in either shape', () => {
    const [pool] = poolsOf(TEMPLATE, { parameterFiles: [join(PROJECT_ROOT, SMALL)] }).pools;
    expect(pool!.spec.vmSize).toBe('Standard_D2ds_v5');
    expect(pool!.spec.targetDedicatedNodes).toBe(3);
  });

  it('give way to a later --parameters file', () => {
    const [pool] = poolsOf(TEMPLATE, { parameterFiles: [join(PROJECT_ROOT, SMALL), join(PROJECT_ROOT, PARAMETERS)] }).pools;
    expect(pool!.spec.vmSize).toBe('Standard_NC6');
  });

  it('that cannot be read make every parameter unknown, reported as a parse-error on the template', () => {
    const { pools, problems } = poolsOf(TEMPLATE, { parameterFiles: ['fixtures/formats/arm/parameters/missing.parameters.json'] });
    expect((pools[0]!.spec.vmSize as UnknownValue).reason).toBe('cannot read the parameters file fixtures/formats/arm/parameters/missing.parameters.json');
    expect(problems).toEqual([
      {
        ruleId: 'parse-error',
        path: [],
        message:
          'cannot read the parameters file fixtures/formats/arm/parameters/missing.parameters.json; every template parameter is unknown, so nothing that depends on one was checked',
      },
    ]);
  });

  it('are never pools themselves, whatever their parameter names', async () => {
    const report = await lintWith([PARAMETERS, SMALL, 'fixtures/formats/arm/batch-cli/pool.parameters.json']);
    expect(report.summary.files).toBe(0);
  });
});

describe('findings on values from parameters and variables', () => {
  it('point at the value in the parameters file, and say where it came from', async () => {
    const report = await lintWith([TEMPLATE]);
    const findings = report.results.flatMap((result) => result.findings);
    expect(findings.map(brief)).toEqual([
      { ruleId: 'vm-size-unknown', filePath: PARAMETERS, line: 6, column: 16 },
      { ruleId: 'resize-timeout-large-pool', filePath: TEMPLATE, line: 11, column: 22 },
    ]);
    expect(findings[0]!.message).toMatch(/^"Standard_NC6" is not a VM size .* \(value from parameter 'vmSize' in azuredeploy\.parameters\.json\)$/);
    expect(findings[1]!.message).toMatch(/resizeTimeout is PT15M: .* \(value from variable 'resizeTimeout'\)$/);
  });

  it('carry no fix: the value is not written at the property, and may serve more than this pool', async () => {
    const report = await lintWith([TEMPLATE]);
    expect(report.results.flatMap((result) => result.findings).filter((finding) => finding.fix)).toEqual([]);
  });

  it('point at the --parameters file that gives the value, as the command line names it', async () => {
    const report = await lintWith([TEMPLATE], { parameterFiles: ['fixtures/formats/arm/batch-cli/pool.parameters.json'] });
    const [finding] = report.results.flatMap((result) => result.findings);
    expect(brief(finding!)).toEqual({ ruleId: 'vm-size-unknown', filePath: 'fixtures/formats/arm/batch-cli/pool.parameters.json', line: 3, column: 24 });
    const withDefaults = await lintWith([TEMPLATE], { parameterFiles: [SMALL] });
    expect(withDefaults.results.flatMap((result) => result.findings)).toEqual([]);
  });
});

describe('Batch CLI templates', () => {
  it('take the parameters file beside them, with its findings located there', async () => {
    const report = await lintWith(['fixtures/formats/arm/batch-cli']);
    expect(report.summary).toMatchObject({ files: 1, pools: 1 });
    const findings = report.results.flatMap((result) => result.findings);
    expect(findings.map(brief)).toEqual([{ ruleId: 'vm-size-unknown', filePath: 'fixtures/formats/arm/batch-cli/pool.parameters.json', line: 3, column: 24 }]);
    expect(findings[0]!.poolId).toBe('ffmpeg-gpu');
    expect(findings[0]!.message).toContain("(value from parameter 'vmSize' in pool.parameters.json)");
  });

  it('read their values from --parameters, and drop the package references the CLI extensions turn into a start task', () => {
    const [pool] = poolsOf(CLI_TEMPLATE, { parameterFiles: [join(PROJECT_ROOT, SMALL)] }).pools;
    expect(pool!.spec).toMatchObject({ id: 'ffmpeg-pool', vmSize: 'Standard_D2ds_v5', targetDedicatedNodes: 3 });
    expect(pool!.spec).not.toHaveProperty('packageReferences');
  });

  it('point a finding on a variable at the variable', () => {
    const [pool] = poolsOf(CLI_TEMPLATE).pools;
    expect(pool!.locate(['virtualMachineConfiguration', 'imageReference', 'sku'])).toMatchObject({
      location: { line: 8, column: 91 },
      exact: true,
      origin: "value from variable 'osType'",
    });
    expect(pool!.locate(['virtualMachineConfiguration', 'imageReference', 'sku']).filePath).toBeUndefined();
  });

  it('point a finding on a key at the object that holds it, not at where its value came from', () => {
    const [pool] = poolsOf(CLI_TEMPLATE).pools;
    const located = pool!.locate(['targetDedicatedNodes'], 'key');
    expect(located).toMatchObject({ location: { line: 20, column: 7 }, exact: true });
    expect(located.origin).toBeUndefined();
    expect(pool!.locate(['virtualMachineConfiguration', 'imageReference', 'sku'], 'key')).toMatchObject({
      location: { line: 8, column: 84 },
      origin: "value from variable 'osType'",
    });
  });
});
