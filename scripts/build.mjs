// Bundles the CLI into dist/. Heavy optional modules (the Azure SDKs, the YAML parser) stay
// behind dynamic imports so that an offline lint of JSON files never loads them.
import { build } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/data', { recursive: true });

// Importing a Node built-in as an ES module copies every property of it, running getters such as
// `process.stdin` and `fs.promises` that load readline, net and tty (~7 ms) on every start. Bundled code
// reaches the built-ins through require() instead, which reads properties only when used.
// commander requires child_process (for git-style subcommands batchlint does not use), which loads net,
// dgram and the stream stack: for commander it is loaded on first use instead.
const isCommanderRequiringChildProcess = (args) => /^(node:)?child_process$/.test(args.path) && /node_modules[\\/]commander[\\/]/.test(args.importer);

const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(builder) {
    builder.onResolve({ filter: /child_process$/ }, (args) => (isCommanderRequiringChildProcess(args) ? { path: 'node:child_process', namespace: 'lazy-builtin' } : undefined));
    builder.onResolve({ filter: /^node:/ }, (args) => (args.namespace.endsWith('builtin') ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' }));
    builder.onResolve({ filter: /^(fs|path|process|events|child_process|os|url|util|module|crypto)$/ }, (args) => ({ path: `node:${args.path}`, namespace: 'builtin' }));
    builder.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};

// The entry (src/main.ts) stays a file of its own: it turns on the compile cache before the bundle is compiled.
const bundleBesideTheEntry = {
  name: 'bundle-beside-the-entry',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/cli\.ts$/ }, (args) => (/[\\/]src[\\/]main\.ts$/.test(args.importer) ? { path: './batchlint.js', external: true } : undefined));
  },
};

await build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Through require, as in the bundle: Node 20 (pre-commit's system node) has no enableCompileCache to import by name.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);" },
  plugins: [bundleBesideTheEntry, builtinsThroughRequire],
  minify: true,
  logLevel: 'warning',
});

// The CLI in one file: resolving and linking the ~26 chunks that splitting made cost a one-file run ~50 ms of CPU.
// What a run may not need (the YAML parser, the formatters, live mode) is still only initialised when imported; the
// Azure SDKs stay outside the bundle, imported dynamically (checked below).
await build({
  entryPoints: { batchlint: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'bundle',
  mainFields: ['module', 'main'],
  external: ['@azure/*', '@azure-rest/*'],
  banner: { js: "import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);" },
  plugins: [builtinsThroughRequire],
  minify: true,
  logLevel: 'warning',
});

// A static import of an Azure SDK module would be hoisted to the top of the one file and loaded by every offline run.
const staticAzureImport = /(?:^|[;}\s])(?:import\s*["']@azure|import[^;()]*?from\s*["']@azure)/m.exec(readFileSync('dist/batchlint.js', 'utf8'));
if (staticAzureImport) throw new Error(`dist/batchlint.js imports an Azure SDK module statically (${staticAzureImport[0].trim()}): import it dynamically in src/live/`);

// package.json's bin: executable as committed, so that npx need not change it (and leave the clone dirty).
chmodSync('dist/cli.js', 0o755);

// @actions/core's index imports its OIDC client (@actions/http-client, which loads undici and tunnel) and its
// platform helpers (@actions/exec); the Action calls neither. esbuild must keep and run the CommonJS packages
// behind them unless told they do nothing when imported unused: 420 kB and ~50 ms of every start.
const actionsCoreImportsDroppedWhenUnused = {
  name: 'actions-core-imports-dropped-when-unused',
  setup(builder) {
    builder.onResolve({ filter: /^@actions\// }, async (args) => {
      if (args.pluginData === 'resolving' || !/node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer)) return undefined;
      const resolved = await builder.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return { ...resolved, sideEffects: false };
    });
  },
};

// The GitHub Action's entry, run by the runner with no install step: everything is bundled, the Azure SDKs
// too, in chunks that only a run with the live input loads.
await build({
  entryPoints: { main: 'src/action/main.ts' },
  outdir: 'dist/action',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);" },
  plugins: [builtinsThroughRequire, actionsCoreImportsDroppedWhenUnused],
  chunkNames: '[name]-[hash]',
  minify: true,
  logLevel: 'warning',
});

cpSync('src/catalog/data', 'dist/data', { recursive: true });
cpSync('src/catalog/data', 'dist/action/data', { recursive: true });
