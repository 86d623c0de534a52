import { describe, expect, it } from 'vitest';
import { galleryImageReplicasRule } from '../../rules/gallery-image-replicas.ts';
import { lint } from '../../src/engine/lint.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { Environment } from '../../src/model/environment.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

const FIXTURES = 'fixtures/rules/gallery-image-replicas';
const RENDER = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/img-rg/providers/Microsoft.Compute/galleries/studio/images/render';

describeRuleFixtures('gallery-image-replicas', {
  'autoscale-formula.yaml': [
    {
      line: 9,
      column: 19,
      severity: 'warning',
      messageId: 'tooFewReplicas',
      message: ['The autoscale formula can ask for up to 1500 nodes (1000 dedicated + 500 Spot)', 'has 4 replica(s)', 'at least 5.'],
    },
  ],
  'definition-latest.json': [
    {
      line: 10,
      column: 29,
      severity: 'warning',
      messageId: 'tooFewReplicas',
      message: [
        `The pool asks for 1000 nodes (0 dedicated + 1000 Spot) from the image ${RENDER},`,
        "has 2 replica(s) in the Batch account's region (westeurope)",
        '4 for this pool',
      ],
    },
  ],
  'no-replica-in-region.yaml': [
    {
      line: 6,
      column: 28,
      severity: 'error',
      messageId: 'noReplicaInRegion',
      message: [`The image ${RENDER}/versions/1.0.0 has no replica in the Batch account's region (westeurope)`, 'Add westeurope to the image version'],
    },
  ],
  'too-few-replicas.yaml': [
    {
      line: 8,
      column: 23,
      severity: 'warning',
      messageId: 'tooFewReplicas',
      message: ['The pool asks for 600 nodes (400 dedicated + 200 Spot)', 'has 1 replica(s)', 'one replica per 300 nodes, 2 for this pool', 'at least 2.'],
    },
  ],
});

describeSameDefect('gallery-image-replicas', {
  'Batch JSON': { line: 10, column: 27 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 12, column: 16 },
  'Bicep-built JSON': { line: 22, column: 23 },
  Bicep: { line: 4, column: 23 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 5, column: 19 },
  Terraform: { line: 13, column: 30 },
});

/** The rule alone on a fixture, with the environment given. */
async function check(fixture: string, environment: Environment) {
  const report = await lint({
    patterns: [`${FIXTURES}/${fixture}`],
    cwd: PROJECT_ROOT,
    facts: createFacts({ environment, source: 'context' }),
    rules: [galleryImageReplicasRule],
  });
  return {
    findings: report.results.flatMap((result) => result.findings.map(({ poolId, messageId }) => `${poolId}: ${messageId}`)),
    notChecked: report.notChecked.map(({ poolId, reason }) => `${poolId}: ${reason}`),
  };
}

describe('gallery-image-replicas: what an images entry answers for', () => {
  it("does not judge a pinned version by its definition's count, which is its latest version's", async () => {
    const environment = { location: 'westeurope', images: { [RENDER]: { hyperVGeneration: 'V2', replicaCount: 10 } } } satisfies Environment;
    expect(await check('invalid/too-few-replicas.yaml', environment)).toEqual({
      findings: [],
      notChecked: [
        `render-600: the replica count of image ${RENDER}/versions/2.0.0 in the Batch account's region (the replicaCount of its images entry) is not in the context file`,
      ],
    });
  });

  it('says a pool of at most 300 nodes from an image without a count was not checked: it could still have no replica in the region', async () => {
    expect((await check('invalid/no-replica-in-region.yaml', { location: 'westeurope' })).notChecked).toEqual([
      expect.stringMatching(/^render-small: the replica count of image \S+\/versions\/1\.0\.0 in the Batch account's region/),
    ]);
  });

  it('says nothing of a pool whose image the definition leaves open when it asks for at most 300 nodes, and says so when it asks for more', async () => {
    expect(await check('valid/image-not-known.json', { location: 'westeurope' })).toEqual({
      findings: [],
      notChecked: [expect.stringMatching(/^large: the custom image id is not known statically/)],
    });
  });
});

describe("an image version's entry beside its definition's", () => {
  it("keeps the definition's Hyper-V generation, and takes no replica count from it", () => {
    const facts = createFacts({
      environment: { images: { [RENDER]: { hyperVGeneration: 'V2', replicaCount: 10 }, [`${RENDER}/versions/2.0.0`]: { replicaCount: 1 } } },
      source: 'context',
    });
    expect(facts.imageGeneration({ virtualMachineImageId: `${RENDER}/versions/2.0.0` })).toMatchObject({ known: true, value: { generation: 'V2' } });
    expect(facts.imageReplicas(`${RENDER}/versions/2.0.0`)).toEqual({ known: true, value: 1 });
    expect(facts.imageReplicas(`${RENDER}/versions/3.0.0`)).toMatchObject({ known: false });
    expect(facts.imageReplicas(RENDER)).toEqual({ known: true, value: 10 });
  });
});
