import type { SuppliedValue, TemplateScope } from './template-scope.ts';
import type { SourceDocument } from '../../model/document.ts';
import type { Path } from '../../model/location.ts';
import { UnknownValue } from '../../model/unknown.ts';
import { isRecord } from '../../model/is-record.ts';

/** How a parameter entry is described in findings: "parameter 'vmSize' in azuredeploy.parameters.json". */
export type DescribeEntry = (name: string) => string;

/**
 * Parameter values as a parameters file or a nested deployment gives them, by lower-case name:
 * `{ "value": … }`; `{ "reference": … }` to a Key Vault secret, unknown offline; or, as the Batch CLI
 * extensions also accept, the bare value. With a scope, expressions in the values are evaluated in it.
 */
export function parameterEntries(
  entries: Record<string, unknown>,
  document: SourceDocument,
  path: Path,
  describe: DescribeEntry,
  scope?: TemplateScope,
): Map<string, SuppliedValue> {
  const supplied = new Map<string, SuppliedValue>();
  for (const [name, entry] of Object.entries(entries)) {
    supplied.set(name.toLowerCase(), suppliedValue(name, entry, document, [...path, name], describe, scope));
  }
  return supplied;
}

function suppliedValue(name: string, entry: unknown, document: SourceDocument, path: Path, describe: DescribeEntry, scope: TemplateScope | undefined): SuppliedValue {
  const site = (sitePath: Path) => ({ document, path: sitePath, origin: describe(name) });
  if (!isRecord(entry)) return { value: entry, site: site(path), ...(scope && { scope }) };
  if ('reference' in entry) return new UnknownValue(`${describe(name)} is a Key Vault secret reference, which is not read offline`);
  if ('value' in entry) return { value: entry.value, site: site([...path, 'value']), ...(scope && { scope }) };
  return { value: entry, site: site(path), ...(scope && { scope }) };
}
