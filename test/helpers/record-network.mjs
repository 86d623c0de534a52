// Loaded with `node --import`: every outgoing connection the process attempts (http, https, fetch and tls
// all go through net.Socket#connect) is written to $BATCHLINT_NETWORK_LOG and refused before any packet
// leaves, so a test can prove a run never reached for the network, Azure's managed-identity address included.
import net from 'node:net';
import { appendFileSync } from 'node:fs';

net.Socket.prototype.connect = function (...args) {
  appendFileSync(process.env.BATCHLINT_NETWORK_LOG, `connect ${JSON.stringify(args[0])}\n`);
  process.nextTick(() => this.destroy(new Error('the network is closed to this test')));
  return this;
};
