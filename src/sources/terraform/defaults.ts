import type { SourceDefaults } from '../../model/pool-definition.ts';

/**
 * What an absent argument of `azurerm_batch_pool` means, from the azurerm provider (v4, commit 69697b7):
 * its schema defaults in internal/services/batch/batch_pool_resource.go, what its expand functions in
 * internal/services/batch/batch_pool.go send, and its documentation
 * (https://github.com/hashicorp/terraform-provider-azurerm/blob/main/website/docs/r/batch_pool.html.markdown,
 * published at https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/batch_pool).
 */
export const TERRAFORM_DEFAULTS: SourceDefaults = {
  // `wait_for_success`: schema Default false; the docs: "Default to `false`". The REST API defaults to true.
  startTaskWaitForSuccess: false,
  // `task_retry_maximum` has no schema default: the provider sends the unset int's zero value, 0.
  startTaskMaxRetryCount: 0,
  // `fixed_scale.resize_timeout`: schema Default "PT15M"; the docs: "Defaults to `PT15M`".
  resizeTimeout: 'PT15M',
  // `windows.enable_automatic_updates`: schema Default true; without a `windows` block nothing is sent and the API's true applies.
  windowsEnableAutomaticUpdates: true,
  // `max_tasks_per_node` (sent as taskSlotsPerNode): schema Default 1; the docs: "Defaults to `1`".
  taskSlotsPerNode: 1,
};
