import type { Located, SourceDocument, TextEdit } from '../../model/document.ts';
import type { Path, StringRange } from '../../model/location.ts';
import type { PoolDefinition, PoolSpec } from '../../model/pool-definition.ts';
import { isUnknown } from '../../model/unknown.ts';
import { azurermPathOf } from './azurerm-paths.ts';
import { canonicalPool, type ResourceValues } from './canonical-pool.ts';
import { TERRAFORM_DEFAULTS } from './defaults.ts';

/** How a resource's values map onto the document they were read from. */
export interface ResourceMap {
  /** The document path where a path of the resource's values is written, or would be written. */
  documentPath(valuesPath: Path): Path;
  /** Whether a fix may write there: a literal the user wrote, or an argument missing from a block they wrote. */
  editable(valuesPath: Path): boolean;
  /** Where a range of the string at a path of the values was written, when it is not a literal at the argument (a variable's default). */
  locateWithin?(valuesPath: Path, within: StringRange): Located | undefined;
}

/** An `azurerm_batch_pool` (from HCL or from a plan), seen as the pool body the provider sends. */
export class TerraformPool implements PoolDefinition {
  readonly defaults = TERRAFORM_DEFAULTS;
  readonly spec: PoolSpec;
  readonly id: string | undefined;

  constructor(
    readonly document: SourceDocument,
    readonly format: 'terraform' | 'terraform-plan',
    values: ResourceValues,
    private readonly map: ResourceMap,
    readonly declaredSubnet?: { addressPrefixes: string[] },
  ) {
    this.spec = canonicalPool(values);
    this.id = typeof this.spec.id === 'string' ? this.spec.id : undefined;
  }

  /** A path no argument sets lands on the resource itself. */
  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located {
    const mapped = azurermPathOf(path);
    if (!mapped) return { location: this.document.locate(this.map.documentPath([]), 'key').location, exact: false };
    const inValue = within && part !== 'key' && mapped.sameValue ? within : undefined;
    return (inValue && this.map.locateWithin?.(mapped.path, inValue)) ?? this.document.locate(this.map.documentPath(mapped.path), part, inValue);
  }

  displayName(path: Path): string {
    return azurermPathOf(path)?.display ?? path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
  }

  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const mapped = azurermPathOf(path);
    if (!mapped?.sameValue || !this.map.editable(mapped.path)) return undefined;
    return this.document.setValueEdits(this.map.documentPath(mapped.path), value);
  }
}

/** The provider refuses a pool with neither scale block ("auto_scale block or fixed_scale block need to be specified"). */
export function missingScaleProblem(values: ResourceValues): string | undefined {
  const present = (name: string) => isUnknown(values[name]) || (Array.isArray(values[name]) && values[name].length > 0);
  if (present('fixed_scale') || present('auto_scale')) return undefined;
  return 'azurerm_batch_pool has neither a fixed_scale nor an auto_scale block, and the azurerm provider refuses to create it without one: add fixed_scale { target_dedicated_nodes = … } or auto_scale { formula = … }';
}
