import { describe, expect, it } from 'vitest';
import { apiVersionProblems } from '../../src/schema/api-version-additions.ts';
import { validatePoolSchema } from '../../src/schema/validate-pool.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('pool-schema', {
  // ARM requires the command line once another start task member is given; an empty startTask is none (valid/arm-empty-start-task.json).
  'arm-start-task-without-command-line.json': [{ line: 22, column: 22, severity: 'error', message: ['missing required property "startTask.commandLine"'] }],
  'types-enums-required.json': [
    { line: 1, column: 1, severity: 'error', message: ['missing required property "vmSize"'] },
    { line: 2, column: 9, severity: 'error', message: ['"id" must be letters, digits, hyphens and underscores only', '"render pool!"'] },
    { line: 3, column: 3, severity: 'warning', message: ['unknown property "targetDedicated"; did you mean "targetDedicatedNodes"?'] },
    { line: 4, column: 27, message: ['"targetDedicatedNodes" must be 0 or more, got -3'] },
    { line: 5, column: 20, message: ['"resizeTimeout" must be an ISO-8601 duration such as "PT30M"', '"30m"'] },
    { line: 12, column: 23, message: ['"startTask.waitForSuccess" must be true or false, got "yes"'] },
    { line: 13, column: 55, message: ['"startTask.userIdentity.autoUser.elevationLevel" must be one of: nonAdmin, admin, got "root"'] },
  ],
  'retired-features.json': [
    { line: 4, column: 3, severity: 'error', message: ['Cloud Services Configuration pools were retired on 29 February 2024', 'Use virtualMachineConfiguration'] },
    { line: 8, column: 3, severity: 'warning', message: ['certificateReferences installs nothing', 'Key Vault VM extension'] },
  ],
  'arm-older-api-version.json': [
    {
      line: 13,
      column: 13,
      severity: 'warning',
      message: ['"networkConfiguration.publicIPAddressConfiguration.ipFamilies" is not in apiVersion 2024-07-01; added in 2025-06-01', 'apiVersion to 2025-06-01 or later'],
    },
    { line: 16, column: 9, severity: 'warning', message: ['so certificates installs nothing', 'Key Vault VM extension'] },
  ],
  'out-of-range.json': [
    { line: 4, column: 27, severity: 'error', message: ['"targetDedicatedNodes" is out of range: the number written is too large to be read; the API accepts at most 2147483647'] },
    { line: 5, column: 29, severity: 'error', message: ['"targetLowPriorityNodes" must be 2147483647 or less, got 2147483648'] },
    { line: 10, column: 67, severity: 'error', message: ['"startTask.maxTaskRetryCount" must be 2147483647 or less, got 3000000000'] },
  ],
  // The autoscale conflicts in this file are autoscale-settings' to report; the short resize timeout is the schema's.
  'autoscale-conflicts.yaml': [{ line: 6, column: 16, message: ['"resizeTimeout" must be at least 5 minutes'] }],
});

describe('apiVersionProblems', () => {
  it('names each list item that sets a property the declared apiVersion lacks, and judges by the date alone', () => {
    const pool = { virtualMachineConfiguration: { dataDisks: [{ lun: 0 }, { lun: 1, managedDisk: {} }] }, taskSchedulingPolicy: { jobDefaultOrder: 'none' } };
    expect(apiVersionProblems(pool, '2023-05-01').map((problem) => problem.path)).toEqual([
      ['virtualMachineConfiguration', 'dataDisks', 1, 'managedDisk'],
      ['taskSchedulingPolicy', 'jobDefaultOrder'],
    ]);
    expect(apiVersionProblems(pool, '2025-06-01')).toEqual([]);
    expect(apiVersionProblems(pool, '2026-01-01-preview')).toEqual([]);
    expect(apiVersionProblems(pool, 'latest')).toEqual([]);
  });
});

