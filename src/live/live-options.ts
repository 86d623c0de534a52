import type { TokenCredential } from '@azure/core-auth';
import type { ResponseCacheOptions } from './response-cache.ts';

/** How live mode reaches Azure. Only `accountId` is needed; the rest is for other clouds and for tests. */
export interface LiveOptions {
  /** Resource id of the Batch account the pools are created in. */
  accountId: string;
  /** Defaults to DefaultAzureCredential (the az CLI login, azure/login, managed identity…). */
  credential?: TokenCredential;
  /** Azure Resource Manager endpoint; defaults to the public cloud's (PUBLIC_CLOUD_ENDPOINT). */
  endpoint?: string;
  /** Extra CA certificate (PEM) to trust for the endpoint. */
  ca?: string;
  /** Per-request time limit in milliseconds. */
  timeoutMs?: number;
  /** At most this many requests in flight. */
  concurrency?: number;
  maxRetries?: number;
  /** Keep Azure's answers on disk and reuse them while they are fresh (`--cache`). */
  cache?: ResponseCacheOptions;
}

export const PUBLIC_CLOUD_ENDPOINT = 'https://management.azure.com';

export const LIVE_DEFAULTS = { timeoutMs: 30_000, concurrency: 8, maxRetries: 3 };
