import type { PoolRule } from '../src/model/rule.ts';
import { poolSubnetId } from '../src/pool/network.ts';

/** Azure's own DNS, reachable from every VNet; a VNet pointing only at it resolves Azure endpoints. */
const AZURE_DNS = '168.63.129.16';

export const vnetCustomDnsRule: PoolRule = {
  meta: {
    id: 'vnet-custom-dns',
    description: "The pool's VNet uses custom DNS servers, which must resolve Azure Storage and Batch endpoints or nodes go unusable.",
    defaultSeverity: 'warning',
    fixable: false,
    facts: ['environment'],
    messages: {
      customDns:
        "The subnet's VNet resolves names with custom DNS server(s) {{servers}}. Unless they resolve the Azure Storage " +
        '(*.blob/queue/table.core.windows.net) and Batch (*.batch.azure.com) endpoints — usually by forwarding to Azure DNS ' +
        `${AZURE_DNS} — nodes cannot reach Batch and go unusable. Check the forwarding before creating the pool.`,
    },
    docs: {
      facts: "Azure environment: a context file or `--live` — the DNS servers of the subnet's VNet",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const subnetId = known(poolSubnetId(pool.spec), 'the subnet');
    if (subnetId === undefined) return;
    const subnet = fact(facts.subnet(subnetId));
    if (!subnet.dnsServers) {
      const why = facts.unreadReason('vnet', subnetId.replace(/\/subnets\/[^/]+$/i, ''));
      return notChecked(`the DNS servers of the VNet of subnet ${subnetId} are not known${why ? `: ${why}` : ''}`);
    }
    const custom = subnet.dnsServers.filter((server) => server.trim() !== AZURE_DNS);
    if (custom.length === 0) return;
    report({ path: ['networkConfiguration', 'subnetId'], messageId: 'customDns', data: { servers: custom.join(', ') } });
  },
};
