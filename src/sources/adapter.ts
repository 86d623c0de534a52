import type { SourceDocument } from './document.ts';
import type { PoolDefinition } from './pool-definition.ts';

/** Turns one parsed file of a format into canonical pools; returns undefined when the file is not of its format. */
export interface SourceAdapter {
  readonly name: string;
  extract(document: SourceDocument): PoolDefinition[] | undefined;
}
