import { writtenPartOf } from './expression-offsets.ts';
import { traceSite, type TracedSite } from './value-trace.ts';
import type { Located, SourceDocument } from '../../model/document.ts';
import type { Path, StringRange } from '../../model/location.ts';

/**
 * The location of the value at path, traced to where it was written; when it came from a parameter or
 * variable the location says so, and names the file when it is not the pool's own. A key belongs to the
 * object that holds it, so for a key only that object is traced.
 */
export function tracedLocation(trace: (path: Path) => TracedSite, path: Path, poolDocument: SourceDocument, part?: 'key' | 'value', within?: StringRange): Located {
  const key = path[path.length - 1];
  if (part !== 'key' || key === undefined) return locatedAt(trace(path), poolDocument, part, within);
  const holder = trace(path.slice(0, -1));
  return locatedAt({ ...holder, path: [...holder.path, key] }, poolDocument, part);
}

/** Concat and format inside concat and format: deeper nesting falls back to the whole expression. */
const MAX_NESTING = 8;

/**
 * A range inside the value is placed inside the string where it is written literally, or inside the one literal
 * or referenced value of a concat or format that produces it; elsewhere on the whole expression.
 */
function locatedAt(site: TracedSite, poolDocument: SourceDocument, part: 'key' | 'value' | undefined, within?: StringRange, nesting = 0): Located {
  const expression = within && site.expression && nesting < MAX_NESTING ? writtenPartOf(site.expression.written, within, site.expression.scope) : undefined;
  if (expression?.kind === 'reference') {
    const reference = `[${expression.reference}('${expression.name.replaceAll("'", "''")}')]`;
    return locatedAt(traceSite(reference, site.document, site.path, site.expression!.scope, []), poolDocument, part, expression.within, nesting + 1);
  }
  const shift = site.literalStringShift;
  const inString = expression?.range ?? (within && shift !== undefined ? { offset: within.offset + shift, length: within.length } : undefined);
  const located = site.document.locate(site.path, part, inString);
  if (site.origin === undefined) return located;
  return { ...located, origin: `value from ${site.origin}`, ...(site.document !== poolDocument && { filePath: site.document.filePath }) };
}
