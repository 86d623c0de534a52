import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify, visit, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Located, SourceDocument, TextEdit } from '../model/document.ts';
import { LineIndex, type Path, type StringRange } from '../model/location.ts';
import type { TextRange } from './decoded-string.ts';
import { decodeYamlScalar } from './yaml-string-offsets.ts';
import { MAX_NESTING, NESTING_TOO_DEEP } from '../model/nesting.ts';
import { nestsDeeperThan } from '../model/value-depth.ts';
import { ReadLimitExceeded, SyntaxProblem } from '../model/syntax-problem.ts';
import { lineBreakOf } from './line-break.ts';

interface Found {
  node: Node | null;
  pair?: Pair;
}

/**
 * A YAML file with node ranges kept; aliases resolve to the anchored node's position. A stream of several
 * documents (`---`) reads as a list of them, so path [1, 'vmSize'] is the second document's vmSize.
 */
export class YamlDocument implements SourceDocument {
  readonly format = 'yaml' as const;
  readonly value: unknown;
  readonly problems: SyntaxProblem[];
  private readonly lines: LineIndex;
  /** A mapping's pairs by key (the last of a repeated key), indexed when first searched. */
  private readonly pairsByKey = new Map<YAMLMap, Map<string, Pair>>();

  private constructor(
    readonly filePath: string,
    readonly text: string,
    private readonly documents: Document[],
    values: unknown[],
  ) {
    this.value = documents.length === 1 ? values[0] : values;
    this.lines = new LineIndex(text);
    this.problems = documents.flatMap((document) => repeatedKeys(document, this.lines));
  }

  static parse(filePath: string, text: string): YamlDocument {
    // logLevel: the library's warnings (a templated `{{ x }}:` key) would go to stderr as Node process warnings.
    const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' }) as Document[];
    const error = documents.flatMap((document) => document.errors)[0];
    if (error) {
      const [start, end] = error.pos;
      // The library gives up on deep nesting with the stack overflow's own words.
      if (error.code === 'RESOURCE_EXHAUSTION') throw new ReadLimitExceeded(`YAML: ${NESTING_TOO_DEEP}`, start, Math.max(end - start, 0));
      throw new SyntaxProblem(`invalid YAML: ${firstLine(error.message)}`, start, Math.max(end - start, 0));
    }
    for (const document of documents) checkReadLimits(document);
    return new YamlDocument(filePath, text, documents, documents.map(resolvedValue));
  }

  locate(path: Path, part: 'key' | 'value' = 'value', within?: StringRange): Located {
    const inside = within && part === 'value' ? this.rangeInScalar(path, within) : undefined;
    if (inside) return { location: this.lines.location(inside.offset, inside.length), exact: true };
    for (let depth = path.length; depth >= 0; depth--) {
      const found = this.find(path.slice(0, depth));
      if (!found) continue;
      const exact = depth === path.length;
      const wantKey = (exact ? part : 'key') === 'key';
      const keyNode = found.pair?.key as Node | undefined;
      const target = wantKey && keyNode?.range ? keyNode : found.node;
      if (target?.range) {
        const [start, end] = target.range;
        return { location: this.lines.location(start, wantKey && target === found.node && !isScalar(target) ? 1 : end - start), exact };
      }
    }
    return { location: this.lines.location(0, 0), exact: false };
  }

  /** The characters of the string scalar at path that produce `within` of its value. */
  private rangeInScalar(path: Path, within: StringRange): TextRange | undefined {
    const node = this.find(path)?.node;
    return isScalar(node) ? decodeYamlScalar(this.text, node)?.rawRange(within) : undefined;
  }

  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const existing = this.find(path);
    if (existing) {
      const node = existing.node;
      if (!isScalar(node) || !node.range) return undefined;
      // A block scalar's range takes in its closing line break, which the one-line value must leave in place.
      const end = this.endOfContent(node.range[0], node.range[1]);
      return [{ offset: node.range[0], length: end - node.range[0], text: formatScalar(value, node.type) }];
    }
    const formatted = formatScalar(value);
    const parent = this.find(path.slice(0, -1));
    const key = path[path.length - 1];
    if (!parent || typeof key !== 'string' || !isMap(parent.node) || parent.node.flow) return undefined;
    const pairs = parent.node.items;
    const firstKey = pairs[0]?.key as Node | undefined;
    const lastValue = pairs[pairs.length - 1]?.value as Node | undefined;
    if (!firstKey?.range || !lastValue?.range) return undefined;
    const indent = ' '.repeat(this.lines.position(firstKey.range[0]).column - 1);
    const eol = lineBreakOf(this.text);
    // A block value (a nested map, a block scalar) ends after its last line break, where the next line —
    // perhaps the next item of a list — begins: the new key goes there, on a line of its own.
    const valueEnd = lastValue.range[1];
    if (this.text[valueEnd - 1] === '\n') return [{ offset: valueEnd, length: 0, text: `${indent}${key}: ${formatted}${eol}` }];
    const lineEnd = this.text.indexOf('\n', valueEnd);
    const offset = lineEnd === -1 ? this.text.length : lineEnd;
    const at = lineEnd > 0 && this.text[lineEnd - 1] === '\r' ? offset - 1 : offset;
    return [{ offset: at, length: 0, text: `${eol}${indent}${key}: ${formatted}` }];
  }

  /** Where the written content between start and end stops, before any trailing blanks and line breaks. */
  private endOfContent(start: number, end: number): number {
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  private find(path: Path): Found | undefined {
    const single = this.documents.length === 1;
    const document = this.documents[single ? 0 : (path[0] as number)];
    if (!document) return undefined;
    let current: Found = { node: document.contents };
    for (const segment of single ? path : path.slice(1)) {
      const node = isAlias(current.node) ? (current.node.resolve(document) as Node | undefined) : current.node;
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(String(segment));
        if (!pair) return undefined;
        current = { node: pair.value as Node | null, pair };
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return undefined;
        current = { node: item };
      } else {
        return undefined;
      }
    }
    return current;
  }

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let pairs = this.pairsByKey.get(map);
    if (pairs) return pairs;
    pairs = new Map();
    // A repeated key's last value is the one read, so that is where findings and fixes go.
    for (const item of map.items) if (isPair(item) && isScalar(item.key)) pairs.set(String(item.key.value), item);
    this.pairsByKey.set(map, pairs);
    return pairs;
  }
}

