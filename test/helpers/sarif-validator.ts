import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lint-fixture.ts';

export interface ValidatorResult {
  ruleId: string;
  level: string;
}

/** Runs Microsoft's SARIF validator (@microsoft/sarif-multitool) on a log; returns what it reports. */
export function validateSarif(log: string, ruleKind?: 'Gh'): ValidatorResult[] {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-sarif-'));
  const input = join(folder, 'input.sarif');
  const output = join(folder, 'validation.sarif');
  writeFileSync(input, log);
  const args = ['validate', input, '--output', output, ...(ruleKind ? ['--rule-kind', ruleKind] : [])];
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/sarif-multitool'), args, { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  if (run.status !== 0 && !readFileSafe(output)) throw new Error(`sarif-multitool failed: ${run.stdout}${run.stderr}`);
  const validation = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string }[] }[] };
  return (validation.runs[0]?.results ?? []).map((result) => ({ ruleId: result.ruleId, level: result.level ?? 'warning' }));
}

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
