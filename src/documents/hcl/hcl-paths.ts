import type { Path } from '../../model/location.ts';
import { literalTemplate } from './hcl-expression.ts';
import type { Attribute, Block, Body, Expression, ObjectItem, Span } from './syntax.ts';

/** Where a path leads in the syntax tree: a body (the file or a block's), blocks sharing a type and leading labels, or an expression. */
export type HclEntry = { key?: Span; value?: Span } & (
  { kind: 'body'; body: Body; block?: Block } | { kind: 'group'; blocks: Block[]; depth: number } | { kind: 'expression'; node: Expression }
);

/**
 * The entries along paths of one file's syntax tree. Each entry's children are looked up once and kept, and
 * a body's names, a group's labels and an object's keys are indexed the first time they are searched, so
 * that a file of N resources with findings costs O(N) rather than a search of every block per finding.
 */
export class HclPaths {
  private readonly root: HclEntry;
  private readonly children = new Map<HclEntry, Map<string | number, HclEntry | undefined>>();
  private readonly bodies = new Map<Body, BodyIndex>();
  private readonly labels = new Map<HclEntry, Map<string, Block[]>>();
  private readonly objects = new Map<Expression, Map<string, ObjectItem>>();

  constructor(body: Body) {
    this.root = { kind: 'body', body };
  }

  /** The entries along the path, from the file down to the deepest one that exists. */
  walk(path: Path): HclEntry[] {
    const trail: HclEntry[] = [this.root];
    for (const segment of path) {
      const next = this.child(trail[trail.length - 1]!, segment);
      if (!next) break;
      trail.push(next);
    }
    return trail;
  }

  private child(entry: HclEntry, segment: string | number): HclEntry | undefined {
    let known = this.children.get(entry);
    if (!known) {
      known = new Map<string | number, HclEntry | undefined>();
      this.children.set(entry, known);
    }
    if (known.has(segment)) return known.get(segment);
    const found = this.findChild(entry, segment);
    known.set(segment, found);
    return found;
  }

  private findChild(entry: HclEntry, segment: string | number): HclEntry | undefined {
    if (entry.kind === 'body') {
      const index = this.bodyIndex(entry.body);
      const attribute = index.attributes.get(segment);
      if (attribute) return { kind: 'expression', node: attribute.expression, key: attribute.nameSpan, value: attribute.expression.span };
      const blocks = index.blocks.get(segment);
      return blocks ? group(blocks, 0, blocks[blocks.length - 1]!.typeSpan) : undefined;
    }
    if (entry.kind === 'group') {
      if (typeof segment === 'number') return entry.blocks[segment] && blockEntry(entry.blocks[segment]);
      const matching = this.labelIndex(entry).get(segment);
      return matching ? group(matching, entry.depth + 1, matching[matching.length - 1]!.labels[entry.depth]!.span) : undefined;
    }
    const node = entry.node;
    if (node.kind === 'object' && typeof segment === 'string') {
      const item = this.objectIndex(node).get(segment);
      return item && { kind: 'expression', node: item.value, key: item.key.span, value: item.value.span };
    }
    if (node.kind === 'tuple' && typeof segment === 'number') {
      const item = node.items[segment];
      return item && { kind: 'expression', node: item, value: item.span };
    }
    return undefined;
  }

  /** A body's last attribute of each name, and its blocks by type in order. */
  private bodyIndex(body: Body): BodyIndex {
    let index = this.bodies.get(body);
    if (index) return index;
    index = { attributes: new Map(), blocks: new Map() };
    for (const item of body.items) {
      if (item.kind === 'attribute') index.attributes.set(item.name, item);
      else appendTo(index.blocks, item.type, item);
    }
    this.bodies.set(body, index);
    return index;
  }

  /** A group's blocks by their label at the group's depth, in order. */
  private labelIndex(entry: HclEntry & { kind: 'group' }): Map<string, Block[]> {
    let index = this.labels.get(entry);
    if (index) return index;
    index = new Map();
    for (const block of entry.blocks) {
      const label = block.labels[entry.depth];
      if (label) appendTo(index, label.value, block);
    }
    this.labels.set(entry, index);
    return index;
  }

  /** An object expression's items by key; the last of a repeated key. */
  private objectIndex(node: Expression & { kind: 'object' }): Map<string, ObjectItem> {
    let index = this.objects.get(node);
    if (index) return index;
    index = new Map();
    for (const item of node.items) {
      const key = item.key.kind === 'literal' ? item.key.value : literalTemplate(item.key);
      if (typeof key === 'string') index.set(key, item);
    }
    this.objects.set(node, index);
    return index;
  }
}

interface BodyIndex {
  attributes: Map<string | number, Attribute>;
  blocks: Map<string | number, Block[]>;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Blocks that have used `depth` labels: one block with no labels left is its body; several are an array. */
function group(blocks: Block[], depth: number, key: Span): HclEntry {
  const labelled = blocks.filter((block) => block.labels.length > depth);
  if (labelled.length > 0) return { kind: 'group', blocks: labelled, depth, key };
  if (blocks.length === 1) return blockEntry(blocks[0]!);
  return { kind: 'group', blocks, depth, key, value: { offset: blocks[0]!.span.offset, end: blocks[blocks.length - 1]!.span.end } };
}

function blockEntry(block: Block): HclEntry {
  const header = { offset: block.typeSpan.offset, end: block.labels[block.labels.length - 1]?.span.end ?? block.typeSpan.end };
  return { kind: 'body', body: block.body, block, key: header, value: { offset: block.openBrace, end: block.closeBrace + 1 } };
}
