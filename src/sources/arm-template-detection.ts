import type { TemplateParts } from '../arm/template-scope.ts';

/** A deployment template: its `$schema` says so, or, without one, `resources` beside a `contentVersion`. */
export function isArmTemplate(value: unknown): value is Record<string, unknown> & TemplateParts {
  if (!isObject(value) || !(Array.isArray(value.resources) || isObject(value.resources))) return false;
  return typeof value.$schema === 'string' ? /deploymentTemplate/i.test(value.$schema) : 'contentVersion' in value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
