import { relative, resolve } from 'node:path';
import type { AnyRule, Severity } from '../model/rule.ts';
import type { LoadedConfig, RuleSettingInput } from './config.ts';

export interface RuleSetting {
  severity: Severity;
  options: unknown;
}

/** Without overrides every file of a config has the same settings: computed once per config and rule set. */
const sharedSettings = new WeakMap<LoadedConfig, WeakMap<readonly AnyRule[], Map<string, RuleSetting>>>();

/** The settings of every enabled rule for one pool in one file: defaults, then the config, then matching overrides. */
export function ruleSettingsFor(rules: readonly AnyRule[], loaded: LoadedConfig, filePath: string, poolId: string | undefined): Map<string, RuleSetting> {
  if (loaded.config.overrides?.length) return computeSettings(rules, loaded, filePath, poolId);
  let byRules = sharedSettings.get(loaded);
  if (!byRules) sharedSettings.set(loaded, (byRules = new WeakMap()));
  let settings = byRules.get(rules);
  if (!settings) byRules.set(rules, (settings = computeSettings(rules, loaded, filePath, poolId)));
  return settings;
}

function computeSettings(rules: readonly AnyRule[], loaded: LoadedConfig, filePath: string, poolId: string | undefined): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting | 'off'>();
  for (const rule of rules) settings.set(rule.meta.id, { severity: rule.meta.defaultSeverity, options: undefined });
  apply(settings, loaded.config.rules);
  const overrides = loaded.config.overrides ?? [];
  const relativePath = overrides.length > 0 ? relativeToConfig(loaded, filePath) : '';
  overrides.forEach((override, index) => {
    if (!loaded.overrideMatchers[index]!(relativePath)) return;
    if (override.pools && (poolId === undefined || !override.pools.includes(poolId))) return;
    apply(settings, override.rules);
  });
  const enabled = new Map<string, RuleSetting>();
  for (const [id, setting] of settings) if (setting !== 'off') enabled.set(id, setting);
  return enabled;
}

export function isIgnored(loaded: LoadedConfig, filePath: string): boolean {
  return loaded.isIgnored?.(relativeToConfig(loaded, filePath)) ?? false;
}

function apply(settings: Map<string, RuleSetting | 'off'>, rules: Record<string, RuleSettingInput> | undefined): void {
  for (const [id, input] of Object.entries(rules ?? {})) {
    const [level, options] = Array.isArray(input) ? input : [input];
    const current = settings.get(id);
    if (level === 'off') settings.set(id, 'off');
    else settings.set(id, { severity: level, options: options ?? (current === 'off' ? undefined : current?.options) });
  }
}

function relativeToConfig(loaded: LoadedConfig, filePath: string): string {
  return relative(loaded.directory, resolve(filePath)).split('\\').join('/');
}
