/**
 * Words that appear in any pool definition batchlint reads: a Batch pool's own properties (data plane and
 * ARM alike), the ARM resource type's namespace, the Terraform resource type.
 */
const POOL_SIGNS = /\b(?:vmSize|virtualMachineConfiguration|cloudServiceConfiguration|targetDedicatedNodes|targetLowPriorityNodes|nodeAgentSkuId|autoScaleFormula|startTask|Microsoft\.Batch|azurerm_batch_pool)\b/i;

/**
 * Whether a file that does not parse may still be a pool definition: a text scan, cheap and on the side of
 * yes, for a file found in a folder or by a glob. One that shows no sign (a Helm or Jinja template before
 * rendering, another tool's file) is skipped rather than reported as a parse error; one that does keeps its
 * parse error.
 */
export function mayBePoolDefinition(text: string): boolean {
  return POOL_SIGNS.test(text);
}
