import { isUnknown, unknownValue } from '../../model/unknown.ts';

/**
 * One argument or nested block of `azurerm_batch_pool` and where the provider puts it in the Batch pool
 * body. Paths in `to` are dotted and relative to the canonical object of the enclosing block; '' puts a
 * block's arguments in the enclosing object itself (`fixed_scale { resize_timeout }` → `resizeTimeout`).
 */
export interface Field {
  name: string;
  to: string;
  /** A nested block's own fields. Nested blocks are lists in Terraform; `repeated` ones become arrays. */
  block?: readonly Field[];
  repeated?: boolean;
  /** A repeated block of which only this argument is kept, as an array of its values. */
  collect?: string;
  /** The block's presence sets a property (`auto_scale` → `enableAutoScale`). */
  presence?: { to: string; value: unknown };
  /** A value written differently in the two (`Enabled` → true). Such a value is never fixed in place. */
  convert?: (value: unknown) => unknown;
  /** For a conversion that yields several properties of the enclosing object (a port range → its start and end). */
  spreads?: readonly string[];
  /** What the provider sends when the argument is absent, where that differs from the Batch API's default. */
  providerDefault?: unknown;
}

const CONTAINER_REGISTRY: readonly Field[] = [
  { name: 'registry_server', to: 'registryServer' },
  { name: 'user_name', to: 'username' },
  { name: 'password', to: 'password' },
  { name: 'user_assigned_identity_id', to: 'identityReference.resourceId' },
];

const MOUNT_COMMON: readonly Field[] = [
  { name: 'relative_mount_path', to: 'relativeMountPath' },
  { name: 'mount_options', to: 'mountOptions' },
];

/**
 * The provider's arguments (internal/services/batch/batch_pool_resource.go and batch_pool.go, v4, and the
 * `certificate` block of v3), mapped as its expand functions send them. Arguments that are not part of the
 * pool body (`resource_group_name`, `account_name`, `identity`, `stop_pending_resize_operation`,
 * `fixed_scale.node_deallocation_method`) and Terraform's meta-arguments are left out.
 */
