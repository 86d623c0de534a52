import type { AccessToken, TokenCredential } from '@azure/core-auth';

/** What a user can do when live mode finds no Azure sign-in; said once, in place of one failure per check. */
export const SIGN_IN_HELP = [
  '--live could not sign in to Azure, so no Azure fact was read and the run stopped. Sign in, then run again:',
  '  on your machine:       az login (or azd auth login, or Connect-AzAccount in Azure PowerShell)',
  '  in GitHub Actions:     an azure/login step with OIDC (client-id, tenant-id, subscription-id) before batchlint,',
  '                         and "id-token: write" in the workflow permissions',
  '  as a service principal: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)',
  'Without live mode, a batchlint.context.yaml gives the same facts (batchlint context snapshot writes one).',
].join('\n');

/** No token could be had: every live fact would be missing, so the run fails rather than pass unchecked. */
export class LiveSignInError extends Error {
  override readonly name = 'LiveSignInError';

  /** @param details what the credential chain said, each credential's reason: for --debug only. */
  constructor(readonly details: string) {
    super(SIGN_IN_HELP);
  }
}

const REFRESH_BEFORE_EXPIRY_MS = 2 * 60_000;

/**
 * Gets a token for Resource Manager once, before any request, and hands it to every Resource Manager
 * client until it is about to expire: a run without a sign-in stops here, and a run with one asks the credential (which may
 * start the az CLI) once instead of once per client.
 */
export async function signIn(credential: TokenCredential, endpoint: string): Promise<TokenCredential> {
  const scope = resourceManagerScope(endpoint);
  let token = await firstToken(credential, scope);
  return {
    async getToken(scopes, options) {
      // Another resource (the Batch data plane) needs a token of its own.
      if ((typeof scopes === 'string' ? scopes : scopes[0]) !== scope) return credential.getToken(scopes, options);
      if (token.expiresOnTimestamp - Date.now() < REFRESH_BEFORE_EXPIRY_MS) token = (await credential.getToken(scope, options)) ?? token;
      return token;
    },
  };
}

/** The token scope of a cloud's Resource Manager, which every client must ask for (some default to the public cloud's). */
export function resourceManagerScope(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/.default`;
}

async function firstToken(credential: TokenCredential, scope: string): Promise<AccessToken> {
  let token: AccessToken | null;
  try {
    token = await credential.getToken(scope);
  } catch (error) {
    throw new LiveSignInError(error instanceof Error ? error.message : String(error));
  }
  if (!token) throw new LiveSignInError('the credential returned no token');
  return token;
}
