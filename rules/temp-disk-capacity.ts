import type { VmSizeInfo } from '../src/catalog/types.ts';
import type { PoolRule } from '../src/model/rule.ts';
import { durationMinutes } from '../src/pool/duration.ts';
import type { Facts } from '../src/model/facts.ts';

/** What the user expects one node to store, declared in the config because no pool definition says it. */
export interface ExpectedStorage {
  applicationPackagesGiB?: number;
  resourceFilesGiB?: number;
  outputPerTaskGiB: number;
  /** How long a task runs; with retentionTime it gives how many finished tasks' files each slot keeps. */
  taskDuration?: string;
  /** How long Batch keeps a finished task's directory: the job's retentionTime, default 7 days. */
  retentionTime?: string;
  /** Instead of the two durations: how many finished tasks' files each task slot keeps. */
  tasksRetainedPerSlot?: number;
}

export interface TempDiskOptions {
  expectedStorage?: ExpectedStorage;
}

const DEFAULT_RETENTION = 'P7D';
/** Batch marks a node DiskFull once the disk is about 90% used; the rest is the node agent's reserve. */
const USABLE_FRACTION = 0.9;

export const tempDiskCapacityRule: PoolRule<TempDiskOptions | undefined> = {
  meta: {
    id: 'temp-disk-capacity',
    description: "Task files would fill the node's disk: the VM size has no temp disk, or the declared workload does not fit it.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        expectedStorage: {
          type: 'object',
          additionalProperties: false,
          required: ['outputPerTaskGiB'],
          properties: {
            applicationPackagesGiB: { type: 'number', minimum: 0 },
            resourceFilesGiB: { type: 'number', minimum: 0 },
            outputPerTaskGiB: { type: 'number', minimum: 0 },
            taskDuration: { type: 'string', pattern: '^P' },
            retentionTime: { type: 'string', pattern: '^P' },
            tasksRetainedPerSlot: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    messages: {
      noTempDisk:
        "{{size}} has no local temp disk, so Batch keeps application packages, resource files and every task's " +
        'files on the OS disk, which fills up and leaves the node unusable (DiskFull). Prefer a size with a local disk ' +
        '(a "d" in its name{{twinExample}}), or give the OS disk enough room and a short task retention time.',
      workloadTooLarge:
        'The declared workload needs about {{neededGiB}} GiB per node ({{slots}} task slot(s) × {{retained}} retained task(s) × ' +
        "{{outputPerTaskGiB}} GiB, plus packages and resource files), but {{size}}'s {{diskKind}} temp disk holds " +
        '{{diskGiB}} GiB and Batch marks a node DiskFull at about 90% use. Choose a size with a larger temp disk, ' +
        'fewer task slots, or a shorter task retention time.',
    },
    docs: {
      severityNote: 'the no-temp-disk case is at most a warning',
      facts: "embedded catalog: the size's SCSI temp disk, and whether it has local NVMe disks",
    },
  },
  check(pool, { facts, options, report, notChecked, known }) {
    const vmSize = known(pool.spec.vmSize, 'the VM size');
    const size = typeof vmSize === 'string' ? facts.vmSize(vmSize) : undefined;
    if (!size) return;
    const disk = localDisk(size);
    if (disk.kind === 'unknown') return notChecked(`the catalog does not say whether ${size.name} has a local temp disk`);
    if (disk.kind === 'none') {
      return report({ path: ['vmSize'], severity: 'warning', messageId: 'noTempDisk', data: { size: size.name, twinExample: twinExample(size.name, facts) } });
    }
    const expected = options?.expectedStorage;
    if (!expected) return;
    if (disk.sizeGiB === undefined) return notChecked(`the catalog does not know the size of ${size.name}'s local ${disk.kind} disk`);
    const slots = known(pool.spec.taskSlotsPerNode ?? pool.defaults.taskSlotsPerNode, 'the number of task slots per node');
    const retained = tasksRetainedPerSlot(expected);
    if (retained === undefined) return notChecked('expectedStorage needs tasksRetainedPerSlot, or taskDuration (and optionally retentionTime) as ISO-8601 durations');
    const neededGiB = (expected.applicationPackagesGiB ?? 0) + (expected.resourceFilesGiB ?? 0) + expected.outputPerTaskGiB * slots * retained;
    const diskGiB = disk.sizeGiB;
    const usableGiB = diskGiB * USABLE_FRACTION;
    if (neededGiB <= usableGiB) return;
    report({
      path: ['vmSize'],
      messageId: 'workloadTooLarge',
      data: { neededGiB: round(neededGiB), slots, retained, outputPerTaskGiB: expected.outputPerTaskGiB, size: size.name, diskKind: disk.kind, diskGiB },
    });
  },
};

type LocalDisk = { kind: 'none' } | { kind: 'unknown' } | { kind: 'SCSI' | 'NVMe'; sizeGiB: number | undefined };

/** Batch puts its root directory on the SCSI temp disk when there is one, else on the NVMe disks it formats itself. */
function localDisk(size: VmSizeInfo): LocalDisk {
  if (size.tempDiskGiB !== undefined && size.tempDiskGiB > 0) return { kind: 'SCSI', sizeGiB: size.tempDiskGiB };
  if (size.hasNvmeDisk) return { kind: 'NVMe', sizeGiB: size.nvmeDiskGiB };
  if (size.tempDiskGiB === 0 && size.hasNvmeDisk === false) return { kind: 'none' };
  return { kind: 'unknown' };
}

function tasksRetainedPerSlot(expected: ExpectedStorage): number | undefined {
  if (expected.tasksRetainedPerSlot !== undefined) return expected.tasksRetainedPerSlot;
  if (!expected.taskDuration) return undefined;
  const task = durationMinutes(expected.taskDuration);
  const retention = durationMinutes(expected.retentionTime ?? DEFAULT_RETENTION);
  if (!task || retention === undefined) return undefined;
  return Math.max(1, Math.ceil(retention / task));
}

/** The same size with the "d" (local disk) feature letter, when the catalog knows one: Standard_D4s_v5 → Standard_D4ds_v5. */
function diskfulTwin(name: string, facts: Facts): string | undefined {
  const match = /^(Standard_[A-Z]+\d+)([a-z]*)(_v\d+)$/i.exec(name);
  if (!match) return undefined;
  const [, base, letters, version] = match as unknown as [string, string, string, string];
  for (let at = 0; at <= letters.length; at++) {
    const twin = facts.vmSize(`${base}${letters.slice(0, at)}d${letters.slice(at)}${version}`);
    const twinDisk = twin && localDisk(twin).kind;
    if (twinDisk === 'SCSI' || twinDisk === 'NVMe') return twin!.name;
  }
  return undefined;
}

function twinExample(name: string, facts: Facts): string {
  const twin = diskfulTwin(name, facts);
  return twin ? `, such as ${twin}` : '';
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