export const BATCH_POOL_FIELDS: readonly Field[] = [
  { name: 'name', to: 'id' },
  { name: 'display_name', to: 'displayName' },
  { name: 'vm_size', to: 'vmSize' },
  { name: 'node_agent_sku_id', to: 'virtualMachineConfiguration.nodeAgentSKUId' },
  { name: 'max_tasks_per_node', to: 'taskSlotsPerNode' },
  { name: 'inter_node_communication', to: 'enableInterNodeCommunication', convert: (value) => value === 'Enabled', providerDefault: 'Enabled' },
  { name: 'license_type', to: 'virtualMachineConfiguration.licenseType' },
  { name: 'os_disk_placement', to: 'virtualMachineConfiguration.osDisk.ephemeralOSDiskSettings.placement' },
  { name: 'target_node_communication_mode', to: 'targetNodeCommunicationMode' },
  { name: 'metadata', to: 'metadata', convert: nameValueList },
  {
    name: 'storage_image_reference',
    to: 'virtualMachineConfiguration.imageReference',
    block: [
      { name: 'publisher', to: 'publisher' },
      { name: 'offer', to: 'offer' },
      { name: 'sku', to: 'sku' },
      { name: 'version', to: 'version' },
      { name: 'id', to: 'virtualMachineImageId' },
    ],
  },
  {
    name: 'fixed_scale',
    to: '',
    block: [
      { name: 'target_dedicated_nodes', to: 'targetDedicatedNodes', providerDefault: 1 },
      { name: 'target_low_priority_nodes', to: 'targetLowPriorityNodes' },
      { name: 'resize_timeout', to: 'resizeTimeout' },
    ],
  },
  {
    name: 'auto_scale',
    to: '',
    presence: { to: 'enableAutoScale', value: true },
    block: [
      { name: 'formula', to: 'autoScaleFormula' },
      { name: 'evaluation_interval', to: 'autoScaleEvaluationInterval' },
    ],
  },
  {
    name: 'start_task',
    to: 'startTask',
    block: [
      { name: 'command_line', to: 'commandLine' },
      { name: 'task_retry_maximum', to: 'maxTaskRetryCount' },
      { name: 'wait_for_success', to: 'waitForSuccess' },
      { name: 'common_environment_properties', to: 'environmentSettings', convert: nameValueList },
      {
        name: 'user_identity',
        to: 'userIdentity',
        block: [
          { name: 'user_name', to: 'username' },
          {
            name: 'auto_user',
            to: 'autoUser',
            block: [
              { name: 'elevation_level', to: 'elevationLevel' },
              { name: 'scope', to: 'scope' },
            ],
          },
        ],
      },
      {
        name: 'resource_file',
        to: 'resourceFiles',
        repeated: true,
        block: [
          { name: 'auto_storage_container_name', to: 'autoStorageContainerName' },
          { name: 'storage_container_url', to: 'storageContainerUrl' },
          { name: 'http_url', to: 'httpUrl' },
          { name: 'blob_prefix', to: 'blobPrefix' },
          { name: 'file_path', to: 'filePath' },
          { name: 'file_mode', to: 'fileMode' },
          { name: 'user_assigned_identity_id', to: 'identityReference.resourceId' },
        ],
      },
      {
        name: 'container',
        to: 'containerSettings',
        block: [
          { name: 'image_name', to: 'imageName' },
          { name: 'run_options', to: 'containerRunOptions' },
          { name: 'working_directory', to: 'workingDirectory' },
          { name: 'registry', to: 'registry', block: CONTAINER_REGISTRY },
        ],
      },
    ],
  },
  {
    name: 'certificate',
    to: 'certificateReferences',
    repeated: true,
    block: [
      { name: 'id', to: '', convert: certificateThumbprint, spreads: ['thumbprint', 'thumbprintAlgorithm'] },
      { name: 'store_location', to: 'storeLocation' },
      { name: 'store_name', to: 'storeName' },
      { name: 'visibility', to: 'visibility' },
    ],
  },
  {
    name: 'container_configuration',
    to: 'virtualMachineConfiguration.containerConfiguration',
    block: [
      { name: 'type', to: 'type' },
      { name: 'container_image_names', to: 'containerImageNames' },
      { name: 'container_registries', to: 'containerRegistries', repeated: true, block: CONTAINER_REGISTRY },
    ],
  },
  {
    name: 'data_disks',
    to: 'virtualMachineConfiguration.dataDisks',
    repeated: true,
    block: [
      { name: 'lun', to: 'lun' },
      { name: 'caching', to: 'caching' },
      { name: 'disk_size_gb', to: 'diskSizeGB' },
      { name: 'storage_account_type', to: 'storageAccountType' },
    ],
  },
  {
    name: 'disk_encryption',
    to: 'virtualMachineConfiguration.diskEncryptionConfiguration.targets',
    repeated: true,
    collect: 'disk_encryption_target',
    block: [{ name: 'disk_encryption_target', to: '' }],
  },
  {
    name: 'extensions',
    to: 'virtualMachineConfiguration.extensions',
    repeated: true,
    block: [
      { name: 'name', to: 'name' },
      { name: 'publisher', to: 'publisher' },
      { name: 'type', to: 'type' },
      { name: 'type_handler_version', to: 'typeHandlerVersion' },
      { name: 'auto_upgrade_minor_version', to: 'autoUpgradeMinorVersion' },
      { name: 'automatic_upgrade_enabled', to: 'enableAutomaticUpgrade' },
      { name: 'settings_json', to: 'settings' },
      { name: 'protected_settings', to: 'protectedSettings' },
      { name: 'provision_after_extensions', to: 'provisionAfterExtensions' },
    ],
  },
  { name: 'node_placement', to: 'virtualMachineConfiguration.nodePlacementConfiguration', block: [{ name: 'policy', to: 'policy' }] },
  {
    name: 'security_profile',
    to: 'virtualMachineConfiguration.securityProfile',
    block: [
      { name: 'host_encryption_enabled', to: 'encryptionAtHost' },
      { name: 'security_type', to: 'securityType' },
      { name: 'secure_boot_enabled', to: 'uefiSettings.secureBootEnabled' },
      { name: 'vtpm_enabled', to: 'uefiSettings.vTpmEnabled' },
    ],
  },
  { name: 'windows', to: 'virtualMachineConfiguration.windowsConfiguration', block: [{ name: 'enable_automatic_updates', to: 'enableAutomaticUpdates' }] },
  {
    name: 'network_configuration',
    to: 'networkConfiguration',
    block: [
      { name: 'subnet_id', to: 'subnetId' },
      { name: 'dynamic_vnet_assignment_scope', to: 'dynamicVNetAssignmentScope' },
      { name: 'accelerated_networking_enabled', to: 'enableAcceleratedNetworking' },
      { name: 'public_ips', to: 'publicIPAddressConfiguration.ipAddressIds' },
      { name: 'public_address_provisioning_type', to: 'publicIPAddressConfiguration.provision' },
      {
        name: 'endpoint_configuration',
        to: 'endpointConfiguration.inboundNATPools',
        repeated: true,
        block: [
          { name: 'name', to: 'name' },
          { name: 'backend_port', to: 'backendPort' },
          { name: 'protocol', to: 'protocol' },
          { name: 'frontend_port_range', to: '', convert: portRange, spreads: ['frontendPortRangeStart', 'frontendPortRangeEnd'] },
          {
            name: 'network_security_group_rules',
            to: 'networkSecurityGroupRules',
            repeated: true,
            block: [
              { name: 'access', to: 'access' },
              { name: 'priority', to: 'priority' },
              { name: 'source_address_prefix', to: 'sourceAddressPrefix' },
              { name: 'source_port_ranges', to: 'sourcePortRanges' },
            ],
          },
        ],
      },
    ],
  },
  { name: 'task_scheduling_policy', to: 'taskSchedulingPolicy', block: [{ name: 'node_fill_type', to: 'nodeFillType' }] },
  {
    name: 'user_accounts',
    to: 'userAccounts',
    repeated: true,
    block: [
      { name: 'name', to: 'name' },
      { name: 'password', to: 'password' },
      { name: 'elevation_level', to: 'elevationLevel' },
      {
        name: 'linux_user_configuration',
        to: 'linuxUserConfiguration',
        block: [
          { name: 'uid', to: 'uid' },
          { name: 'gid', to: 'gid' },
          { name: 'ssh_private_key', to: 'sshPrivateKey' },
        ],
      },
      { name: 'windows_user_configuration', to: 'windowsUserConfiguration', block: [{ name: 'login_mode', to: 'loginMode' }] },
    ],
  },
  {
    name: 'mount',
    to: 'mountConfiguration',
    repeated: true,
    block: [
      {
        name: 'azure_blob_file_system',
        to: 'azureBlobFileSystemConfiguration',
        block: [
          { name: 'account_name', to: 'accountName' },
          { name: 'container_name', to: 'containerName' },
          { name: 'account_key', to: 'accountKey' },
          { name: 'sas_key', to: 'sasKey' },
          { name: 'identity_id', to: 'identityReference.resourceId' },
          { name: 'blobfuse_options', to: 'blobfuseOptions' },
          { name: 'relative_mount_path', to: 'relativeMountPath' },
        ],
      },
      {
        name: 'azure_file_share',
        to: 'azureFileShareConfiguration',
        block: [{ name: 'account_name', to: 'accountName' }, { name: 'account_key', to: 'accountKey' }, { name: 'azure_file_url', to: 'azureFileUrl' }, ...MOUNT_COMMON],
      },
      {
        name: 'cifs_mount',
        to: 'cifsMountConfiguration',
        block: [{ name: 'user_name', to: 'username' }, { name: 'password', to: 'password' }, { name: 'source', to: 'source' }, ...MOUNT_COMMON],
      },
      { name: 'nfs_mount', to: 'nfsMountConfiguration', block: [{ name: 'source', to: 'source' }, ...MOUNT_COMMON] },
    ],
  },
];

