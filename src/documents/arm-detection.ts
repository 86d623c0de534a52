import { isRecord } from '../model/is-record.ts';

/** The parts of a deployment template that hold values other parts refer to. */
export interface TemplateParts {
  parameters?: Record<string, unknown>;
  variables?: Record<string, unknown>;
}

/** A deployment template: its `$schema` says so, or, without one, `resources` beside a `contentVersion`. */
export function isArmTemplate(value: unknown): value is Record<string, unknown> & TemplateParts {
  if (!isRecord(value) || !(Array.isArray(value.resources) || isRecord(value.resources))) return false;
  return typeof value.$schema === 'string' ? /deploymentTemplate/i.test(value.$schema) : 'contentVersion' in value;
}

/** A parameters file, in either shape: never a pool, even when its names look like pool properties. */
export function isParametersFile(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (typeof value.$schema === 'string' && /deploymentParameters/i.test(value.$schema)) return true;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((entry) => isRecord(entry) && Object.keys(entry).length > 0 && Object.keys(entry).every((key) => PARAMETER_ENTRY_KEYS.has(key)));
}

const PARAMETER_ENTRY_KEYS = new Set(['value', 'reference', 'metadata']);
