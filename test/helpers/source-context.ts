import { readFileSync } from 'node:fs';
import { NO_SOURCE_OPTIONS, type SourceContext, type SourceOptions } from '../../src/model/source-adapter.ts';
import type { Path } from '../../src/model/location.ts';

export interface RecordingSourceContext extends SourceContext {
  readonly problems: { ruleId: string; path: Path; message: string }[];
}

/** A source context for adapter tests: reads real files and records the problems reported. */
export function sourceContext(options: Partial<SourceOptions> = {}): RecordingSourceContext {
  const problems: RecordingSourceContext['problems'] = [];
  return {
    ...NO_SOURCE_OPTIONS,
    ...options,
    problems,
    readFile(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    problem(ruleId, path, message) {
      problems.push({ ruleId, path, message });
    },
  };
}
