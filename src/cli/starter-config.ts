/** What `batchlint init` writes: every key a team usually touches first, with harmless values. */
export const STARTER_CONFIG = `${JSON.stringify(
  {
    $schema: './node_modules/batchlint/schemas/config.schema.json',
    rules: {
      'windows-automatic-updates': 'error',
      'temp-disk-capacity': ['error', { expectedStorage: { outputPerTaskGiB: 1, taskDuration: 'PT1H', retentionTime: 'P1D' } }],
    },
    ignore: ['**/node_modules/**'],
    overrides: [],
  },
  null,
  2,
)}\n`;
