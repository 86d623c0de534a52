import type { TracedSite } from './value-trace.ts';
import type { Located, SourceDocument } from '../../model/document.ts';
import type { Path } from '../../model/location.ts';

/**
 * The location of the value at path, traced to where it was written; when it came from a parameter or
 * variable the location says so, and names the file when it is not the pool's own. A key belongs to the
 * object that holds it, so for a key only that object is traced.
 */
export function tracedLocation(trace: (path: Path) => TracedSite, path: Path, poolDocument: SourceDocument, part?: 'key' | 'value'): Located {
  const key = path[path.length - 1];
  if (part !== 'key' || key === undefined) return locatedAt(trace(path), poolDocument, part);
  const holder = trace(path.slice(0, -1));
  return locatedAt({ ...holder, path: [...holder.path, key] }, poolDocument, part);
}

function locatedAt(site: TracedSite, poolDocument: SourceDocument, part: 'key' | 'value' | undefined): Located {
  const located = site.document.locate(site.path, part);
  if (site.origin === undefined) return located;
  return { ...located, origin: `value from ${site.origin}`, ...(site.document !== poolDocument && { filePath: site.document.filePath }) };
}
