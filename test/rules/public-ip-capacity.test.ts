import { describe, expect, it } from 'vitest';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('public-ip-capacity', {
  'too-few-dedicated.json': [
    {
      line: 13,
      column: 23,
      messageId: 'tooFew',
      severity: 'error',
      message: [
        'asks for 250 dedicated node(s), which need at least 3 public IP address(es)',
        'ipAddressIds lists 2',
        'resize error',
        'cannot be changed once the pool exists',
        'List at least 4 (3 for the nodes, plus a buffer of 1 as Batch recommends)',
      ],
    },
  ],
  'too-few-spot.yaml': [{ line: 13, column: 7, messageId: 'tooFew', message: ['150 Spot/low-priority node(s), which need at least 2', 'lists 1', 'List at least 3'] }],
  // 300 dedicated nodes need 3 addresses however Spot nodes are counted; apart, the 50 Spot nodes need a fourth.
  'both-kinds-short.yaml': [
    {
      line: 13,
      column: 19,
      messageId: 'tooFew',
      message: ['300 dedicated and 50 Spot/low-priority node(s), which need at least 3', 'lists 2', 'List at least 5 (4 for the nodes counting dedicated and Spot apart'],
    },
  ],
  'autoscale-cap-over.yaml': [
    {
      line: 8,
      column: 19,
      severity: 'warning',
      messageId: 'formulaTooFew',
      message: ['can ask for up to 400 dedicated node(s), which need at least 4', 'lists 3', 'At its peak', 'List at least 5'],
    },
  ],
});

describe('public-ip-capacity does not decide what it cannot know', () => {
  const notChecked = async (fixture: string) =>
    (await lintFixtures([`fixtures/rules/public-ip-capacity/valid/${fixture}`], ['public-ip-capacity'])).notChecked.map((entry) => entry.reason);

  it('lists dedicated and Spot nodes that fit only if they share the addresses as not checked', async () => {
    expect(await notChecked('shared-address-undecided.yaml')).toEqual([
      expect.stringContaining('100 dedicated and 100 Spot/low-priority node(s) fit 1 public IP address(es) only if one address serves dedicated and Spot nodes at once'),
    ]);
  });

  it('says which value is unknown: the address list, the provisioning type, the formula bound', async () => {
    expect(await notChecked('ip-list-from-variable.tf')).toEqual([expect.stringContaining('the list of public IP addresses is not known statically (var.public_ip_ids')]);
    expect(await notChecked('provision-from-parameter.json')).toEqual([expect.stringContaining('the public IP provisioning type is not known statically')]);
    expect(await notChecked('autoscale-unbounded.yaml')).toEqual([expect.stringContaining('the autoscale formula puts no upper bound on $TargetDedicatedNodes')]);
  });

  it('passes pools at the limit and Batch-managed pools without listing them as not checked', async () => {
    for (const fixture of ['at-the-limit.json', 'with-buffer.yaml', 'spot-at-the-limit.yaml', 'batch-managed.yaml', 'autoscale-cap-within.yaml']) {
      expect(await notChecked(fixture)).toEqual([]);
    }
  });
});

describeSameDefect('public-ip-capacity', {
  'Batch JSON': { line: 18, column: 23 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 44, column: 29 },
  Bicep: { line: 27, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 21 },
  Terraform: { line: 32, column: 40 },
});
