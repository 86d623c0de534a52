import { describe, expect, it } from 'vitest';
import { applicationPackagesRule } from '../../rules/application-packages.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('application-packages', {
  'missing-application.yaml': [
    {
      line: 9,
      column: 20,
      severity: 'error',
      messageId: 'noApplication',
      message: ['no application "houdini"', 'InvalidApplicationPackageReferences', 'it has blender, ffmpeg, imagemagick'],
    },
  ],
  'missing-version.yaml': [{ line: 9, column: 14, severity: 'error', messageId: 'noVersion', message: ['"blender" has no package version "4.3"', 'pick one it has: 4.1, 4.2'] }],
  'no-default-version.yaml': [
    { line: 8, column: 20, severity: 'error', messageId: 'noDefaultVersion', message: ['application "ffmpeg" names no version', 'no default version', 'Set'] },
    { line: 10, column: 20, severity: 'error', messageId: 'noDefaultVersion', message: ['application "imagemagick"'] },
  ],
});

describeSameDefect('application-packages', {
  'Batch JSON': { line: 17, column: 18 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 43, column: 24 },
  Bicep: { line: 26, column: 18 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 23 },
  Terraform: { notExpressible: 'azurerm_batch_pool has no block for application packages' },
});

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/batch-rg/providers/Microsoft.Batch/batchAccounts/acct';

/** The rule alone on the valid fixture (pool "render" references blender, ffmpeg 6.1 and Blender 4.1), against the environment given. */
async function check(environment: Environment) {
  const report = await lint({
    patterns: ['fixtures/rules/application-packages/valid/packages-the-account-has.yaml'],
    cwd: PROJECT_ROOT,
    facts: createFacts({ environment, source: 'context' }),
    rules: [applicationPackagesRule],
  });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ line, messageId }) => ({ line, messageId }))),
    notChecked: report.notChecked.map(({ poolId, reason }) => ({ poolId, reason })),
  };
}

describe('application-packages without the facts to decide', () => {
  it("lists the pool as not checked when the account's applications are not given, and a pool without packages not at all", async () => {
    const { findings, notChecked } = await check({ account: { id: ACCOUNT_ID } });
    expect(findings).toEqual([]);
    expect(notChecked).toEqual([{ poolId: 'render', reason: expect.stringContaining("the account's applications are not known") }]);
  });

  it("checks a version only against a known list of versions, and still checks the application's other references", async () => {
    const { findings, notChecked } = await check({ account: { applications: { blender: { defaultVersion: '4.2' }, ffmpeg: { versions: ['6.0'] } } } });
    expect(findings).toEqual([{ line: 11, messageId: 'noVersion' }]);
    expect(notChecked).toEqual([{ poolId: 'render', reason: expect.stringContaining('the package versions of application Blender are not known') }]);
  });

  it('treats an application id as a name whether or not it is a resource id', async () => {
    const { findings } = await check({ account: { applications: { blender: { versions: ['4.1'] } } } });
    expect(findings).toEqual([
      { line: 9, messageId: 'noDefaultVersion' },
      { line: 10, messageId: 'noApplication' },
    ]);
  });
});
