import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import { ContextLocator } from '../../src/facts/context-locator.ts';
import { ContextError, loadContextFile } from '../../src/facts/load-context.ts';
import { allRules } from '../../rules/index.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

const FIXTURE = 'fixtures/rules/subnet-ip-capacity/invalid/too-many-nodes.json';

describe('context file', () => {
  it('is validated, and a mistake is reported with the file, line and column', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-context-'));
    const path = join(folder, 'batchlint.context.yaml');
    writeFileSync(path, 'location: eastus\naccount:\n  poolAllocationMode: Batch\n  quota: {}\n');
    const error = await loadContextFile(path, folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContextError);
    expect((error as Error).message).toMatch('batchlint.context.yaml:3:23 /account/poolAllocationMode must be equal to one of the allowed values');
    expect((error as Error).message).toMatch('batchlint.context.yaml:4:3 /account must NOT have additional properties "quota"');
  });

  it("requires an existing pool's VM size and both node counts, so a pool's nodes are never half-known", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-context-'));
    const path = join(folder, 'batchlint.context.yaml');
    writeFileSync(path, 'account:\n  pools:\n    render: { vmSize: Standard_D4s_v3, currentDedicatedNodes: 4 }\n');
    const error = await loadContextFile(path, folder).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch("batchlint.context.yaml:3:13 /account/pools/render must have required property 'currentLowPriorityNodes'");
  });

  it("takes a subnet's delegations as a list of service names, and rejects one written as a string", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'batchlint-context-'));
    const path = join(folder, 'batchlint.context.yaml');
    const subnet = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci';
    writeFileSync(path, `subnets:\n  ${subnet}:\n    delegations: [Microsoft.ContainerInstance/containerGroups]\n`);
    expect((await loadContextFile(path, folder)).subnets).toEqual({ [subnet]: { delegations: ['Microsoft.ContainerInstance/containerGroups'] } });
    writeFileSync(path, `subnets:\n  ${subnet}:\n    delegations: Microsoft.ContainerInstance/containerGroups\n`);
    const error = await loadContextFile(path, folder).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/batchlint\.context\.yaml:3:18 \/subnets\/.*\/delegations must be array/);
  });

  it('takes NSG rules in ARM shape ({ name, properties }) and flattens them', async () => {
    const environment = await loadContextFile(join(PROJECT_ROOT, 'fixtures/rules/subnet-nsg-batch-traffic/batchlint.context.yaml'), PROJECT_ROOT);
    const subnet = Object.entries(environment.subnets!).find(([id]) => id.endsWith('/locked-down'))![1];
    expect(subnet.networkSecurityGroup!.securityRules![0]).toMatchObject({ name: 'deny-internet-out', priority: 100, access: 'Deny', direction: 'Outbound' });
  });

  it('is found beside the linted file or above it, and turns the environment rules on', async () => {
    const contexts = new ContextLocator(PROJECT_ROOT);
    const withContext = await lint({ patterns: [FIXTURE], cwd: PROJECT_ROOT, facts: (file) => contexts.forFile(file), rules: allRules });
    expect(withContext.environment).toBe('context');
    expect(withContext.results[0]!.findings.map((finding) => finding.ruleId)).toContain('subnet-ip-capacity');
  });

  it('without one, the environment rules do not run and the report says so', async () => {
    const offline = await lint({ patterns: [FIXTURE], cwd: PROJECT_ROOT, facts: createFacts(), rules: allRules });
    expect(offline.environment).toBe('none');
    const environmentRules = allRules.filter((rule) => rule.meta.facts.includes('environment')).map((rule) => rule.meta.id);
    expect(environmentRules).toEqual([
      'application-packages',
      'batch-access',
      'core-quota-headroom',
      'gallery-image-replicas',
      'nvme-disk-controller',
      'resource-lock',
      'subnet-delegation',
      'subnet-ip-capacity',
      'subnet-nsg-batch-traffic',
      'vnet-custom-dns',
    ]);
    expect(offline.results[0]!.findings.filter((finding) => environmentRules.includes(finding.ruleId))).toEqual([]);
    expect(offline.notChecked.filter((entry) => environmentRules.includes(entry.ruleId))).toEqual([]);
  });
});
