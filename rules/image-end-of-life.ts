import { imageRetirement, NODE_AGENT_RETIREMENTS, type BatchRetirement } from '../src/catalog/batch-retirements.ts';
import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { daysBetween, RETIREMENT_WARNING_DAYS } from '../src/facts/retirement.ts';
import type { Path } from '../src/model/location.ts';
import { isKnown, isUnknown } from '../src/model/unknown.ts';

/** What ends Batch's support for the pool: its node agent, or its image. */
interface SupportEnd extends Partial<BatchRetirement> {
  lastDay: string;
  what: string;
  path: Path;
}

const REPLACEMENT = 'a supported image and node agent, such as Canonical ubuntu-24_04-lts server with batch.node.ubuntu 24.04, or a Windows Server 2022 SKU';

export const imageEndOfLifeRule: PoolRule = {
  meta: {
    id: 'image-end-of-life',
    description: "Batch's support for the pool's node agent or image has ended, or ends soon: new pools are refused and nodes may go unusable.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      ended:
        "Batch's support for {{what}} ended after {{lastDay}}{{source}}: a new pool with it is refused or never gets a working node, " +
        `and Batch may take the nodes of existing pools away. Move to ${REPLACEMENT}.`,
      endsSoon: `Batch's support for {{what}} ends after {{lastDay}}, in {{days}} day(s){{source}}: from then on no new pool can use it. Move to ${REPLACEMENT} before then.`,
    },
    docs: {
      severityNote: 'a warning in the last 180 days before the end',
      facts: "Batch's supported-images list (the account's, read by --live or given in a context file, else the catalog's copy), and the Batch team's retirement notices",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const configuration = known(pool.spec.virtualMachineConfiguration, 'the virtual machine configuration');
    if (!isKnown(configuration)) return;
    const ends: SupportEnd[] = [];

    const agent = configuration.nodeAgentSKUId;
    if (isUnknown(agent)) notChecked(notStatic('the node agent SKU', agent));
    else if (typeof agent === 'string') {
      const retirement = NODE_AGENT_RETIREMENTS.get(agent.trim().toLowerCase());
      if (retirement) ends.push({ ...retirement, what: `node agent ${agent}`, path: ['virtualMachineConfiguration', 'nodeAgentSKUId'] });
    }

    const image = configuration.imageReference;
    if (isKnown(image)) {
      const { publisher, offer, sku } = image;
      if (typeof publisher === 'string' && typeof offer === 'string' && typeof sku === 'string') {
        const path = ['virtualMachineConfiguration', 'imageReference', 'sku'];
        const what = `the image ${publisher}/${offer}/${sku}`;
        const retirement = imageRetirement({ publisher, offer, sku });
        if (retirement) ends.push({ ...retirement, what, path });
        const listed = facts.image({ publisher, offer, sku })?.batchSupportEndOfLife;
        if (listed) ends.push({ lastDay: listed.slice(0, 10), what, path });
      }
    }

    const end = ends.sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : 0))[0];
    if (!end) return;
    const days = daysBetween(facts.today, end.lastDay);
    const source = end.notice ? ` (${end.notice})` : " (Batch's supported-images list)";
    const data = { what: end.what, lastDay: end.lastDay, source, days };
    if (days < 0) return report({ path: end.path, messageId: 'ended', data });
    if (days <= RETIREMENT_WARNING_DAYS) report({ path: end.path, severity: 'warning', messageId: 'endsSoon', data });
  },
};
