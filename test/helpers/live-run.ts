import type { TokenCredential } from '@azure/core-auth';
import { lint, type LintReport } from '../../src/engine/lint.ts';
import type { AnyRule } from '../../src/model/rule.ts';
import type { LiveOptions } from '../../src/live/live-options.ts';
import { liveFacts } from '../../src/live/live-facts.ts';
import type { FakeAzure } from './fake-azure.ts';
import { PROJECT_ROOT } from './lint-fixture.ts';
import { allRules } from '../../rules/index.ts';

export const STATIC_TOKEN = 'static-test-token';

/** Stands in for DefaultAzureCredential, which must never run here (it probes the managed-identity address). */
export const staticCredential: TokenCredential = {
  getToken: async () => ({ token: STATIC_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Live options that reach the fake Azure and nothing else; quick to give up, so fault tests stay short. */
export function liveOptionsFor(fake: FakeAzure, accountId: string, overrides: Partial<LiveOptions> = {}): LiveOptions {
  return { accountId, credential: staticCredential, endpoint: fake.endpoint, ca: fake.ca, maxRetries: 0, timeoutMs: 5_000, ...overrides };
}

/** Lints files under the project root as `batchlint lint --live` does, with the facts read from the fake Azure. */
export function lintLive(patterns: string[], options: LiveOptions, rules?: readonly AnyRule[]): Promise<LintReport> {
  return lint({ patterns, cwd: PROJECT_ROOT, facts: liveFacts(options), rules: rules ?? allRules });
}
