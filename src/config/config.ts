import type { Severity } from '../model/rule.ts';

export type Level = Severity | 'off';
export type RuleSettingInput = Level | [Level] | [Level, Record<string, unknown>];

/** The file a user writes: batchlint.config.{json,yaml}. */
export interface ConfigFile {
  rules?: Record<string, RuleSettingInput>;
  /** The Batch account live mode reads, by resource id. */
  account?: string;
  ignore?: string[];
  /** The largest file to lint: bytes, or a size with a unit ("20MB"). */
  maxFileSize?: number | string;
  overrides?: { files: string[]; pools?: string[]; rules: Record<string, RuleSettingInput> }[];
}

/** Tells whether a path, relative to the config's folder, matches a list of globs. */
export type PathMatcher = (relativePath: string) => boolean;

/** A loaded config with the directory its globs are relative to, and its globs compiled once. */
export interface LoadedConfig {
  path: string | undefined;
  directory: string;
  config: ConfigFile;
  isIgnored?: PathMatcher;
  overrideMatchers: PathMatcher[];
}

/** A config the run cannot use: the CLI exits 2 with this message. */
export class ConfigError extends Error {}
