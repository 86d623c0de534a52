import type { SourceAdapter, SourceContext } from '../../model/source-adapter.ts';
import { HclDocument } from '../../documents/hcl/hcl-document.ts';
import { isHclExpression } from '../../documents/hcl/hcl-expression.ts';
import { LineIndex, type Path, type StringRange } from '../../model/location.ts';
import type { Located } from '../../model/document.ts';
import { valueAt } from '../../documents/value-at.ts';
import { writtenRange, type WrittenRange } from './written-range.ts';
import { BATCH_POOL_FIELDS } from './azurerm-batch-pool.ts';
import { resolve } from './evaluate.ts';
import { documentPathOf, resourceValues } from './hcl-resource.ts';
import { blocks, loadModule, objectAt, type TerraformModule } from './module.ts';
import { missingScaleProblem, TerraformPool } from './terraform-pool.ts';

type Json = Record<string, unknown>;

/**
 * Terraform configuration (.tf): each `resource "azurerm_batch_pool"` is a pool, its values evaluated in
 * its module (variables, locals, var files). Every HCL file is this adapter's, so a file without a pool
 * (variables.tf, a .tfvars) gives none instead of being read as another format.
 */
export const terraformAdapter: SourceAdapter = {
  name: 'Terraform',
  extract(document, context) {
    if (!(document instanceof HclDocument)) return undefined;
    const written = objectAt(objectAt(document.value, 'resource'), 'azurerm_batch_pool');
    const resources = Object.entries(written).flatMap(([name, value]) => {
      const found = blocks(value);
      return found.map((body, index) => ({ body, path: ['resource', 'azurerm_batch_pool', name, ...(found.length > 1 ? [index] : [])] }));
    });
    if (resources.length === 0) return [];
    const module = loadModule(document, context);
    return resources.map(({ body, path }) => hclPool(document, body, path, module, context));
  },
};

function hclPool(document: HclDocument, body: Json, resourcePath: Path, module: TerraformModule, context: SourceContext): TerraformPool {
  const values = resourceValues(body, BATCH_POOL_FIELDS, module.scope);
  const problem = missingScaleProblem(values);
  if (problem) context.problem('pool-schema', resourcePath, problem);
  const map = {
    documentPath: (valuesPath: Path) => [...resourcePath, ...documentPathOf(body, valuesPath).path],
    editable: (valuesPath: Path) => !documentPathOf(body, valuesPath).inDynamic,
    locateWithin: (valuesPath: Path, within: StringRange) => {
      const { path, inDynamic } = documentPathOf(body, valuesPath);
      const value = valueAt(body, path);
      const found = !inDynamic && isHclExpression(value) ? writtenRange(value.node, document, within, module) : undefined;
      return found && locatedRange(found, document);
    },
  };
  return new TerraformPool(document, 'terraform', values, map, declaredSubnet(body, module));
}

function locatedRange(found: WrittenRange, poolDocument: HclDocument): Located {
  const { document, range, origin } = found;
  return {
    location: new LineIndex(document.text).location(range.offset, range.length),
    exact: true,
    ...(document !== poolDocument && { filePath: document.filePath }),
    ...(origin !== undefined && { origin: `value from ${origin}` }),
  };
}

/**
 * A subnet created in the same module (`subnet_id = azurerm_subnet.<name>.id`) has no id before it exists,
 * but its address prefixes are written here.
 */
function declaredSubnet(body: Json, module: TerraformModule): { addressPrefixes: string[] } | undefined {
  const subnetId = blocks(body.network_configuration)[0]?.subnet_id;
  if (!isHclExpression(subnetId)) return undefined;
  const node = subnetId.node;
  const resource =
    node.kind === 'attribute' && node.name === 'id' && node.target.kind === 'attribute' && node.target.target.kind === 'variable' && node.target.target.name === 'azurerm_subnet'
      ? node.target.name
      : undefined;
  const subnet = resource === undefined ? undefined : module.resource('azurerm_subnet', resource);
  if (!subnet) return undefined;
  const prefixes = resolve(subnet.address_prefixes ?? (subnet.address_prefix === undefined ? undefined : [subnet.address_prefix]), module.scope);
  return Array.isArray(prefixes) && prefixes.length > 0 && prefixes.every((prefix) => typeof prefix === 'string') ? { addressPrefixes: prefixes } : undefined;
}
