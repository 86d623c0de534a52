import { closest } from 'fastest-levenshtein';
import * as validators from '../schema/generated/config-validators.js';
import { ruleOptionsExportName } from '../schema/rule-options-export.ts';
import type { ConfigFile, RuleSettingInput } from './config.ts';

type Validator = (typeof validators)['validateConfig'];

/** Problems with a config value, each a readable line; empty when the config is usable. */
export function validateConfig(value: unknown, ruleIds: readonly string[]): string[] {
  if (!validators.validateConfig(value)) return describe(validators.validateConfig, 'config');
  const config = value as ConfigFile;
  const settings = [config.rules ?? {}, ...(config.overrides ?? []).map((override) => override.rules)];
  return settings.flatMap((rules) => Object.entries(rules).flatMap(([ruleId, setting]) => checkRuleSetting(ruleId, setting, ruleIds)));
}

function checkRuleSetting(ruleId: string, setting: RuleSettingInput, ruleIds: readonly string[]): string[] {
  if (!ruleIds.includes(ruleId)) return [`unknown rule "${ruleId}"; did you mean "${closest(ruleId, ruleIds)}"?`];
  const options = Array.isArray(setting) ? setting[1] : undefined;
  if (options === undefined) return [];
  const validate = (validators as unknown as Record<string, Validator | undefined>)[ruleOptionsExportName(ruleId)];
  if (!validate) return [`rule "${ruleId}" takes no options`];
  return validate(options) ? [] : describe(validate, `rules.${ruleId} options`);
}

function describe(validate: Validator, where: string): string[] {
  return (validate.errors ?? []).map((error) => {
    const extra = error.keyword === 'additionalProperties' ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"` : '';
    return `${where}${error.instancePath}: ${error.message ?? 'is invalid'}${extra}`;
  });
}