describe('validatePoolSchema', () => {
  it('accepts enum values in any casing, as the service does', () => {
    const pool = {
      id: 'p',
      vmSize: 'x',
      targetDedicatedNodes: 1,
      taskSchedulingPolicy: { nodeFillType: 'SPREAD' },
      startTask: { commandLine: 'a', userIdentity: { autoUser: { elevationLevel: 'NonAdmin' } } },
    };
    expect(validatePoolSchema(pool)).toEqual([]);
  });

  it('checks the image reference names exactly one image', () => {
    const image = (imageReference: object) => ({ id: 'p', vmSize: 'x', targetDedicatedNodes: 1, virtualMachineConfiguration: { imageReference, nodeAgentSKUId: 'a' } });
    expect(validatePoolSchema(image({ publisher: 'a', offer: 'b' }))).toEqual([expect.objectContaining({ message: expect.stringContaining('missing: sku') })]);
    expect(validatePoolSchema(image({ virtualMachineImageId: '/x', sku: 'y' }))).toEqual([expect.objectContaining({ message: expect.stringContaining('mutually exclusive') })]);
  });

  it('checks a resource file has exactly one source and an httpUrl a filePath', () => {
    const pool = {
      id: 'p',
      vmSize: 'x',
      targetDedicatedNodes: 1,
      startTask: { commandLine: 'a', resourceFiles: [{ httpUrl: 'https://x', storageContainerUrl: 'https://y' }, { httpUrl: 'https://x' }] },
    };
    expect(validatePoolSchema(pool).map((problem) => [problem.path, problem.message])).toEqual([
      [['startTask', 'resourceFiles', 0], expect.stringContaining('not storageContainerUrl and httpUrl')],
      [['startTask', 'resourceFiles', 1], expect.stringContaining('needs a filePath')],
    ]);
  });

  it('says to drop the quotes around a number written as a string', () => {
    const [problem] = validatePoolSchema({ id: 'p', vmSize: 'x', targetDedicatedNodes: '4' });
    expect(problem!.message).toBe('"targetDedicatedNodes" must be a whole number, got "4"; write 4 without quotes, as the API expects a JSON number');
    expect(validatePoolSchema({ id: 'p', vmSize: 'x', targetDedicatedNodes: 'four' })[0]!.message).toBe('"targetDedicatedNodes" must be a whole number, got "four"');
  });

  it('does not suggest a far-fetched property name', () => {
    const [problem] = validatePoolSchema({ id: 'p', vmSize: 'x', targetDedicatedNodes: 1, colour: 'blue' });
    expect(problem).toEqual({ path: ['colour'], part: 'key', severity: 'warning', message: 'unknown property "colour"; the Batch API ignores or rejects it' });
  });
});

describe('pools written for older API versions or exported from Azure', () => {
  it('names the current property for an old one, once', () => {
    const pool = { id: 'p', vmSize: 'x', targetDedicatedNodes: 1, startTask: { commandLine: 'a', resourceFiles: [{ blobSource: 'https://x/y', filePath: 'y' }] } };
    expect(validatePoolSchema(pool)).toEqual([
      {
        path: ['startTask', 'resourceFiles', 0, 'blobSource'],
        part: 'key',
        severity: 'warning',
        message: '"blobSource" is from an old API version and the current one does not know it; use "httpUrl"',
      },
    ]);
  });

  it('accepts extension settings given as a JSON string, as the API examples do', () => {
    const pool = {
      id: 'p',
      vmSize: 'x',
      targetDedicatedNodes: 1,
      virtualMachineConfiguration: {
        imageReference: { publisher: 'a', offer: 'b', sku: 'c' },
        nodeAgentSKUId: 'n',
        extensions: [{ name: 'e', publisher: 'p', type: 't', settings: '{"k":"v"}' }],
      },
    };
    expect(validatePoolSchema(pool)).toEqual([]);
  });
});

describeSameDefect('pool-schema', {
  'Batch JSON': { line: 16, column: 21 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 30, column: 27 },
  Bicep: { line: 10, column: 21 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 22 },
  Terraform: { line: 21, column: 22 },
});
