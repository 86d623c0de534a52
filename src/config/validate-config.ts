import { closest } from 'fastest-levenshtein';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { allRules } from '../../rules/index.ts';
import type { ConfigFile, RuleSettingInput } from './config.ts';

/** Problems with a config value, each a readable line; empty when the config is usable. */
export async function validateConfig(value: unknown): Promise<string[]> {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(configSchema);
  if (!validate(value)) {
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(top level)'}: ${error.message ?? 'is invalid'}`);
  }
  const config = value as ConfigFile;
  const problems: string[] = [];
  const settings = [config.rules ?? {}, ...(config.overrides ?? []).map((override) => override.rules)];
  for (const rules of settings) {
    for (const [ruleId, setting] of Object.entries(rules)) problems.push(...checkRuleSetting(ruleId, setting, ajv));
  }
  return problems;
}

const rulesById = new Map(allRules.map((rule) => [rule.meta.id, rule]));

function checkRuleSetting(ruleId: string, setting: RuleSettingInput, ajv: import('ajv').Ajv): string[] {
  const rule = rulesById.get(ruleId);
  if (!rule) return [`unknown rule "${ruleId}"; did you mean "${closest(ruleId, [...rulesById.keys()])}"?`];
  const options = Array.isArray(setting) ? setting[1] : undefined;
  if (options === undefined) return [];
  if (!rule.meta.optionsSchema) return [`rule "${ruleId}" takes no options`];
  const validate = ajv.compile(rule.meta.optionsSchema);
  if (validate(options)) return [];
  return (validate.errors ?? []).map((error) => `rules.${ruleId} options${error.instancePath}: ${error.message ?? 'is invalid'}`);
}
