import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { sourceContext } from '../helpers/source-context.ts';

const SYMBOLIC = 'fixtures/formats/bicep/symbolic-names.json';
const CLASSIC = 'fixtures/formats/bicep/classic.json';

function pools(file: string) {
  return armTemplateAdapter.extract(JsonDocument.parse(file, readFileSync(file, 'utf8'), 'json'), sourceContext())!;
}

const brief = (finding: { ruleId: string; line: number; column: number; poolId?: string }) => ({
  ruleId: finding.ruleId,
  line: finding.line,
  column: finding.column,
  poolId: finding.poolId,
});

describe('Bicep-built JSON, languageVersion 2.0 (resources by symbolic name)', () => {
  it('finds a pool per copy of a resource loop, and none in existing resources', () => {
    expect(pools(SYMBOLIC).map((pool) => pool.id)).toEqual(['render', 'sim']);
  });

  it('evaluates each copy with its own index, and property loops into the arrays they build', () => {
    const [render, sim] = pools(SYMBOLIC);
    expect(render!.spec).toMatchObject({ vmSize: 'Standard_D4ds_v5', targetDedicatedNodes: 2 });
    expect(sim!.spec).toMatchObject({ vmSize: 'Standard_NC6', targetDedicatedNodes: 1 });
    expect(sim!.spec.metadata).toEqual([
      { name: 'stage', value: 'dev' },
      { name: 'team', value: 'render' },
    ]);
    expect(sim!.spec).not.toHaveProperty('copy');
  });

  it("locates a copy's value at its item of the parameter the loop reads", async () => {
    const findings = (await lintFixtures([SYMBOLIC])).results[0]!.findings;
    expect(findings.map(brief)).toEqual([{ ruleId: 'vm-size-unknown', line: 46, column: 21, poolId: 'sim' }]);
    expect(findings[0]!.message).toContain("(value from the default of parameter 'pools')");
    const [, sim] = pools(SYMBOLIC);
    expect(sim!.locate(['metadata', 1, 'value']).location).toMatchObject({ line: 81, column: 24 });
  });
});

describe('Bicep-built JSON, classic resource array', () => {
  it('finds pools named with format() and concat(), and the pool of a module', () => {
    expect(pools(CLASSIC).map((pool) => pool.id)).toEqual(['gpu', 'gpu-linux', 'cpu']);
  });

  it('builds application packages from a property loop, dropping what tryGet() leaves null and leaving resource ids unknown without --subscription', () => {
    const [gpu] = pools(CLASSIC);
    const [blender, ffmpeg] = gpu!.spec.applicationPackageReferences as { applicationId: unknown; version?: string }[];
    expect(blender!.version).toBe('4.1');
    expect(ffmpeg).not.toHaveProperty('version');
    expect(isUnknown(ffmpeg!.applicationId)).toBe(true);
    expect(gpu!.spec).toMatchObject({ startTask: { commandLine: '/bin/bash -c "apt-get install -y jq"' }, enableInterNodeCommunication: true });
  });

  it("evaluates a module with the parameters it is given, over the module's defaults", () => {
    const [, , cpu] = pools(CLASSIC);
    expect(cpu!.spec).toMatchObject({ vmSize: 'Standard_D8ds_v5', targetDedicatedNodes: 1200, resizeTimeout: 'PT15M' });
  });

  it('reports at the parameter default, and inside the module at its own path', async () => {
    const findings = (await lintFixtures([CLASSIC])).results[0]!.findings;
    expect(findings.map(brief)).toEqual([
      { ruleId: 'vm-size-unknown', line: 22, column: 23, poolId: 'gpu' },
      { ruleId: 'resize-timeout-large-pool', line: 172, column: 38, poolId: 'cpu' },
    ]);
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[1]!.fix?.edits).toEqual([{ offset: expect.any(Number), length: 7, text: '"PT30M"' }]);
  });
});
