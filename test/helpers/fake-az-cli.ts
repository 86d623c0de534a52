import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment in which the built CLI signs in through the real DefaultAzureCredential, limited to its
 * Azure CLI credential, with an `az` of the test's own on PATH: it prints a static token, or, signed out,
 * what the real az says (or `says`). No other credential runs (none probes the managed-identity address), and the
 * fake Azure's certificate is trusted as a user trusts a proxy's (NODE_EXTRA_CA_CERTS).
 */
export function azureCliEnvironment(options: { ca: string; signedIn: boolean; token?: string; says?: string }): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-az-'));
  const az = join(folder, 'az');
  const said = join(folder, 'said.txt');
  if (options.signedIn) {
    writeFileSync(
      said,
      JSON.stringify({ accessToken: options.token ?? 'static-test-token', expiresOn: '2099-01-01 00:00:00.000000', expires_on: 4070908800, tokenType: 'Bearer' }),
    );
    writeFileSync(az, `#!/bin/sh\ncat '${said}'\n`);
  } else {
    writeFileSync(said, `${options.says ?? "ERROR: Please run 'az login' to setup account."}\n`);
    writeFileSync(az, `#!/bin/sh\ncat '${said}' >&2\nexit 1\n`);
  }
  chmodSync(az, 0o755);
  const ca = join(folder, 'ca.pem');
  writeFileSync(ca, options.ca);
  return { PATH: `${folder}:${process.env.PATH ?? ''}`, AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential', NODE_EXTRA_CA_CERTS: ca };
}
