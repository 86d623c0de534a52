// The GitHub Action's entry (action.yml runs the bundle of this file with node24, no install step).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import picomatch from 'picomatch';
import { ConfigError } from '../config/config.ts';
import { lint, type LintReport } from '../engine/lint.ts';
import { loadCatalog } from '../catalog/catalog.ts';
import { factsForRun, FactsSetupError } from '../setup/facts-for-run.ts';
import { ContextError } from '../facts/load-context.ts';
import { RunDateError } from '../facts/run-date.ts';
import type { FormatContext } from '../formatters/formatter.ts';
import { loadFormatter } from '../formatters/index.ts';
import { redact } from '../formatters/redact.ts';
import { SEARCHED_EXTENSIONS } from '../documents/parse-file.ts';
import { discoverFiles, NoFilesMatched } from '../sources/discover.ts';
import { allRules } from '../../rules/index.ts';
import { affectedFiles } from './affected-files.ts';
import { changedFiles } from './changed-files.ts';
import { InputError, readInputs, type ActionInputs } from './inputs.ts';
import packageJson from '../../package.json' with { type: 'json' };

async function run(env: NodeJS.ProcessEnv): Promise<number> {
  const inputs = readInputs();
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const patterns = inputs.onlyChanged ? await changedPoolFiles(inputs, env, cwd) : inputs.files;
  const facts = await factsForRun({ cwd, live: inputs.live, ...pick(inputs, 'account', 'config', 'context') });
  const report: LintReport =
    patterns.length === 0
      ? emptyReport()
      : await lint({
          rules: allRules,
          patterns,
          cwd,
          facts,
          ...(inputs.config && { configPath: inputs.config }),
          ...(patterns !== inputs.files && { patternsWereSearched: true }),
        });

  const context: FormatContext = { color: false, catalogDate: loadCatalog().dataDate, cwd, rules: allRules, version: packageJson.version };
  const format = async (name: string) => (await loadFormatter(name)!)(report, context);
  process.stdout.write(await format('github'));
  if (inputs.format !== 'github') process.stdout.write(await format(inputs.format));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(await format('markdown')).write();
  if (inputs.sarifFile) writeFileSync(resolve(cwd, inputs.sarifFile), await format('sarif'));
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);
  core.setOutput('sarif-file', inputs.sarifFile ?? '');
  return failed(report, inputs) ? 1 : 0;
}

/**
 * The pull request's changed files that the `files` input covers and batchlint reads, and the pool files whose
 * meaning a changed context, config, parameters or variables file changes; all of `files` outside a pull request.
 */
async function changedPoolFiles(inputs: ActionInputs, env: NodeJS.ProcessEnv, cwd: string): Promise<string[]> {
  const changed = changedFiles(env.GITHUB_EVENT_PATH, cwd, (message) => core.warning(redact(message)));
  if (!changed) return inputs.files;
  const covered = picomatch(
    inputs.files.map((pattern) => asGlob(pattern, cwd)),
    { dot: true },
  );
  const readable = new Set(SEARCHED_EXTENSIONS.map((extension) => `.${extension}`));
  const direct = changed.filter((file) => covered(file) && readable.has(file.slice(file.lastIndexOf('.')).toLowerCase()) && existsSync(`${cwd}/${file}`));
  const affected = affectedFiles(changed, await discoverFiles(inputs.files, cwd).catch(() => []));
  return [...new Set([...direct, ...affected])];
}

/** A folder input ("pools", ".") covers everything below it; a glob or file stays as it is. */
function asGlob(pattern: string, cwd: string): string {
  const path = pattern.replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (path === '') return '**';
  return existsSync(`${cwd}/${path}`) && statSync(`${cwd}/${path}`).isDirectory() ? `${path}/**` : path;
}

function pick<T extends object, K extends keyof T>(object: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]])) as Partial<Pick<T, K>>;
}

function failed(report: LintReport, inputs: ActionInputs): boolean {
  if (inputs.failOn === 'never') return false;
  return report.summary.errors > 0 || (inputs.failOn === 'warning' && report.summary.warnings > 0);
}

function emptyReport(): LintReport {
  return { environment: 'none', results: [], notChecked: [], notLinted: [], summary: { files: 0, pools: 0, errors: 0, warnings: 0, infos: 0, fixed: 0 } };
}

try {
  process.exitCode = await run(process.env);
} catch (error) {
  const expected =
    error instanceof InputError ||
    error instanceof ConfigError ||
    error instanceof ContextError ||
    error instanceof FactsSetupError ||
    error instanceof RunDateError ||
    (error instanceof Error && ['LiveModeError', 'LiveSignInError'].includes(error.name)) ||
    error instanceof NoFilesMatched;
  core.error(redact(expected ? error.message : `unexpected failure: ${(error as Error).message}`), { title: 'batchlint' });
  // Not core.setFailed: its exit code 1 means "findings"; 2 tells a broken run apart.
  process.exitCode = 2;
}
