import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHttpHeaders, type PipelinePolicy } from '@azure/core-rest-pipeline';

/** Where live mode keeps Azure's answers between runs, and for how long one is good. */
export interface ResponseCacheOptions {
  dir: string;
  ttlSeconds: number;
}

/** A policy placed as the SDK clients' `additionalPolicies` take it. */
export interface PlacedPolicy {
  policy: PipelinePolicy;
  position: 'perCall' | 'perRetry';
}

/** One answer as kept on disk: the request it answers (the URL holds the resource id and api-version) and its body. */
interface CachedAnswer {
  url: string;
  storedAt: number;
  contentType?: string;
  body: string;
}

/**
 * A pipeline policy that answers a GET from the cache while the answer is younger than the TTL, and keeps every
 * 200 answer it lets through. Failures are not kept, so a second run asks again.
 */
export function responseCachePolicy({ dir, ttlSeconds }: ResponseCacheOptions, now: () => number = Date.now): PipelinePolicy {
  return {
    name: 'batchlintResponseCache',
    async sendRequest(request, next) {
      if (request.method !== 'GET') return next(request);
      const file = join(dir, `${createHash('sha256').update(request.url).digest('hex')}.json`);
      const cached = await readAnswer(file);
      if (cached?.url === request.url && now() - cached.storedAt < ttlSeconds * 1000) {
        return { request, status: 200, headers: createHttpHeaders(cached.contentType ? { 'content-type': cached.contentType } : {}), bodyAsText: cached.body };
      }
      const response = await next(request);
      if (response.status === 200 && typeof response.bodyAsText === 'string') {
        const contentType = response.headers.get('content-type');
        // A cache that cannot be written costs the next run its requests, never this run its facts.
        await keepAnswer(dir, file, { url: request.url, storedAt: now(), ...(contentType && { contentType }), body: response.bodyAsText }).catch(() => undefined);
      }
      return response;
    },
  };
}

async function readAnswer(file: string): Promise<CachedAnswer | undefined> {
  try {
    const answer = JSON.parse(await readFile(file, 'utf8')) as Partial<CachedAnswer>;
    return typeof answer.url === 'string' && typeof answer.storedAt === 'number' && typeof answer.body === 'string' ? (answer as CachedAnswer) : undefined;
  } catch {
    return undefined; // absent, or torn or edited by hand: asked again
  }
}

/** Written aside and renamed into place, so a concurrent run never reads half an answer. */
async function keepAnswer(dir: string, file: string, answer: CachedAnswer): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, JSON.stringify(answer), { mode: 0o600 });
  await rename(partial, file);
}
