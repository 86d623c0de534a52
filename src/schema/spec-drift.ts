import { armPathOf } from '../sources/arm/pool-paths.ts';

/** The parts of a Swagger 2.0 or JSON Schema node that the walks below read. */
export interface SchemaNode {
  $ref?: unknown;
  allOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  readOnly?: boolean;
  definitions?: Record<string, SchemaNode>;
  [other: string]: unknown;
}

/**
 * The writable property paths of a REST spec (Swagger 2.0) model, from one of its definitions:
 * `networkConfiguration.publicIPAddressConfiguration.ipFamilies`, `userAccounts[].name`. Read-only
 * properties are left out: they are never part of a request.
 */
export function specPaths(swagger: SchemaNode, rootDefinition: string, prefix = ''): Set<string> {
  const paths = new Set<string>();
  const walk = (node: SchemaNode | undefined, at: string, seen: readonly string[]): void => {
    if (!node || typeof node !== 'object') return;
    const ref = typeof node.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] : undefined;
    if (ref) {
      if (!seen.includes(ref)) walk(swagger.definitions?.[ref], at, [...seen, ref]);
      return;
    }
    for (const part of node.allOf ?? []) walk(part, at, seen);
    if (node.items) walk(node.items, `${at}[]`, seen);
    for (const [name, property] of Object.entries<SchemaNode>(node.properties ?? {})) {
      if (property.readOnly) continue;
      const path = at ? `${at}.${name}` : name;
      paths.add(path);
      walk(property, path, seen);
    }
  };
  walk({ $ref: `#/definitions/${rootDefinition}` }, prefix, []);
  return paths;
}

/** The property paths the pool schema (JSON Schema, `$ref`s into its own definitions) describes. */
export function schemaPaths(schema: SchemaNode): Set<string> {
  const paths = new Set<string>();
  const walk = (node: SchemaNode | undefined, at: string): void => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string')
      return walk(
        node.$ref
          .replace(/^#\//, '')
          .split('/')
          .reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], schema) as SchemaNode | undefined,
        at,
      );
    if (node.items) walk(node.items, `${at}[]`);
    for (const [name, property] of Object.entries<SchemaNode>(node.properties ?? {})) {
      const path = at ? `${at}.${name}` : name;
      paths.add(path);
      walk(property, path);
    }
  };
  walk(schema, '');
  return paths;
}

/** A canonical (data-plane) path as an ARM pool resource writes it. */
export function armPathName(canonical: string): string {
  const segments = canonical.split('.').flatMap((part) => part.split(/(\[\])/).filter(Boolean));
  const path = segments.map((segment) => (segment === '[]' ? 0 : segment));
  return armPathOf(path)
    .map((segment) => (typeof segment === 'number' ? '[]' : `.${segment}`))
    .join('')
    .slice(1)
    .replace(/\.\[\]/g, '[]');
}

/**
 * What the spec has that the schema lacks, compared without regard to case (the services read names so). A
 * container the schema only describes below (ARM's `scaleSettings`, which the data plane flattens) is known.
 */
export function missingFromSchema(spec: Set<string>, schema: Set<string>): string[] {
  const known = [...schema].map((path) => path.toLowerCase());
  const exact = new Set(known);
  const isKnown = (path: string) => exact.has(path) || known.some((other) => other.startsWith(`${path}.`) || other.startsWith(`${path}[]`));
  return [...spec].filter((path) => !isKnown(path.toLowerCase())).sort();
}
