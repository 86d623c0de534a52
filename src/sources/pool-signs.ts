/**
 * A Batch pool's own properties (data plane and ARM alike), or a job's auto pool that holds one, written as
 * a key: `"vmSize":`, `vmSize:`, `{vmSize:`.
 */
const POOL_PROPERTY_KEY =
  /(?:^|[\s"'{,])(?:vmSize|virtualMachineConfiguration|cloudServiceConfiguration|targetDedicatedNodes|targetLowPriorityNodes|nodeAgentSkuId|autoScaleFormula|startTask|autoPoolSpecification)["']?\s*:/im;

/** The ARM resource provider and the Terraform resource type of a pool. */
const POOL_TYPE = /\b(?:Microsoft\.Batch|azurerm_batch_pool)\b/i;

/**
 * Whether a file that does not parse may still be a pool definition: a text scan, cheap and on the side of
 * yes, for a file found in a folder or by a glob. One that shows no sign (a Helm or Jinja template before
 * rendering, another tool's file) is skipped rather than reported as a parse error; one that does keeps its
 * parse error.
 */
export function mayBePoolDefinition(text: string): boolean {
  return POOL_PROPERTY_KEY.test(text) || POOL_TYPE.test(text);
}
