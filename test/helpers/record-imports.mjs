// Loaded with `node --import`: writes every module URL the process resolved to $BATCHLINT_IMPORT_LOG at exit,
// so a test can prove what an offline run did not load.
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';

const { port1, port2 } = new MessageChannel();
const seen = [];
port1.on('message', (url) => seen.push(url));
port1.unref();
register(new URL('./record-imports-hooks.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => appendFileSync(process.env.BATCHLINT_IMPORT_LOG, seen.join('\n') + '\n'));
