import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.ts';
import { lint } from '../../src/engine/lint.ts';
import { isPoolRule } from '../../src/model/rule.ts';
import { ContextLocator } from '../../src/facts/context-locator.ts';
import { NO_SOURCE_OPTIONS, type SourceOptions } from '../../src/model/source-adapter.ts';
import { allRules } from '../../rules/index.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

/**
 * One defect per rule, written in each format a pool comes in (fixtures/formats/same-defect/<rule>/), with
 * the environment of that folder's batchlint.context.yaml. Each must give the rule's finding once, at the
 * line and column where that format's own file holds the defect.
 */
const FOLDER = 'fixtures/formats/same-defect';

type Format = 'Batch JSON' | 'ARM template with a parameters file' | 'Bicep-built JSON' | 'Terraform';

const LINTED: Record<Format, string> = {
  'Batch JSON': 'pool.json',
  'ARM template with a parameters file': 'azuredeploy.json',
  'Bicep-built JSON': 'main.json',
  Terraform: 'main.tf',
};

const PARAMETERS = 'azuredeploy.parameters.json';

/** Where the finding lands; in the linted file unless another file is named. */
interface Site {
  line: number;
  column: number;
  file?: string;
}

/** The Bicep-built subnets are resourceId()s, which need the subscription, as `--subscription` gives it. */
const SOURCES: SourceOptions = { ...NO_SOURCE_OPTIONS, deployment: { subscriptionId: '5f0c8d2e-7a41-4b9e-9c36-2d8e1f4a6b70' } };

const EXPECTED: Record<string, Record<Format, Site>> = {
  'vm-size-hypervisor-generation': {
    'Batch JSON': { line: 3, column: 13 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 22, column: 23 },
    Terraform: { line: 5, column: 25 },
  },
  'vm-size-unknown': {
    'Batch JSON': { line: 3, column: 13 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 6, column: 26 },
    'Bicep-built JSON': { line: 31, column: 19 },
    Terraform: { line: 10, column: 25 },
  },
  'vm-size-unavailable': {
    'Batch JSON': { line: 3, column: 13 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 18, column: 23 },
    Terraform: { line: 5, column: 30 },
  },
  // Bicep builds the agent id with format(): the finding is on the expression that makes it.
  'image-end-of-life': {
    'Batch JSON': { line: 11, column: 23 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 36, column: 31 },
    Terraform: { line: 6, column: 25 },
  },
  'resize-timeout-large-pool': {
    'Batch JSON': { line: 11, column: 20 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 15, column: 16 },
    'Bicep-built JSON': { line: 44, column: 30 },
    Terraform: { line: 14, column: 30 },
  },
  'temp-disk-capacity': {
    'Batch JSON': { line: 3, column: 13 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 19, column: 23 },
    Terraform: { line: 5, column: 25 },
  },
  'pool-schema': {
    'Batch JSON': { line: 16, column: 21 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 30, column: 27 },
    Terraform: { line: 21, column: 22 },
  },
  // Terraform leaves wait_for_success out (the provider sends false): the finding is on the start_task block.
  'start-task-wait-for-success': {
    'Batch JSON': { line: 23, column: 23 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 53, column: 29 },
    Terraform: { line: 20, column: 3 },
  },
  'start-task-shell': {
    'Batch JSON': { line: 15, column: 20 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 45, column: 26 },
    Terraform: { line: 20, column: 26 },
  },
  'start-task-elevation': {
    'Batch JSON': { line: 19, column: 27 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 51, column: 33 },
    Terraform: { line: 26, column: 27 },
  },
  'start-task-retries': {
    'Batch JSON': { line: 17, column: 26 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 46, column: 32 },
    Terraform: { line: 26, column: 26 },
  },
  // The defect is a setting left out, which has no value in the parameters file (that only makes the pool
  // Windows): every format points at the object the setting belongs in, Terraform at the resource.
  'windows-automatic-updates': {
    'Batch JSON': { line: 4, column: 3 },
    'ARM template with a parameters file': { line: 30, column: 11 },
    'Bicep-built JSON': { line: 29, column: 11 },
    Terraform: { line: 1, column: 1 },
  },
  'core-quota-headroom': {
    'Batch JSON': { line: 13, column: 27 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 33, column: 22 },
    Terraform: { line: 16, column: 30 },
  },
  // Terraform declares the subnet beside the pool; the others name one of the context file.
  'subnet-ip-capacity': {
    'Batch JSON': { line: 15, column: 17 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 53, column: 23 },
    Terraform: { line: 35, column: 17 },
  },
  // The Bicep-built template keeps the subnet id in a variable: the finding is on the variable.
  'subnet-nsg-batch-traffic': {
    'Batch JSON': { line: 16, column: 17 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 18, column: 17 },
    Terraform: { line: 26, column: 17 },
  },
  'vnet-custom-dns': {
    'Batch JSON': { line: 15, column: 17 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 45, column: 23 },
    Terraform: { line: 20, column: 17 },
  },
  'resource-lock': {
    'Batch JSON': { line: 15, column: 17 },
    'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
    'Bicep-built JSON': { line: 45, column: 23 },
    Terraform: { line: 20, column: 17 },
  },
};

const contexts = new ContextLocator(PROJECT_ROOT);

async function findingsOf(ruleId: string, file: string): Promise<Finding[]> {
  const rules = allRules.filter((rule) => rule.meta.id === ruleId);
  const report = await lint({ patterns: [file], cwd: PROJECT_ROOT, facts: (path) => contexts.forFile(path), rules, sources: SOURCES });
  return report.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === ruleId);
}

describe.each(Object.entries(EXPECTED))('%s: the same defect in every format', (ruleId, formats) => {
  it.each(Object.entries(formats) as [Format, Site][])('%s', async (format, site) => {
    const folder = `${FOLDER}/${ruleId}`;
    const findings = await findingsOf(ruleId, `${folder}/${LINTED[format]}`);
    expect(findings.map(({ filePath, line, column }) => ({ filePath, line, column }))).toEqual([
      { filePath: `${folder}/${site.file ?? LINTED[format]}`, line: site.line, column: site.column },
    ]);
    if (site.file === PARAMETERS) expect(findings[0]!.message).toMatch(/\(value from parameter '\w+' in azuredeploy\.parameters\.json\)$/);
  });
});

it('covers every rule that checks a pool', () => {
  const poolRules = allRules.filter(isPoolRule).map((rule) => rule.meta.id);
  expect(Object.keys(EXPECTED).sort()).toEqual(poolRules.sort());
});
