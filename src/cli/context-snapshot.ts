import { resolve } from 'node:path';
// A static import: this module is itself loaded only for the snapshot command, and the bundle keeps the
// named exports of a static import (a dynamic import of the YAML library left stringify undefined there).
import { stringify } from 'yaml';
import { findVmSize } from '../catalog/catalog.ts';
import { poolsOf } from '../engine/lint-text.ts';
import { environmentRequests } from '../facts/environment-requests.ts';
import { NO_SOURCE_OPTIONS } from '../model/source-adapter.ts';
import { discoverFiles } from '../sources/discover.ts';
import { readSource } from '../documents/source-text.ts';
import { redact } from '../formatters/redact.ts';
import type { PoolDefinition } from '../model/pool-definition.ts';
import type { LiveOptions } from '../live/live-options.ts';
import { readLiveEnvironment } from '../live/read-environment.ts';

/**
 * What live mode reads for the pools under `patterns`, as a context file (YAML) for CI runs without
 * credentials; the parts that could not be read are listed in comments at the top. It holds ids, counts
 * and rules, never a key or token.
 */
export async function contextSnapshot(patterns: readonly string[], cwd: string, options: LiveOptions): Promise<string> {
  const pools: PoolDefinition[] = [];
  const readFile = (path: string) => readSource(resolve(cwd, path)).text;
  for (const filePath of await discoverFiles(patterns, cwd)) {
    let text: string;
    try {
      text = readFile(filePath);
    } catch {
      continue;
    }
    pools.push(...(await poolsOf({ filePath, text, sources: NO_SOURCE_OPTIONS, readFile: (path) => safely(() => readFile(path)) })));
  }
  const { environment, unavailable } = await readLiveEnvironment(environmentRequests(pools), options, findVmSize);
  const header = [
    `# batchlint context: read from Azure for ${pools.length} pool(s) on ${new Date().toISOString().slice(0, 10)}`,
    ...[...unavailable].map(([what, reason]) => `# not read: ${what.replace(/:$/, '')}: ${reason}`),
  ];
  // The not-read reasons quote Azure's and the credential's errors, which may echo a URL or token.
  return redact(`${header.join('\n')}\n${stringify(environment, { lineWidth: 0 })}`);
}

function safely(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