/** A Terraform map (metadata, environment variables) as the API's list of name/value pairs. */
function nameValueList(value: unknown): unknown {
  if (isUnknown(value) || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.entries(value as Record<string, unknown>).map(([name, item]) => ({ name, value: item }));
}

/** `1000-1100` as the API's start and end of the range. */
function portRange(value: unknown): unknown {
  if (isUnknown(value)) return { frontendPortRangeStart: value, frontendPortRangeEnd: value };
  const match = typeof value === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value) : null;
  if (!match) return { frontendPortRangeStart: value, frontendPortRangeEnd: value };
  return { frontendPortRangeStart: Number(match[1]), frontendPortRangeEnd: Number(match[2]) };
}

/** A Batch certificate's resource id ends in `<algorithm>-<thumbprint>`, which is what the pool body references. */
function certificateThumbprint(value: unknown): unknown {
  if (isUnknown(value)) return { thumbprint: value, thumbprintAlgorithm: value };
  const match = typeof value === 'string' ? /\/certificates\/([a-z0-9]+)-([0-9a-f]+)$/i.exec(value) : null;
  if (!match) {
    const unknown = unknownValue(`the certificate id ${JSON.stringify(value)} does not end in <algorithm>-<thumbprint>`);
    return { thumbprint: unknown, thumbprintAlgorithm: unknown };
  }
  return { thumbprint: match[2], thumbprintAlgorithm: match[1] };
}
