import type { TokenCredential } from '@azure/core-auth';
import type { BatchManagementClient } from '@azure/arm-batch';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { ManagementLockClient } from '@azure/arm-locks';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { ResourceManagementClient } from '@azure/arm-resources';
import { LIVE_DEFAULTS, PUBLIC_CLOUD_ENDPOINT, type LiveOptions } from './live-options.ts';
import { resourceManagerScope, signIn } from './sign-in.ts';
import { responseCachePolicy, type PlacedPolicy, type ResponseCacheOptions } from './response-cache.ts';

/** The SDK clients of one subscription, each module imported on first use (they cost ~0.1–0.3 s apiece). */
export class AzureClients {
  /** Rejects with a LiveSignInError when no token can be had. */
  readonly credential: Promise<TokenCredential>;
  private readonly clients = new Map<string, Promise<unknown>>();

  constructor(private readonly options: LiveOptions) {
    const credential = options.credential ? Promise.resolve(options.credential) : defaultCredential();
    this.credential = credential.then((found) => signIn(found, options.endpoint ?? PUBLIC_CLOUD_ENDPOINT));
  }

  batch(subscriptionId: string): Promise<BatchManagementClient> {
    return this.client(
      `batch:${subscriptionId}`,
      async () => new (await import('@azure/arm-batch')).BatchManagementClient(await this.credential, subscriptionId, this.clientOptions()),
    );
  }

  compute(subscriptionId: string): Promise<ComputeManagementClient> {
    return this.client(
      `compute:${subscriptionId}`,
      async () => new (await import('@azure/arm-compute')).ComputeManagementClient(await this.credential, subscriptionId, this.clientOptions()),
    );
  }

  network(subscriptionId: string): Promise<NetworkManagementClient> {
    return this.client(
      `network:${subscriptionId}`,
      async () => new (await import('@azure/arm-network')).NetworkManagementClient(await this.credential, subscriptionId, this.clientOptions()),
    );
  }

  locks(subscriptionId: string): Promise<ManagementLockClient> {
    return this.client(
      `locks:${subscriptionId}`,
      async () => new (await import('@azure/arm-locks')).ManagementLockClient(await this.credential, subscriptionId, this.clientOptions()),
    );
  }

  resources(subscriptionId: string): Promise<ResourceManagementClient> {
    return this.client(
      `resources:${subscriptionId}`,
      async () => new (await import('@azure/arm-resources')).ResourceManagementClient(await this.credential, subscriptionId, this.clientOptions()),
    );
  }

  private client<T>(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key) as Promise<T> | undefined;
    if (!client) {
      client = create();
      this.clients.set(key, client);
    }
    return client;
  }

  private clientOptions() {
    const { endpoint, ca, cache, maxRetries = LIVE_DEFAULTS.maxRetries } = this.options;
    // The older clients take credentialScopes, the newer ones credentials.scopes; left out, some ask for the
    // public cloud's scope whatever the endpoint.
    const scopes = [resourceManagerScope(endpoint ?? PUBLIC_CLOUD_ENDPOINT)];
    return {
      ...(endpoint && { endpoint }),
      credentialScopes: scopes,
      credentials: { scopes },
      ...(ca && { tlsOptions: { ca } }),
      retryOptions: { maxRetries },
      userAgentOptions: { userAgentPrefix: 'batchlint' },
      ...(cache && { additionalPolicies: [cachePolicy(cache, 'sdk')] }),
    };
  }
}

/**
 * The response cache, placed for the client: in the SDK clients, inside their deserialization (which then reads a
 * cached answer as one from the wire), so within retry and signing, whose token is had once per run anyway; in the
 * REST-level client, which parses answers after its pipeline, per call (its token policy still runs first).
 */
export function cachePolicy(cache: ResponseCacheOptions, client: 'sdk' | 'rest'): PlacedPolicy {
  return { policy: responseCachePolicy(cache), position: client === 'sdk' ? 'perRetry' : 'perCall' };
}

async function defaultCredential(): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}
