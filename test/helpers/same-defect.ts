import { describe, expect, it } from 'vitest';
import { contextFacts } from '../../src/facts/context-locator.ts';
import { lint } from '../../src/engine/lint.ts';
import { NO_SOURCE_OPTIONS, type SourceOptions } from '../../src/model/source-adapter.ts';
import { allRules } from '../../rules/index.ts';
import { PROJECT_ROOT } from './lint-fixture.ts';

/**
 * The product's promise, per rule: one defect written in each format a pool comes in
 * (fixtures/rules/<id>/formats/), linted with the environment of fixtures/rules/same-defect.context.yaml,
 * gives the rule's finding once, at the line and column where that format's own file holds the defect.
 */
export type Format = 'Batch JSON' | 'ARM template with a parameters file' | 'Bicep-built JSON' | 'Bicep' | 'Bicep with a .bicepparam' | 'Terraform';

/** `main.bicep` is what `main.json` was built from; `azuredeploy.bicep` with its `.bicepparam` is the ARM template and its parameters file written in Bicep. */
export const FORMAT_FILES: Record<Format, string> = {
  'Batch JSON': 'pool.json',
  'ARM template with a parameters file': 'azuredeploy.json',
  'Bicep-built JSON': 'main.json',
  Bicep: 'main.bicep',
  'Bicep with a .bicepparam': 'azuredeploy.bicep',
  Terraform: 'main.tf',
};

export const PARAMETERS = 'azuredeploy.parameters.json';
export const BICEP_PARAMETERS = 'azuredeploy.bicepparam';
const CONTEXT = 'fixtures/rules/same-defect.context.yaml';

/** Where the finding lands; in the linted file unless another file is named. */
export interface Site {
  line: number;
  column: number;
  file?: string;
}

/** A format that has no way to write the defect (why, as a note): its fixture is a pool without it, and gives no finding. */
export interface NotExpressible {
  notExpressible: string;
}

/** The Bicep-built subnets are resourceId()s, which need the subscription, as `--subscription` gives it. */
const SOURCES: SourceOptions = { ...NO_SOURCE_OPTIONS, deployment: { subscriptionId: '5f0c8d2e-7a41-4b9e-9c36-2d8e1f4a6b70' } };

export function describeSameDefect(ruleId: string, sites: Record<Format, Site | NotExpressible>): void {
  const folder = `fixtures/rules/${ruleId}/formats`;
  const rules = allRules.filter((rule) => rule.meta.id === ruleId);
  describe(`${ruleId}: the same defect in every format`, () => {
    it.each(Object.entries(sites) as [Format, Site | NotExpressible][])('%s', async (format, site) => {
      const facts = await contextFacts(`${PROJECT_ROOT}/${CONTEXT}`, PROJECT_ROOT);
      const report = await lint({ patterns: [`${folder}/${FORMAT_FILES[format]}`], cwd: PROJECT_ROOT, facts, rules, sources: SOURCES });
      const findings = report.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === ruleId);
      if ('notExpressible' in site) {
        expect(report.summary.pools).toBe(1);
        return expect(findings).toEqual([]);
      }
      expect(findings.map(({ filePath, line, column }) => ({ filePath, line, column }))).toEqual([
        { filePath: `${folder}/${site.file ?? FORMAT_FILES[format]}`, line: site.line, column: site.column },
      ]);
      if (site.file === PARAMETERS) expect(findings[0]!.message).toMatch(/\(value from parameter '\w+' in azuredeploy\.parameters\.json\)$/);
      if (site.file === BICEP_PARAMETERS) expect(findings[0]!.message).toMatch(/\(value from parameter '\w+' in azuredeploy\.bicepparam\)$/);
    });
  });
}
