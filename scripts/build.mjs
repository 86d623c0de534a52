// Bundles the CLI into dist/. Heavy optional modules (the Azure SDKs, the YAML parser) stay
// behind dynamic imports so that an offline lint of JSON files never loads them.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/data', { recursive: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'bundle',
  mainFields: ['module', 'main'],
  external: ['@azure/*'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);",
  },
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});

cpSync('src/catalog/data', 'dist/data', { recursive: true });
