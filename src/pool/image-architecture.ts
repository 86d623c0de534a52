import { findImage } from '../catalog/catalog.ts';
import type { CpuArchitecture } from '../catalog/types.ts';
import type { Facts } from '../model/facts.ts';
import type { PoolSpec } from '../model/pool-definition.ts';
import { isKnown } from '../model/unknown.ts';

export type ImageArchitectureResult = { known: true; architecture: CpuArchitecture; basis: string } | { known: false; reason: string };

type VmConfigurationSpec = Extract<NonNullable<PoolSpec['virtualMachineConfiguration']>, { imageReference?: unknown }>;

/** An agent id, offer or SKU that names its architecture as a word: "batch.node.windows amd64", "server-arm64", "windows11preview-arm64". */
const ARCHITECTURE_TOKENS: readonly [RegExp, CpuArchitecture][] = [
  [/(?:^|[\s._-])arm64(?:$|[\s._-])/i, 'Arm64'],
  [/(?:^|[\s._-])amd64(?:$|[\s._-])/i, 'x64'],
];

/**
 * The CPU architecture the pool's image and node agent are built for, from what they say of it: an
 * architecture in the node agent id or the image's offer or SKU, the agent the account's supported-images list pairs
 * it with, or the image's entry in the catalog's supported-images lists of 2020 and 2022, which predate Batch's Arm64
 * support. Unknown when nothing says, and when they disagree.
 */
export function poolImageArchitecture(configuration: VmConfigurationSpec, facts: Facts): ImageArchitectureResult {
  const statements: { architecture: CpuArchitecture; basis: string }[] = [];
  const agent = configuration.nodeAgentSKUId;
  if (typeof agent === 'string') {
    const architecture = architectureToken(agent);
    if (architecture) statements.push({ architecture, basis: `the node agent ${agent} is for ${architecture}` });
  }

  const image = configuration.imageReference;
  if (isKnown(image)) {
    const { publisher, offer, sku } = image;
    for (const [part, name] of [
      ['offer', offer],
      ['SKU', sku],
    ] as const) {
      if (typeof name !== 'string') continue;
      const architecture = architectureToken(name);
      if (architecture) statements.push({ architecture, basis: `the image ${part} ${name} names ${architecture}` });
    }
    const named = typeof publisher === 'string' && typeof offer === 'string' && typeof sku === 'string' ? { publisher, offer, sku } : undefined;
    const imageName = named && `${named.publisher}/${named.offer}/${named.sku}`;
    const listed = named && facts.image(named);
    const accountAgent = listed?.listedBy === 'account' ? listed.nodeAgentSkuId : undefined;
    const listedArchitecture = accountAgent && architectureToken(accountAgent);
    if (listedArchitecture) statements.push({ architecture: listedArchitecture, basis: `Batch pairs ${imageName} with the node agent ${accountAgent}` });
    // The catalog's lists predate Batch's Arm64 support, whichever list answers for the image today.
    if (named && findImage(named)) statements.push({ architecture: 'x64', basis: `Batch listed ${imageName} before it supported Arm64` });
  }

  const [first] = statements;
  if (!first) return { known: false, reason: 'neither the node agent id nor the image says which CPU architecture the image is built for' };
  if (statements.some(({ architecture }) => architecture !== first.architecture)) {
    return { known: false, reason: `the node agent and the image disagree on the CPU architecture (${statements.map(({ basis }) => basis).join('; ')})` };
  }
  return { known: true, architecture: first.architecture, basis: statements.map(({ basis }) => basis).join(', and ') };
}

function architectureToken(name: string): CpuArchitecture | undefined {
  return ARCHITECTURE_TOKENS.find(([pattern]) => pattern.test(name))?.[1];
}
