import { describe, expect, it } from 'vitest';
import { nodeDemand } from '../../src/pool/node-demand.ts';

describe('nodeDemand', () => {
  it('counts dedicated and Spot nodes apart', () => {
    expect(nodeDemand({ targetDedicatedNodes: 3, targetLowPriorityNodes: 2 })).toEqual({ dedicated: 3, spot: 2 });
  });

  it('does not count with a number too large to read (1e309 is Infinity), which pool-schema reports', () => {
    expect(nodeDemand({ targetDedicatedNodes: JSON.parse('1e309') })).toMatchObject({ reason: 'the target node count is too large to be read' });
  });
});
