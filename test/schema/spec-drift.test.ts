import { describe, expect, it } from 'vitest';
import poolSchema from '../../schemas/pool.schema.json' with { type: 'json' };
import { armPathName, missingFromSchema, schemaPaths, specPaths } from '../../src/schema/spec-drift.ts';

/** A REST spec in the shape of BatchManagement.json, cut down to the parts the walk must handle. */
const MANAGEMENT = {
  definitions: {
    PoolProperties: {
      properties: {
        vmSize: { type: 'string' },
        provisioningState: { type: 'string', readOnly: true },
        scaleSettings: { $ref: '#/definitions/ScaleSettings' },
        networkConfiguration: { $ref: '#/definitions/NetworkConfiguration' },
        userAccounts: { type: 'array', items: { $ref: '#/definitions/UserAccount' } },
      },
    },
    ScaleSettings: { properties: { fixedScale: { properties: { targetDedicatedNodes: { type: 'integer', format: 'int32' } } } } },
    NetworkConfiguration: {
      allOf: [{ $ref: '#/definitions/Base' }],
      properties: { publicIPAddressConfiguration: { properties: { ipFamilies: { type: 'array', items: { type: 'string' } } } } },
    },
    Base: { properties: { subnetId: { type: 'string' }, loop: { $ref: '#/definitions/NetworkConfiguration' } } },
    UserAccount: { properties: { name: { type: 'string' }, futureSetting: { type: 'boolean' } } },
  },
};

describe('schema drift against the REST specs', () => {
  it('lists the writable paths of a spec model through $ref, allOf and lists, once round a cycle', () => {
    expect([...specPaths(MANAGEMENT, 'PoolProperties', 'properties')].sort()).toEqual([
      'properties.networkConfiguration',
      'properties.networkConfiguration.loop',
      'properties.networkConfiguration.publicIPAddressConfiguration',
      'properties.networkConfiguration.publicIPAddressConfiguration.ipFamilies',
      'properties.networkConfiguration.subnetId',
      'properties.scaleSettings',
      'properties.scaleSettings.fixedScale',
      'properties.scaleSettings.fixedScale.targetDedicatedNodes',
      'properties.userAccounts',
      'properties.userAccounts[].futureSetting',
      'properties.userAccounts[].name',
      'properties.vmSize',
    ]);
  });

  it('names the management properties the pool schema lacks, seen where an ARM pool writes them, not the containers it flattens', () => {
    const armSchema = new Set([...schemaPaths(poolSchema)].map(armPathName));
    expect(armPathName('targetDedicatedNodes')).toBe('properties.scaleSettings.fixedScale.targetDedicatedNodes');
    expect(armPathName('networkConfiguration.endpointConfiguration.inboundNATPools[].name')).toBe('properties.networkConfiguration.endpointConfiguration.inboundNatPools[].name');
    expect(missingFromSchema(specPaths(MANAGEMENT, 'PoolProperties', 'properties'), armSchema)).toEqual([
      'properties.networkConfiguration.loop',
      'properties.userAccounts[].futureSetting',
    ]);
  });
});
