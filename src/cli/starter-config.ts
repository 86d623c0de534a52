/**
 * What `batchlint init` writes. A starter config must not change any finding: it sets nothing and shows
 * the options as commented examples (YAML), or as an empty skeleton with a pointer to them (JSON).
 */

export type StarterFormat = 'json' | 'yaml';

export const STARTER_FORMATS: readonly StarterFormat[] = ['json', 'yaml'];

export function starterConfigName(format: StarterFormat): string {
  return `batchlint.config.${format}`;
}

/** The schema at the release that wrote the config, so that editors find it without batchlint installed beside it. */
function schemaUrl(version: string): string {
  return `https://raw.githubusercontent.com/batchlint/batchlint/v${version}/schemas/config.schema.json`;
}

export function starterConfig(format: StarterFormat, version: string): string {
  return format === 'json' ? jsonStarter(version) : yamlStarter(version);
}

function jsonStarter(version: string): string {
  return `${JSON.stringify({ $schema: schemaUrl(version), rules: {}, ignore: [], overrides: [] }, null, 2)}\n`;
}

function yamlStarter(version: string): string {
  return `# yaml-language-server: $schema=${schemaUrl(version)}
# batchlint's configuration. As written, every rule runs at its default severity (batchlint rules lists
# them): remove a "#" to use an example. All options: https://github.com/batchlint/batchlint#configuration

rules: {}
#   windows-automatic-updates: "off"        # a rule turned off
#   resize-timeout-large-pool: error        # a rule's severity: "off", info, warning or error
#   temp-disk-capacity:                     # a severity and the rule's options: what each task leaves on the temp disk
#     - error
#     - expectedStorage: { outputPerTaskGiB: 1, taskDuration: PT1H, retentionTime: P1D }

# account: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Batch/batchAccounts/<name>   # for --live

# maxFileSize: 20MB                         # larger files are not read (default 10MB; --max-file-size overrides)

ignore: []
#   - legacy/**                             # files not to lint, relative to this file

overrides: []
#   - files: [pools/gpu/**]                 # other settings for some files
#     pools: [render-gpu]                   # and, if given, only these pool ids
#     rules: { temp-disk-capacity: warning }
`;
}
