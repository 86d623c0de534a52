import type { TokenCredential } from '@azure/core-auth';
import type { PlacedPolicy } from './response-cache.ts';
import { imageKey } from '../catalog/catalog.ts';
import type { SupportedImageFacts } from '../model/environment.ts';
import type { MarketplaceImage } from '../facts/environment-requests.ts';

/** The Batch service REST version asked for; the legacy @azure/batch client is pinned to 2022-10-01. */
const DATA_PLANE_API_VERSION = '2024-07-01.20.0';

/** Each cloud's Batch account host suffix and token scope (the resource id keeps its trailing slash, hence `//`). */
const BATCH_SCOPES: readonly [string, string][] = [
  ['.batch.chinacloudapi.cn', 'https://batch.chinacloudapi.cn//.default'],
  ['.batch.usgovcloudapi.net', 'https://batch.core.usgovcloudapi.net//.default'],
];
const PUBLIC_BATCH_SCOPE = 'https://batch.core.windows.net//.default';

export interface DataPlaneOptions {
  credential: TokenCredential;
  ca?: string;
  maxRetries: number;
  additionalPolicies?: PlacedPolicy[];
}

/** An entry of Account - List Supported Images as the service sends it. */
interface SupportedImageEntry {
  nodeAgentSKUId?: string;
  imageReference?: { publisher?: string; offer?: string; sku?: string };
  osType?: string;
  capabilities?: string[];
  batchSupportEndOfLife?: string;
}

interface SupportedImagePage {
  value?: SupportedImageEntry[];
  'odata.nextLink'?: string;
}

/** A failed data-plane request, shaped as the SDKs' RestError is (status and the service's error code) for describeFailure. */
class DataPlaneError extends Error {
  override readonly name = 'RestError';
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
  ) {
    super(`the Batch account answered ${statusCode}${code ? ` ${code}` : ''}`);
  }
}

/**
 * Reads the account's list of supported images from its data plane (`https://<accountEndpoint>/supportedimages`),
 * keeping the entries of the images asked for. Through @azure-rest/core-client rather than the legacy @azure/batch
 * client, whose retry waits outlast the abort signal and which does not retry a 429.
 */
export async function listSupportedImages(
  accountEndpoint: string,
  wanted: readonly MarketplaceImage[],
  options: DataPlaneOptions,
  abortSignal: AbortSignal,
): Promise<SupportedImageFacts[]> {
  const { getClient } = await import('@azure-rest/core-client');
  const endpoint = `https://${accountEndpoint.replace(/^https:\/\//i, '')}`;
  const client = getClient(endpoint, options.credential, {
    apiVersion: DATA_PLANE_API_VERSION,
    credentials: { scopes: [batchScope(endpoint)] },
    retryOptions: { maxRetries: options.maxRetries },
    ...(options.ca && { tlsOptions: { ca: options.ca } }),
    userAgentOptions: { userAgentPrefix: 'batchlint' },
    ...(options.additionalPolicies && { additionalPolicies: options.additionalPolicies }),
  });
  const keys = new Set(wanted.map(imageKey));
  const found: SupportedImageFacts[] = [];
  const seen = new Set<string>();
  let next: string | undefined = '/supportedimages';
  while (next) {
    seen.add(next);
    const response = await client.pathUnchecked(next).get({ abortSignal, headers: { accept: 'application/json' } });
    if (response.status !== '200') throw new DataPlaneError(Number(response.status), errorCode(response.body));
    const page = response.body as SupportedImagePage;
    if (!Array.isArray(page.value)) throw new Error('the Batch account answered the list of supported images with something other than a list');
    for (const entry of page.value) {
      const image = supportedImageFacts(entry);
      if (image && keys.has(imageKey(image))) found.push(image);
    }
    next = followingPage(page['odata.nextLink'], endpoint, seen);
  }
  return found;
}

/** The next page's link, which must stay on the account's own host (the token goes with it) and not come round again. */
function followingPage(link: string | undefined, endpoint: string, seen: ReadonlySet<string>): string | undefined {
  if (!link) return undefined;
  if (new URL(link, endpoint).host !== new URL(endpoint).host) throw new Error(`the Batch account's next page is on another host (${new URL(link, endpoint).host})`);
  if (seen.has(link)) throw new Error("the Batch account's list of supported images pages round in a circle");
  return link;
}

export function batchScope(endpoint: string): string {
  const host = new URL(endpoint).hostname.toLowerCase();
  return BATCH_SCOPES.find(([suffix]) => host.endsWith(suffix))?.[1] ?? PUBLIC_BATCH_SCOPE;
}

function supportedImageFacts(entry: SupportedImageEntry): SupportedImageFacts | undefined {
  const { publisher, offer, sku } = entry.imageReference ?? {};
  const osType = entry.osType?.toLowerCase();
  if (!publisher || !offer || !sku || !entry.nodeAgentSKUId || (osType !== 'linux' && osType !== 'windows')) return undefined;
  return {
    publisher,
    offer,
    sku,
    nodeAgentSkuId: entry.nodeAgentSKUId,
    osType,
    // The service leaves the property out for an image with none; written here, it says so.
    capabilities: entry.capabilities ?? [],
    ...(entry.batchSupportEndOfLife && { batchSupportEndOfLife: entry.batchSupportEndOfLife.slice(0, 10) }),
  };
}

/** The Batch service's error body: `{ code, message: { value } }`. */
function errorCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
