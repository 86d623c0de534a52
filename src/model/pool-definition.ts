import type { ImageReference, PoolAddParameter, StartTask, UserIdentity, VirtualMachineConfiguration } from '@azure/batch';
import type { Located, SourceDocument, TextEdit } from './document.ts';
import type { Path, StringRange } from './location.ts';
import type { Unknowable, UnknownValue } from './unknown.ts';

/**
 * The SDK model (REST api-version 2022-10-01) adjusted to the wire: the REST body says `username` where the
 * SDK says `userName`, and newer API versions added image sources and an upgrade policy the SDK does not know.
 */
type WirePool = Omit<PoolAddParameter, 'startTask' | 'virtualMachineConfiguration'> & {
  /** Added in API 2024-02-01 (pool-level, as in ARM). */
  upgradePolicy?: { mode?: string; automaticOSUpgradePolicy?: { enableAutomaticOSUpgrade?: boolean } };
  startTask?: Omit<StartTask, 'userIdentity'> & { userIdentity?: Omit<UserIdentity, 'userName'> & { username?: string } };
  virtualMachineConfiguration?: Omit<VirtualMachineConfiguration, 'imageReference'> & {
    imageReference: ImageReference & { sharedGalleryImageId?: string; communityGalleryImageId?: string };
  };
};

/**
 * The canonical pool: the Batch data-plane body as sent to `Pool - Add`, typed from the `@azure/batch`
 * models, where any property may be absent (the schema rule reports what is required) and any value may be
 * unknown to the adapter.
 */
export type PoolSpec = Exclude<Unknowable<WirePool>, UnknownValue>;

/** The format a pool was written in; defaults and property names depend on it. */
export type SourceFormat = 'batch-json' | 'batch-yaml' | 'arm' | 'bicep' | 'terraform' | 'terraform-plan' | 'autoscale-formula';

/**
 * What an absent property means in the format the pool came from. The formats disagree (the azurerm
 * provider defaults start_task.wait_for_success to false, the REST API to true), so rules read defaults
 * from here, never from their own constants.
 */
export interface SourceDefaults {
  startTaskWaitForSuccess: boolean;
  startTaskMaxRetryCount: number;
  resizeTimeout: string;
  windowsEnableAutomaticUpdates: boolean;
  taskSlotsPerNode: number;
}

export const BATCH_API_DEFAULTS: SourceDefaults = {
  startTaskWaitForSuccess: true,
  startTaskMaxRetryCount: 0,
  resizeTimeout: 'PT15M',
  windowsEnableAutomaticUpdates: true,
  taskSlotsPerNode: 1,
};

/** One pool found in a file, in canonical form, with the map back to what the user wrote. */
export interface PoolDefinition {
  /** The pool id when known, for messages and reports. */
  readonly id: string | undefined;
  readonly spec: PoolSpec;
  readonly document: SourceDocument;
  readonly format: SourceFormat;
  readonly defaults: SourceDefaults;
  /**
   * The pool's subnet as the source itself declares it, when the subnet id is a reference a fact lookup
   * cannot follow (a Terraform `azurerm_subnet` in the same module, created with the pool).
   */
  readonly declaredSubnet?: { addressPrefixes: string[] };
  /**
   * A job's or job schedule's auto pool (`poolInfo.autoPoolSpecification.pool`): Batch's pool specification,
   * which has no `id` (Batch names the pool from `autoPoolIdPrefix`).
   */
  readonly autoPool?: boolean;
  /** The API version an ARM template declares for the pool resource, when it is known. */
  readonly apiVersion?: string;
  /** The source location of a canonical path (nearest written ancestor when absent); `within` as in SourceDocument.locate. */
  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located;
  /** The property as the user's format names it, e.g. `startTask.waitForSuccess` or `start_task.wait_for_success`. */
  displayName(path: Path): string;
  /** Edits that set a canonical path to a value in the user's file, when that can be done safely. */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined;
}
