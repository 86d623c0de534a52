import { resolve } from 'node:path';
import { ConfigLocator } from '../config/load-config.ts';
import type { LintOptions } from '../engine/lint.ts';
import { ContextLocator, contextFacts } from '../facts/context-locator.ts';
import { findContextFile, loadContextFile } from '../facts/load-context.ts';
import { runDate } from '../facts/run-date.ts';
import { allRules } from '../../rules/index.ts';
import type { LiveOptions } from '../live/live-options.ts';

/** How a run (the CLI or the Action) asked for Azure facts. */
export interface FactsRequest {
  cwd: string;
  live?: boolean;
  account?: string;
  /** Resource Manager endpoint of another cloud, for live mode. */
  armEndpoint?: string;
  /** A folder to keep live mode's answers in, and how many seconds they stay fresh. */
  cache?: string;
  cacheTtl?: number;
  /** The date to judge retirements by (YYYY-MM-DD), instead of today. */
  asOf?: string;
  config?: string;
  context?: string;
}

/** The account or context needed for the facts asked for is missing. */
export class FactsSetupError extends Error {}

/** Live Azure with live; one context file for the whole run with context; otherwise each file's nearest one. */
export async function factsForRun(request: FactsRequest): Promise<LintOptions['facts']> {
  const { cwd } = request;
  const today = request.asOf === undefined ? undefined : runDate(request.asOf);
  if ((request.cache !== undefined || request.cacheTtl !== undefined) && !request.live) {
    throw new FactsSetupError('--cache and --cache-ttl keep what --live reads from Azure: add --live, or leave them out');
  }
  if (request.live) {
    // The account first: a run that cannot name it stops before the Azure SDKs (and any credential) load.
    const accountId = await accountForRun(request);
    const { liveFacts } = await import('../live/live-facts.ts');
    return liveFacts({ accountId, ...liveConnection(request) }, today);
  }
  if (request.context) return contextFacts(resolve(cwd, request.context), cwd, today);
  const contexts = new ContextLocator(cwd, today);
  return (filePath) => contexts.forFile(filePath);
}

export const DEFAULT_CACHE_TTL_SECONDS = 600;

/** How live mode reaches Azure, as the run asked: another cloud's endpoint, a response cache. */
export function liveConnection(request: Pick<FactsRequest, 'cwd' | 'armEndpoint' | 'cache' | 'cacheTtl'>): Pick<LiveOptions, 'endpoint' | 'cache'> {
  if (request.cacheTtl !== undefined && !request.cache) throw new FactsSetupError('--cache-ttl says how long --cache keeps answers: add --cache <dir>, or leave --cache-ttl out');
  return {
    ...(request.armEndpoint && { endpoint: request.armEndpoint }),
    ...(request.cache && { cache: { dir: resolve(request.cwd, request.cache), ttlSeconds: request.cacheTtl ?? DEFAULT_CACHE_TTL_SECONDS } }),
  };
}

/** The Batch account for live mode: as given, else the config's `account`, else the context file's `account.id`. */
export async function accountForRun(request: FactsRequest): Promise<string> {
  const { cwd } = request;
  if (request.account) return request.account;
  const config = await new ConfigLocator(
    request.config,
    cwd,
    allRules.map((rule) => rule.meta.id),
  ).forFile('batchlint');
  if (config.config.account) return config.config.account;
  const contextFile = request.context ? resolve(cwd, request.context) : findContextFile(cwd);
  const fromContext = contextFile && (await loadContextFile(contextFile, cwd)).account?.id;
  if (fromContext) return fromContext;
  throw new FactsSetupError('live mode needs the Batch account: give --account <resource id>, "account" in batchlint.config.json, or account.id in the context file');
}
