import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { poolSubnetId } from '../src/pool/network.ts';
import { isUnknown } from '../src/model/unknown.ts';

/** Azure's own DNS, reachable from every VNet; a VNet pointing only at it resolves Azure endpoints. */
const AZURE_DNS = '168.63.129.16';

export const vnetCustomDnsRule: PoolRule = {
  meta: {
    id: 'vnet-custom-dns',
    description: "The pool's VNet uses custom DNS servers, which must resolve Azure Storage and Batch endpoints or nodes go unusable.",
    defaultSeverity: 'warning',
    fixable: false,
    facts: ['environment'],
    docs: {
      facts: 'Azure environment: a context file or `--live` — the DNS servers of the subnet\'s VNet',
    },
  },
  check(pool, { facts, report, notChecked }) {
    const subnetId = poolSubnetId(pool.spec);
    if (subnetId === undefined) return;
    if (isUnknown(subnetId)) return notChecked(notStatic('the subnet', subnetId));
    const subnet = facts.subnet(subnetId);
    if (!subnet.known) return notChecked(subnet.reason);
    if (!subnet.value.dnsServers) {
      const why = facts.unreadReason('vnet', subnetId.replace(/\/subnets\/[^/]+$/i, ''));
      return notChecked(`the DNS servers of the VNet of subnet ${subnetId} are not known${why ? `: ${why}` : ''}`);
    }
    const custom = subnet.value.dnsServers.filter((server) => server.trim() !== AZURE_DNS);
    if (custom.length === 0) return;
    report({
      path: ['networkConfiguration', 'subnetId'],
      message:
        `The subnet's VNet resolves names with custom DNS server(s) ${custom.join(', ')}. Unless they resolve the Azure Storage ` +
        `(*.blob/queue/table.core.windows.net) and Batch (*.batch.azure.com) endpoints — usually by forwarding to Azure DNS ` +
        `${AZURE_DNS} — nodes cannot reach Batch and go unusable. Check the forwarding before creating the pool.`,
    });
  },
};
