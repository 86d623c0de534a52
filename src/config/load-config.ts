import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SyntaxProblem } from '../model/syntax-problem.ts';
import { parseFile } from '../documents/parse-file.ts';
import { ConfigError, type ConfigFile, type LoadedConfig, type PathMatcher } from './config.ts';

export const CONFIG_FILE_NAMES = ['batchlint.config.json', 'batchlint.config.yaml', 'batchlint.config.yml'];

/** Finds the config that governs a file: the nearest batchlint.config.* in its folder or above. */
export class ConfigLocator {
  private readonly byDirectory = new Map<string, Promise<LoadedConfig>>();
  /** Keyed by the folder as the file path spells it, which saves resolving every path of a large folder. */
  private readonly byFolderAsWritten = new Map<string, Promise<LoadedConfig>>();

  /** ruleIds: the rules of the run, which the config may name. */
  constructor(
    private readonly explicitPath: string | undefined,
    private readonly cwd: string,
    private readonly ruleIds: readonly string[],
  ) {}

  forFile(filePath: string): Promise<LoadedConfig> {
    if (this.explicitPath) return this.cached(resolve(this.cwd, this.explicitPath), () => loadConfig(resolve(this.cwd, this.explicitPath!), this.ruleIds));
    const folder = dirname(filePath);
    let config = this.byFolderAsWritten.get(folder);
    if (!config) {
      config = this.forDirectory(resolve(this.cwd, folder));
      this.byFolderAsWritten.set(folder, config);
    }
    return config;
  }

  private forDirectory(directory: string): Promise<LoadedConfig> {
    return this.cached(directory, async () => {
      const found = CONFIG_FILE_NAMES.map((name) => join(directory, name)).find((candidate) => existsSync(candidate));
      if (found) return loadConfig(found, this.ruleIds);
      const parent = dirname(directory);
      return parent === directory ? { path: undefined, directory: this.cwd, config: {}, overrideMatchers: [] } : this.forDirectory(parent);
    });
  }

  private cached(key: string, load: () => Promise<LoadedConfig>): Promise<LoadedConfig> {
    let loaded = this.byDirectory.get(key);
    if (!loaded) {
      loaded = load();
      this.byDirectory.set(key, loaded);
    }
    return loaded;
  }
}

export async function loadConfig(path: string, ruleIds: readonly string[]): Promise<LoadedConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = (await parseFile(path, text)).value;
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new ConfigError(`${path}: ${error.message}`);
    throw error;
  }
  const { validateConfig } = await import('./validate-config.ts');
  const problems = validateConfig(value, ruleIds);
  if (problems.length > 0) throw new ConfigError(`${path} is not a valid batchlint config:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  const config = value as ConfigFile;
  const loaded: LoadedConfig = { path, directory: dirname(path), config, overrideMatchers: [] };
  if (config.ignore?.length || config.overrides?.length) {
    const { default: picomatch } = await import('picomatch');
    const matcher = (globs: string[]): PathMatcher => picomatch(globs, { dot: true });
    if (config.ignore?.length) loaded.isIgnored = matcher(config.ignore);
    loaded.overrideMatchers = (config.overrides ?? []).map((override) => matcher(override.files));
  }
  return loaded;
}
