import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { allRules } from '../../rules/index.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('resize-timeout-large-pool', {
  'marketplace-default-timeout.json': [
    {
      line: 1,
      column: 1,
      severity: 'warning',
      message: ['1200 nodes from a marketplace image', 'resizeTimeout is not set, so it is the default PT15M', 'at least PT30M'],
      fixed: (text) => {
        expect((JSON.parse(text) as { resizeTimeout?: string }).resizeTimeout).toBe('PT30M');
        expect(text).toContain('  "targetLowPriorityNodes": 400,\n  "resizeTimeout": "PT30M"\n}');
      },
    },
  ],
  'gallery-short-timeout.yaml': [
    {
      line: 9,
      column: 16,
      message: ['2500 nodes from a custom image', 'resizeTimeout is PT30M', 'at least PT45M'],
      fixed: (text) => expect(text).toContain('\nresizeTimeout: PT45M\n'),
    },
  ],
  'custom-image-400-nodes.json': [
    { line: 9, column: 20, message: ['400 nodes'], fixed: (text) => expect((JSON.parse(text) as { resizeTimeout?: string }).resizeTimeout).toBe('PT30M') },
  ],
});

describe('resize-timeout-large-pool on values a template leaves open', () => {
  it('says it could not check instead of guessing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-template-'));
    writeFileSync(
      join(folder, 'pool.template.json'),
      JSON.stringify({
        parameters: { nodes: { type: 'int' } },
        pool: {
          id: 'big',
          vmSize: 'Standard_D2s_v3',
          targetDedicatedNodes: "[parameters('nodes')]",
          virtualMachineConfiguration: { imageReference: { publisher: 'Canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },
        },
      }),
    );
    const report = await lint({ patterns: ['.'], cwd: folder, facts: createFacts(), rules: allRules.filter((rule) => rule.meta.id === 'resize-timeout-large-pool') });
    expect(report.results[0]!.findings).toEqual([]);
    expect(report.notChecked).toEqual([
      expect.objectContaining({ ruleId: 'resize-timeout-large-pool', poolId: 'big', reason: expect.stringContaining('parameter "nodes" has no default value') }),
    ]);
  });
});

describeSameDefect('resize-timeout-large-pool', {
  'Batch JSON': { line: 11, column: 20 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 15, column: 16 },
  'Bicep-built JSON': { line: 44, column: 30 },
  Bicep: { line: 21, column: 24 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 6, column: 23 },
  Terraform: { line: 14, column: 30 },
});
