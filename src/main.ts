// The CLI's entry: turn on Node's on-disk compile cache before the bundle is loaded, so that repeated
// runs (a pre-commit hook, an editor, CI re-runs) skip compiling batchlint's JavaScript.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('./cli.ts');
