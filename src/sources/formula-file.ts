import type { Located, SourceDocument, TextEdit } from '../model/document.ts';
import type { Path, StringRange } from '../model/location.ts';
import { BATCH_API_DEFAULTS, type PoolDefinition, type PoolSpec } from '../model/pool-definition.ts';
import type { SourceAdapter } from '../model/source-adapter.ts';

/** A file read as one bare autoscale formula (`batchlint autoscale check`): one autoscale pool with that formula. */
export const formulaFileAdapter: SourceAdapter = {
  name: 'autoscale-formula',
  extract(document) {
    return document.format === 'autoscale' ? [new FormulaPool(document)] : undefined;
  },
};

class FormulaPool implements PoolDefinition {
  readonly id = undefined;
  readonly format = 'autoscale-formula' as const;
  readonly defaults = BATCH_API_DEFAULTS;
  readonly spec: PoolSpec;

  constructor(readonly document: SourceDocument) {
    this.spec = document.value as PoolSpec;
  }

  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located {
    return this.document.locate(path, part, within);
  }

  displayName(path: Path): string {
    return path.join('.');
  }

  setValueEdits(): TextEdit[] | undefined {
    return undefined;
  }
}
