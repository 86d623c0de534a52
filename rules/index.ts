// Generated from the rules by `npm run rules:generate`: do not edit.
import type { AnyRule } from '../src/model/rule.ts';
import { applicationPackagesRule } from './application-packages.ts';
import { armExpressionRule } from './arm-expression.ts';
import { autoscaleFormulaSemanticsRule } from './autoscale-formula-semantics.ts';
import { autoscaleFormulaSyntaxRule } from './autoscale-formula-syntax.ts';
import { autoscaleSettingsRule } from './autoscale-settings.ts';
import { autoscaleUnboundedRule } from './autoscale-unbounded.ts';
import { batchAccessRule } from './batch-access.ts';
import { containerConfigurationRule } from './container-configuration.ts';
import { coreQuotaHeadroomRule } from './core-quota-headroom.ts';
import { galleryImageReplicasRule } from './gallery-image-replicas.ts';
import { imageEndOfLifeRule } from './image-end-of-life.ts';
import { imageNodeAgentMismatchRule } from './image-node-agent-mismatch.ts';
import { nvmeDiskControllerRule } from './nvme-disk-controller.ts';
import { parseErrorRule } from './parse-error.ts';
import { poolSchemaRule } from './pool-schema.ts';
import { poolSizeLimitRule } from './pool-size-limit.ts';
import { publicIpCapacityRule } from './public-ip-capacity.ts';
import { resizeTimeoutLargePoolRule } from './resize-timeout-large-pool.ts';
import { resourceLockRule } from './resource-lock.ts';
import { startTaskElevationRule } from './start-task-elevation.ts';
import { startTaskReentrantRule } from './start-task-reentrant.ts';
import { startTaskRetriesRule } from './start-task-retries.ts';
import { startTaskShellRule } from './start-task-shell.ts';
import { startTaskWaitForSuccessRule } from './start-task-wait-for-success.ts';
import { subnetDelegationRule } from './subnet-delegation.ts';
import { subnetIpCapacityRule } from './subnet-ip-capacity.ts';
import { subnetNsgBatchTrafficRule } from './subnet-nsg-batch-traffic.ts';
import { taskSlotsPerNodeRule } from './task-slots-per-node.ts';
import { tempDiskCapacityRule } from './temp-disk-capacity.ts';
import { unusedSuppressionRule } from './unused-suppression.ts';
import { vmSizeArchitectureRule } from './vm-size-architecture.ts';
import { vmSizeHypervisorGenerationRule } from './vm-size-hypervisor-generation.ts';
import { vmSizeUnavailableRule } from './vm-size-unavailable.ts';
import { vmSizeUnknownRule } from './vm-size-unknown.ts';
import { vnetCustomDnsRule } from './vnet-custom-dns.ts';
import { windowsAutomaticUpdatesRule } from './windows-automatic-updates.ts';

/** Every rule, by id. */
export const allRules: readonly AnyRule[] = [
  applicationPackagesRule,
  armExpressionRule,
  autoscaleFormulaSemanticsRule,
  autoscaleFormulaSyntaxRule,
  autoscaleSettingsRule,
  autoscaleUnboundedRule,
  batchAccessRule,
  containerConfigurationRule,
  coreQuotaHeadroomRule,
  galleryImageReplicasRule,
  imageEndOfLifeRule,
  imageNodeAgentMismatchRule,
  nvmeDiskControllerRule,
  parseErrorRule,
  poolSchemaRule,
  poolSizeLimitRule,
  publicIpCapacityRule,
  resizeTimeoutLargePoolRule,
  resourceLockRule,
  startTaskElevationRule,
  startTaskReentrantRule,
  startTaskRetriesRule,
  startTaskShellRule,
  startTaskWaitForSuccessRule,
  subnetDelegationRule,
  subnetIpCapacityRule,
  subnetNsgBatchTrafficRule,
  taskSlotsPerNodeRule,
  tempDiskCapacityRule,
  unusedSuppressionRule,
  vmSizeArchitectureRule,
  vmSizeHypervisorGenerationRule,
  vmSizeUnavailableRule,
  vmSizeUnknownRule,
  vnetCustomDnsRule,
  windowsAutomaticUpdatesRule,
];
