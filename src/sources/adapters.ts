import type { SourceAdapter } from './adapter.ts';
import { armTemplateAdapter } from './arm-template.ts';
import { batchDataPlaneAdapter } from './batch-data-plane.ts';

/** Tried in order; the first that recognises a file extracts its pools. */
export const adapters: readonly SourceAdapter[] = [armTemplateAdapter, batchDataPlaneAdapter];
