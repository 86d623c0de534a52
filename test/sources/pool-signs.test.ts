import { describe, expect, it } from 'vitest';
import { mayBePoolDefinition } from '../../src/sources/pool-signs.ts';

describe('mayBePoolDefinition', () => {
  it.each([
    ['a YAML pool', 'id: render\nvmSize: Standard_D4ds_v5\n  bad: indent\n'],
    ['a JSON pool', '{ "id": "render", "VMSize": "Standard_D4ds_v5", }'],
    ['a Jinja-templated pool', 'id: {{ pool_id }}\ntargetDedicatedNodes: {{ nodes }}\n{% if gpu %}\n'],
    ['a flow mapping', 'pool: {startTask: {commandLine: x}\n'],
    ['an ARM template', '{ "type": "Microsoft.Batch/batchAccounts/pools", '],
    ['a Terraform pool', 'resource "azurerm_batch_pool" "x" {\n  name = \n'],
    ["a Jinja-templated job's auto pool", 'poolInfo:\n  autoPoolSpecification:\n    pool: {{ pool | to_json }}\n'],
  ])('says yes for %s', (_, text) => {
    expect(mayBePoolDefinition(text)).toBe(true);
  });

  it.each([
    ['a Helm template', 'metadata:\n  name: {{ include "app.fullname" . }}\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n'],
    ['a Jinja-templated Ansible playbook', '- hosts: all\n  tasks:\n{% for p in packages %}\n    - name: {{ p }}\n{% endfor %}\n'],
    ['a policy name that merely ends in VmSize', '      Deny-MachineLearning-Compute-VmSize:\n      Deny-PublicIP:\n'],
    ['a word in prose', '# the vmSize of the pool is set elsewhere\n'],
  ])('says no for %s', (_, text) => {
    expect(mayBePoolDefinition(text)).toBe(false);
  });
});
