import { describe, expect, it } from 'vitest';
import { affectedFiles } from '../../src/action/affected-files.ts';

const POOLS = ['pools/a.json', 'pools/gpu/b.yaml', 'pools/bicep/main.bicep', 'infra/main.tf', 'infra/pools.tf', 'infra/modules/net/main.tf', 'other/c.json'];

describe('affectedFiles', () => {
  it('takes the pools in the folder and below of a changed context, config, parameters, bicepparam or tfvars file', () => {
    expect(affectedFiles(['pools/batchlint.context.yaml'], POOLS)).toEqual(['pools/a.json', 'pools/gpu/b.yaml', 'pools/bicep/main.bicep']);
    expect(affectedFiles(['pools/bicep/main.bicepparam'], POOLS)).toEqual(['pools/bicep/main.bicep']);
    expect(affectedFiles(['pools/gpu/batchlint.config.json'], POOLS)).toEqual(['pools/gpu/b.yaml']);
    expect(affectedFiles(['pools/gpu/azuredeploy.parameters.json'], POOLS)).toEqual(['pools/gpu/b.yaml']);
    expect(affectedFiles(['infra/prod.tfvars'], POOLS)).toEqual(['infra/main.tf', 'infra/pools.tf', 'infra/modules/net/main.tf']);
    expect(affectedFiles(['batchlint.context.json'], POOLS)).toEqual(POOLS);
  });

  it('takes the other .tf files of the module of a changed .tf file, not those of other modules', () => {
    expect(affectedFiles(['infra/variables.tf'], POOLS)).toEqual(['infra/main.tf', 'infra/pools.tf']);
  });

  it('takes nothing for other changes', () => {
    expect(affectedFiles(['pools/a.json', 'README.md', 'pools/notes.parameters.txt'], POOLS)).toEqual([]);
  });
});
