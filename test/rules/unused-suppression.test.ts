import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDirectives } from '../../src/engine/suppressions.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { lintFixtures, PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { allRules } from '../../rules/index.ts';

describeRuleFixtures(
  'unused-suppression',
  {
    'stale-and-misspelt.yaml': [
      { line: 5, column: 5, severity: 'warning', message: ['batchlint-disable-next-line comment silences nothing here'] },
      { line: 8, column: 3, message: ['names no known rule (start-task-shel)'] },
    ],
    'stale.jsonc': [{ line: 2, column: 6, message: ['silences nothing'] }],
  },
  { withAllRules: true },
);

describe('inline suppressions', () => {
  const fixture = 'fixtures/rules/unused-suppression/valid/used-suppressions.yaml';
  const ruleIdsOf = async (path: string) => (await lintFixtures([path])).results.flatMap((result) => result.findings.map((finding) => finding.ruleId));

  it('silence the named rules on the next line and in the whole file', async () => {
    expect(await ruleIdsOf(fixture)).toEqual([]);
  });

  it('silence nothing else: without the comments the same pool is reported', async () => {
    const { lint } = await import('../../src/engine/lint.ts');
    const { createFacts } = await import('../../src/facts/catalog-facts.ts');
    const text = readFileSync(join(PROJECT_ROOT, fixture), 'utf8').replace(/^\s*# batchlint-disable.*\n/gm, '');
    const report = await lint({ rules: allRules, patterns: ['-'], cwd: PROJECT_ROOT, facts: createFacts(), stdin: { text, filePath: 'pool.yaml' } });
    expect(report.results[0]!.findings.map((finding) => finding.ruleId).sort()).toEqual(['start-task-shell', 'windows-automatic-updates']);
  });

  it('read rule lists and reasons from YAML and JSONC comments, and nothing from plain JSON', () => {
    expect(findDirectives('a: 1 # batchlint-disable-next-line rule-a, rule-b -- why not\n', 'yaml')).toEqual([
      { scope: 'next-line', ruleIds: ['rule-a', 'rule-b'], reason: 'why not', offset: 7, length: 53, line: 1 },
    ]);
    expect(findDirectives('{ /* batchlint-disable rule-a */ }', 'jsonc')[0]).toMatchObject({ scope: 'file', ruleIds: ['rule-a'] });
    expect(findDirectives('{ "note": "batchlint-disable rule-a" }', 'json')).toEqual([]);
    expect(findDirectives('url: "https://x/#batchlint-disable"\n', 'yaml')).toEqual([]);
  });
});

/** One pool with one finding (start-task-shell on its command line) in each format that has comments. */
const COMMENTED_FORMATS = {
  'pool.yaml': {
    comment: '#',
    lines: [
      'id: nightly',
      'vmSize: Standard_D2s_v3',
      'virtualMachineConfiguration:',
      '  imageReference: { publisher: Canonical, offer: 0001-com-ubuntu-server-jammy, sku: 22_04-lts-gen2, version: latest }',
      '  nodeAgentSKUId: batch.node.ubuntu 22.04',
      'targetDedicatedNodes: 1',
      'startTask:',
      '  commandLine: setup.sh > setup.log',
      '  maxTaskRetryCount: 1',
    ],
  },
  'pool.jsonc': {
    comment: '//',
    lines: [
      '{',
      '  "id": "nightly",',
      '  "vmSize": "Standard_D2s_v3",',
      '  "virtualMachineConfiguration": {',
      '    "imageReference": { "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },',
      '    "nodeAgentSKUId": "batch.node.ubuntu 22.04"',
      '  },',
      '  "targetDedicatedNodes": 1,',
      '  "startTask": {',
      '    "commandLine": "setup.sh > setup.log",',
      '    "maxTaskRetryCount": 1',
      '  }',
      '}',
    ],
  },
  'pool.tf': {
    comment: '#',
    lines: [
      'resource "azurerm_batch_pool" "nightly" {',
      '  name                = "nightly"',
      '  resource_group_name = "batch-rg"',
      '  account_name        = "batchacct"',
      '  vm_size             = "Standard_D2s_v3"',
      '  node_agent_sku_id   = "batch.node.ubuntu 22.04"',
      '  storage_image_reference {',
      '    publisher = "Canonical"',
      '    offer     = "0001-com-ubuntu-server-jammy"',
      '    sku       = "22_04-lts-gen2"',
      '    version   = "latest"',
      '  }',
      '  fixed_scale {',
      '    target_dedicated_nodes = 1',
      '  }',
      '  start_task {',
      '    command_line       = "setup.sh > setup.log"',
      '    wait_for_success   = true',
      '    task_retry_maximum = 1',
      '  }',
      '}',
    ],
  },
};

describe.each(Object.entries(COMMENTED_FORMATS))('batchlint-disable comments in %s', (filePath, { comment, lines }) => {
  const commandLine = lines.findIndex((line) => /command_?line/i.test(line));
  const indent = /^\s*/.exec(lines[commandLine]!)![0];
  const withComment = (at: number, directive: string) => [...lines.slice(0, at), `${indent}${comment} ${directive}`, ...lines.slice(at)].join('\n') + '\n';
  const findingsOf = async (text: string) => {
    const { lint } = await import('../../src/engine/lint.ts');
    const { createFacts } = await import('../../src/facts/catalog-facts.ts');
    const report = await lint({ rules: allRules, patterns: ['-'], cwd: PROJECT_ROOT, facts: createFacts(), stdin: { text, filePath } });
    return report.results[0]!.findings.map(({ ruleId, line }) => ({ ruleId, line }));
  };

  it('without one, the finding is reported', async () => {
    expect(await findingsOf(lines.join('\n') + '\n')).toEqual([{ ruleId: 'start-task-shell', line: commandLine + 1 }]);
  });

  it('disable-next-line with the rule silences it', async () => {
    expect(await findingsOf(withComment(commandLine, 'batchlint-disable-next-line start-task-shell -- setup.sh redirects on its own'))).toEqual([]);
  });

  it('disable-next-line with another rule leaves it, and is itself reported as unused', async () => {
    expect(await findingsOf(withComment(commandLine, 'batchlint-disable-next-line start-task-retries'))).toEqual([
      { ruleId: 'unused-suppression', line: commandLine + 1 },
      { ruleId: 'start-task-shell', line: commandLine + 2 },
    ]);
  });

  it('disable-next-line two lines above leaves it', async () => {
    expect((await findingsOf(withComment(commandLine - 1, 'batchlint-disable-next-line start-task-shell'))).map(({ ruleId }) => ruleId).sort()).toEqual([
      'start-task-shell',
      'unused-suppression',
    ]);
  });

  it('disable for the file silences it wherever it is', async () => {
    const atTop = withComment(0, 'batchlint-disable start-task-shell -- reviewed').replace(/^\s+/, '');
    expect(await findingsOf(atTop)).toEqual([]);
  });
});
