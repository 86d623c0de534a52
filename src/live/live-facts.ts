import { findVmSize } from '../catalog/catalog.ts';
import type { FactsGatherer } from '../model/facts.ts';
import { createFacts } from '../facts/catalog-facts.ts';
import { environmentRequests } from '../facts/environment-requests.ts';
import type { LiveOptions } from './live-options.ts';
import { readLiveEnvironment } from './read-environment.ts';

/** Live mode as the engine sees it: shown every pool of the run, it reads their facts from Azure at once. */
export function liveFacts(options: LiveOptions, today?: string): FactsGatherer {
  return {
    async gatherFor(pools) {
      const read = await readLiveEnvironment(environmentRequests(pools), options, findVmSize);
      return createFacts({ environment: read.environment, source: 'live', unavailable: read.unavailable, origin: 'what live mode read from Azure', ...(today && { today }) });
    },
  };
}