/**
 * YAML forbids a key twice in one mapping; the file is still read, with the last value (as the yaml library
 * and PyYAML keep it), and each repeat is reported where it is written.
 */
function repeatedKeys(document: Document, lines: LineIndex): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  visit(document, {
    Map: (_, map) => {
      const firstOffsets = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        const name = String(key.value);
        const first = firstOffsets.get(name);
        if (first === undefined) {
          firstOffsets.set(name, key.range[0]);
          continue;
        }
        const message = `invalid YAML: the key "${name}" is repeated in this mapping (first on line ${lines.position(first).line}); YAML allows a key once, and readers differ on which value they keep — batchlint read this last one`;
        problems.push(new SyntaxProblem(message, key.range[0], key.range[1] - key.range[0]));
      }
    },
  });
  return problems;
}

/**
 * Throws ReadLimitExceeded at the first node deeper than MAX_NESTING, before anything walks the tree
 * recursively, or at the alias past MAX_ALIASES.
 */
function checkReadLimits(document: Document): void {
  let aliases = 0;
  const pending: [unknown, number][] = [[document.contents, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (isAlias(node) && ++aliases > MAX_ALIASES) throw new ReadLimitExceeded(TOO_MANY_ALIASES, ...rangeOf(node));
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) throw new ReadLimitExceeded(`YAML: ${NESTING_TOO_DEEP}`, rangeOf(node)[0], 1);
    // Last first, so that the stack gives the nodes back in the order they are written.
    for (const item of node.items.toReversed()) {
      if (isPair(item)) pending.push([item.value, depth + 1], [item.key, depth + 1]);
      else pending.push([item, depth + 1]);
    }
  }
}

function rangeOf(node: Node): [offset: number, length: number] {
  const [start, end] = node.range ?? [0, 0];
  return [start, end - start];
}

/**
 * The document as plain data; an alias with no anchor before it, aliases past MAX_ALIAS_COUNT, or aliases
 * that nest the value deeper than MAX_NESTING, are a problem at the first alias.
 */
function resolvedValue(document: Document): unknown {
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof RangeError) throw problemAtFirstAlias(document, `YAML: ${NESTING_TOO_DEEP}`, true);
    if (/excessive alias count/i.test(message)) throw problemAtFirstAlias(document, ALIASES_EXPAND_TOO_FAR, true);
    throw problemAtFirstAlias(document, `invalid YAML: ${firstLine(message)}`, false);
  }
  if (nestsDeeperThan(value, MAX_NESTING)) throw problemAtFirstAlias(document, `YAML: ${NESTING_TOO_DEEP} (through its aliases)`, true);
  return value;
}

/**
 * How many times the aliases of one document may be expanded: each expansion copies its anchor's node, so a
 * few nested anchors can stand for millions of nodes ("billion laughs").
 */
const MAX_ALIAS_COUNT = 10_000;
/**
 * How many aliases one document may hold: the yaml library looks up each alias's anchor through the whole
 * document, so the time grows with their square (10,000 took seconds). A pool file needs a handful.
 */
const MAX_ALIASES = 1000;

const TOO_MANY_ALIASES = `YAML: more than ${MAX_ALIASES} aliases in one document, more than batchlint reads`;
const ALIASES_EXPAND_TOO_FAR = `YAML: aliases that copy their anchors' nodes more than ${MAX_ALIAS_COUNT} times over, more than batchlint reads`;

function problemAtFirstAlias(document: Document, message: string, readLimit: boolean): SyntaxProblem {
  let alias: Node | undefined;
  visit(document, { Alias: (_, node) => ((alias = node), visit.BREAK) });
  const [start, end] = alias?.range ?? [0, 0];
  return readLimit ? new ReadLimitExceeded(message, start, end - start) : new SyntaxProblem(message, start, end - start);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** A scalar in the quoting style it had (plain when new), as the yaml library would write it on one line. */
function formatScalar(value: string | number | boolean, style?: Scalar['type']): string {
  if (typeof value !== 'string') return String(value);
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  const written = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return written.includes('\n') ? JSON.stringify(value) : written;
}
