import type { TracedSite } from '../arm/value-trace.ts';
import type { Located, SourceDocument } from './document.ts';

/** The location of a traced value; when it came from a parameter or variable, saying so, and in which file when not the pool's own. */
export function tracedLocation(site: TracedSite, poolDocument: SourceDocument, part?: 'key' | 'value'): Located {
  const located = site.document.locate(site.path, part);
  if (site.origin === undefined) return located;
  return { ...located, origin: `value from ${site.origin}`, ...(site.document !== poolDocument && { filePath: site.document.filePath }) };
}
