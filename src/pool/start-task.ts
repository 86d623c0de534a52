import type { PoolDefinition } from '../model/pool-definition.ts';
import { isKnown, isUnknown, type UnknownValue } from '../model/unknown.ts';

export interface EffectiveSetting<T> {
  value: T;
  /** True when the user did not write it and the format's default applies. */
  byDefault: boolean;
}

/** Whether Batch waits for the start task before scheduling tasks, with the format's default applied. */
export function startTaskWaitsForSuccess(pool: PoolDefinition): EffectiveSetting<boolean> | UnknownValue | undefined {
  const startTask = pool.spec.startTask;
  if (isUnknown(startTask)) return startTask;
  if (!isKnown(startTask)) return undefined;
  const written = startTask.waitForSuccess;
  if (isUnknown(written)) return written;
  if (typeof written === 'boolean') return { value: written, byDefault: false };
  return { value: pool.defaults.startTaskWaitForSuccess, byDefault: true };
}

/** The start task's command line, when the pool has a start task and the line is known. */
export function startTaskCommandLine(pool: PoolDefinition): string | UnknownValue | undefined {
  const startTask = pool.spec.startTask;
  if (isUnknown(startTask)) return startTask;
  if (!isKnown(startTask)) return undefined;
  const commandLine = startTask.commandLine;
  return isUnknown(commandLine) || typeof commandLine === 'string' ? commandLine : undefined;
}
