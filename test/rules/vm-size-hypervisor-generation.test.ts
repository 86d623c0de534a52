import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('vm-size-hypervisor-generation', {
  'a1-v2-with-gen2-image.json': [
    {
      line: 3,
      column: 13,
      severity: 'error',
      message: [
        'STANDARD_A1_V2 can boot only Generation 1 images',
        'Canonical 0001-com-ubuntu-server-jammy 22_04-lts-gen2',
        'is Generation 2',
        'AllocationFailed',
        /such as Standard_\w+ \(\d vCPUs?\)/,
      ],
      noFix: true,
    },
  ],
  'gen2-only-size-with-gen1-image.yaml': [
    { line: 3, column: 9, message: ['Standard_D4ds_v6 can boot only Generation 2 images', 'is Generation 1', 'Generation 2 SKU of the image'] },
  ],
  'gensecond-sku-on-gen1-size.json': [{ line: 3, column: 13, message: ['Standard_D2_v3', 'Generation 2'] }],
  'new-canonical-offer-on-gen1-size.yaml': [
    { line: 4, column: 9, severity: 'error', message: ['Standard_A2_v2 can boot only Generation 1 images', 'Canonical ubuntu-22_04-lts server', 'is Generation 2'] },
  ],
});

describe('vm-size-hypervisor-generation suggestions and unknowns', () => {
  it('suggests only sizes that can boot the image, close in vCPUs', async () => {
    const report = await lintFixtures(['fixtures/rules/vm-size-hypervisor-generation/invalid/a1-v2-with-gen2-image.json'], ['vm-size-hypervisor-generation']);
    const message = report.results[0]!.findings[0]!.message;
    const suggested = [...message.matchAll(/(Standard_\w+) \((\d+) vCPUs?\)/g)];
    expect(suggested.length).toBeGreaterThan(0);
    for (const [, , vCPUs] of suggested) expect(Number(vCPUs)).toBeLessThanOrEqual(2);
  });

  it('says which pools it could not check, and why, instead of guessing', async () => {
    const report = await lintFixtures(['fixtures/rules/vm-size-hypervisor-generation/valid/unknown-generation-not-guessed.json'], ['vm-size-hypervisor-generation']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({ poolId: 'gallery-image', reason: expect.stringContaining('live mode or from a context file') }),
      expect.objectContaining({ poolId: 'unknown-marketplace-sku', reason: expect.stringContaining('contoso/render-node/2025') }),
    ]);
  });

  it("reads a gallery image's generation, and that of a marketplace image the catalog lacks, from the environment (context file or live)", async () => {
    const report = await lintFixtures(['fixtures/environments/gallery-images/pools.yaml'], ['vm-size-hypervisor-generation']);
    const findings = report.results[0]!.findings;
    expect(findings.map((finding) => [finding.poolId, finding.line])).toEqual([
      ['gen2-image-on-a1', 4],
      ['gen2-marketplace-on-a2', 18],
    ]);
    expect(findings[0]!.message).toMatch("image definition's hyperVGeneration is V2");
    expect(findings[1]!.message).toMatch('the hyperVGeneration of contoso:render-node:2025 is V2');
    expect(report.notChecked).toEqual([]);
  });
});

describeSameDefect('vm-size-hypervisor-generation', {
  'Batch JSON': { line: 3, column: 13 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 22, column: 23 },
  Bicep: { line: 4, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 16 },
  Terraform: { line: 5, column: 25 },
});
