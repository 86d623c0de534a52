import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

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
 * The answers that may be kept: what changes slowly and holds no secret. The account's pools (start task settings,
 * SAS links in resource files), its application packages (SAS storage URLs), a subnet's addresses in use and the
 * subscription's usages change as pools scale or carry secrets, so they are always asked for.
 */
const KEPT_RESOURCES: readonly RegExp[] = [
  /\/providers\/Microsoft\.Batch\/batchAccounts\/[^/]+$/i,
  /\/providers\/Microsoft\.Batch$/i,
  /\/providers\/Microsoft\.Compute\/skus$/i,
  /\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i,
  /\/providers\/Microsoft\.Network\/networkSecurityGroups\/[^/]+$/i,
  /\/providers\/Microsoft\.Authorization\/locks$/i,
  /\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+(?:\/versions\/[^/]+)?$/i,
  /\/providers\/Microsoft\.Compute\/images\/[^/]+$/i,
  /\/providers\/Microsoft\.Compute\/locations\/[^/]+\/publishers\/[^/]+\/artifacttypes\/vmimage\/offers\/[^/]+\/skus\/[^/]+\/versions(?:\/[^/]+)?$/i,
  /^\/supportedimages$/i,
];

const isKept = (url: string) => KEPT_RESOURCES.some((pattern) => pattern.test(new URL(url).pathname));

/**
 * Why a cache folder cannot be trusted: another user owns it or others can write to it, so it could hand the run
 * answers Azure never gave. An absent folder is fine: it is made later, for this user only.
 */
export async function cacheFolderProblem(dir: string): Promise<string | undefined> {
  const found = await stat(dir).catch(() => undefined);
  if (!found) return undefined;
  if (!found.isDirectory()) return `--cache ${dir} is not a folder`;
  if (process.platform === 'win32') return undefined;
  const ownedByOther = process.getuid !== undefined && found.uid !== process.getuid();
  if (ownedByOther || (found.mode & 0o022) !== 0) {
    return `--cache ${dir} is ${ownedByOther ? "another user's folder" : 'writable by other users'}: give a folder only you can write to`;
  }
  return undefined;
}

/**
 * A pipeline policy that answers a GET of a kept resource from the cache while the answer is younger than the TTL,
 * and keeps each such 200 answer that parses. Failures are not kept, so a second run asks again.
 */
export function responseCachePolicy({ dir, ttlSeconds }: ResponseCacheOptions): PipelinePolicy {
  return {
    name: 'batchlintResponseCache',
    async sendRequest(request, next) {
      if (request.method !== 'GET' || !isKept(request.url)) return next(request);
      const file = join(dir, `${createHash('sha256').update(request.url).digest('hex')}.json`);
      const cached = await readAnswer(file);
      const age = cached && Date.now() - cached.storedAt;
      if (cached?.url === request.url && age !== undefined && age >= 0 && age < ttlSeconds * 1000) {
        // Imported here: the SDK's pipeline is loaded by now, and the CLI's bundle then imports no Azure module at start.
        const { createHttpHeaders } = await import('@azure/core-rest-pipeline');
        return { request, status: 200, headers: createHttpHeaders(cached.contentType ? { 'content-type': cached.contentType } : {}), bodyAsText: cached.body };
      }
      const response = await next(request);
      if (response.status === 200 && typeof response.bodyAsText === 'string' && parses(response.bodyAsText)) {
        const contentType = response.headers.get('content-type');
        // A cache that cannot be written costs the next run its requests, never this run its facts.
        await keepAnswer(dir, file, { url: request.url, storedAt: Date.now(), ...(contentType && { contentType }), body: response.bodyAsText }).catch(() => undefined);
      }
      return response;
    },
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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
  // Keeps the folder out of a commit when it is made inside a repository.
  await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, JSON.stringify(answer), { mode: 0o600 });
  await rename(partial, file);
}
