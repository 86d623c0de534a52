import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from './config/config.ts';
import { CONFIG_FILE_NAMES } from './config/load-config.ts';
import { lint, type FileResult, type LintReport } from './engine/lint.ts';
import { RuleCrashed } from './engine/lint-text.ts';
import { ContextError } from './facts/load-context.ts';
import { AS_OF_VARIABLE, runDate, RunDateError } from './facts/run-date.ts';
import { accountForRun, DEFAULT_CACHE_TTL_SECONDS, factsForRun, liveConnection, FactsSetupError } from './setup/facts-for-run.ts';
import { FORMAT_NAMES } from './formatters/index.ts';
import { redact } from './formatters/redact.ts';
import { NoFilesMatched, STDIN_ARGUMENT } from './sources/discover.ts';
import { listRules } from './cli/list-rules.ts';
import { BaselineError } from './engine/baseline-error.ts';
import { FixNotWritten } from './engine/write-fixes.ts';
import { allRules } from '../rules/index.ts';
import { STARTER_FORMATS, starterConfig, starterConfigName, type StarterFormat } from './cli/starter-config.ts';
import { EXIT_OK, EXIT_RUN_FAILED, streamReport, writeReport } from './cli/write-report.ts';
import type { CheckOptions, EvalOptions } from './cli/autoscale-commands.ts';
import { parseFileSize } from './config/file-size.ts';
import { isLintWorker, lintWorkers, parseConcurrency, serveLintWorker, type Concurrency } from './cli/parallel-lint.ts';

interface LintCommandOptions {
  format: string;
  config?: string;
  fix?: boolean;
  maxWarnings?: number;
  color: boolean;
  debug?: boolean;
  stdinFilename: string;
  quiet?: boolean;
  outputFile?: string;
  baseline?: string;
  writeBaseline?: string;
  parameters: string[];
  varFile: string[];
  subscription?: string;
  resourceGroup?: string;
  location?: string;
  context?: string;
  live?: boolean;
  account?: string;
  armEndpoint?: string;
  cache?: string;
  cacheTtl?: number;
  asOf?: string;
  requireFacts?: boolean;
  skipNonPoolFiles?: boolean;
  maxFileSize?: number;
  concurrency: Concurrency;
}

/**
 * What lint worker threads run: the bundle's entry beside it (dist/cli.js), which turns on the compile cache
 * before it loads the bundle (a worker then starts in ~45 ms rather than ~80), and then this module serves them.
 */
const CLI_ENTRY = new URL('./cli.js', import.meta.url);

/** --debug of the command being run: a failure then shows what lies behind its message. */
let debugging = false;

function program(): Command {
  const cli = new Command('batchlint').description('Preflight linter for Azure Batch pool definitions').version(readVersion(), '-v, --version').showHelpAfterError().exitOverride();

  cli
    .command('lint')
    .description('lint pool definitions in files, folders or globs ("-" reads stdin)')
    .argument('[paths...]', 'files, folders or globs', ['.'])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-c, --config <file>', 'use this config instead of the nearest batchlint.config.*')
    .option('--fix', 'apply the fixes that are safe, keeping the rest of the file as written')
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--no-color', 'never colour the output')
    .option('--stdin-filename <name>', 'the name to report stdin under', '<stdin>')
    .option('--quiet', 'report errors only')
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--baseline <file>', 'report only findings that are not in this baseline')
    .option('--write-baseline <file>', "record today's findings as the baseline and exit 0")
    .option('--parameters <file>', 'ARM / Batch template parameters file (repeatable)', collect, [])
    .option('--var-file <file>', 'Terraform variables file (repeatable)', collect, [])
    .option('--subscription <id>', "subscription id for templates' subscription()")
    .option('--resource-group <name>', "resource group for templates' resourceGroup()")
    .option('--location <region>', 'region the pools are deployed to')
    .option('--context <file>', 'Azure environment facts (quota, subnets, locks…) instead of the nearest batchlint.context.*')
    .option('--live', 'read the Azure environment (quota, subnets, locks, NSG…) with your Azure login')
    .option('--account <id>', 'resource id of the Batch account, for --live (else the config or context file says)')
    .option('--arm-endpoint <url>', 'Resource Manager endpoint of another Azure cloud, for --live (default https://management.azure.com)')
    .option('--cache <dir>', 'keep what --live reads in this folder and reuse it while fresh, so a second run asks Azure nothing')
    .option('--cache-ttl <seconds>', `how long a kept answer is fresh (default ${DEFAULT_CACHE_TTL_SECONDS})`, parseCount)
    .option('--as-of <date>', `judge retirements of sizes, images and node agents as of this date (YYYY-MM-DD), e.g. the day you deploy; default ${AS_OF_VARIABLE}, else today`)
    .option('--require-facts', 'exit 1 when a check could not run for want of a fact or value')
    .option('--debug', 'say which files were skipped and why')
    .option('--max-file-size <size>', "do not read files larger than this, in bytes or with a unit (20MB, 512KB); default the config's maxFileSize, else 10MB", parseSize)
    .option('--concurrency <threads>', 'threads to lint files on: a number, off, or auto (the CPUs, for a run of many files)', parseConcurrency, 'off')
    .option('--skip-non-pool-files', 'take the paths as a folder search would (for hooks given every changed file): skip files that do not parse and show no sign of a pool')
    .action(async (paths: string[], options: LintCommandOptions) => {
      process.exitCode = await runLint(paths, options);
    });

  cli
    .command('rules')
    .description('list every rule with its default severity and documentation')
    .action(() => {
      process.stdout.write(listRules());
    });

  cli
    .command('context')
    .description('the Azure environment facts batchlint reads')
    .command('snapshot')
    .description('read what --live would read for the pools in paths and print it as a context file')
    .argument('[paths...]', 'files, folders or globs whose pools to read facts for', ['.'])
    .option('--account <id>', 'resource id of the Batch account (else the config or context file says)')
    .option('--arm-endpoint <url>', 'Resource Manager endpoint of another Azure cloud (default https://management.azure.com)')
    .option('--cache <dir>', 'keep what is read in this folder and reuse it while fresh')
    .option('--cache-ttl <seconds>', `how long a kept answer is fresh (default ${DEFAULT_CACHE_TTL_SECONDS})`, parseCount)
    .option('-c, --config <file>', 'use this config instead of the nearest batchlint.config.*')
    .option('--debug', 'say what lies behind a failure to sign in')
    .action(async (paths: string[], options: { account?: string; armEndpoint?: string; cache?: string; cacheTtl?: number; config?: string }) => {
      const cwd = process.cwd();
      const accountId = await accountForRun({ ...options, cwd });
      const { contextSnapshot } = await import('./cli/context-snapshot.ts');
      process.stdout.write(await contextSnapshot(paths, cwd, { accountId, ...liveConnection({ ...options, cwd }) }));
    });

  const autoscale = cli.command('autoscale').description('check or evaluate an autoscale formula kept in a file of its own');
  autoscale
    .command('check')
    .description('check files that each hold one bare autoscale formula ("-" reads stdin) with the rules lint applies to a pool\'s formula')
    .argument('<paths...>', 'formula files')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-c, --config <file>', 'use this config instead of the nearest batchlint.config.*')
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--no-color', 'never colour the output')
    .option('--stdin-filename <name>', 'the name to report stdin under', '<stdin>')
    .option('--quiet', 'report errors only')
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .action(async (paths: string[], options: CheckOptions) => {
      const { autoscaleCheck } = await import('./cli/autoscale-commands.ts');
      process.exitCode = await autoscaleCheck(paths, options, allRules, readVersion());
    });
  autoscale
    .command('eval')
    .description('evaluate a formula once on samples you give, as the service\'s "evaluate autoscale" does, and print every variable\'s final value')
    .argument('<file>', 'the formula file ("-" reads stdin)')
    .option('--var <$Name=value>', '$Name=number, or $Name=[samples] oldest first, 30 s apart, null for a missing one (repeatable)', collect, [])
    .option('--now <date>', 'what time() returns, as ISO 8601 (default: now)')
    .action(async (file: string, options: EvalOptions) => {
      const { autoscaleEval } = await import('./cli/autoscale-commands.ts');
      process.exitCode = autoscaleEval(file, options);
    });

  cli
    .command('init')
    .description('write a starter config in the current folder; it changes no finding until you edit it')
    .addOption(new Option('--format <format>', 'json, or yaml with every option as a commented example').choices(STARTER_FORMATS).default('json'))
    .action((options: { format: StarterFormat }) => {
      const path = starterConfigName(options.format);
      const existing = CONFIG_FILE_NAMES.find((name) => existsSync(name));
      if (existing) throw new UserError(`${existing} already exists; not writing another config beside it`);
      writeFileSync(path, starterConfig(options.format, readVersion()));
      const hint = options.format === 'json' ? '; batchlint init --format yaml writes one with every option as a commented example' : '';
      process.stdout.write(`wrote ${path}: every rule at its default until you change it${hint}\n`);
    });
  return cli;
}

async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const factsRequest = { cwd, ...pick(options, ['live', 'account', 'armEndpoint', 'cache', 'cacheTtl', 'asOf', 'config', 'context']) };
  const facts = await factsForRun(factsRequest);
  const stdin = paths.includes(STDIN_ARGUMENT) ? { text: readFileSync(0, 'utf8'), filePath: options.stdinFilename } : undefined;
  const baselines = options.baseline || options.writeBaseline ? await import('./engine/baseline.ts') : undefined;
  const accepted = options.baseline ? baselines!.readBaseline(options.baseline) : undefined;
  const output = { ...options, rules: allRules, version: readVersion() };
  // The report is written file by file as the run goes, unless the format needs it whole or a baseline is being recorded.
  const streamed = options.writeBaseline ? undefined : await streamReport(output, accepted && ((result) => baselines!.resultWithoutBaselined(result, accepted)));
  const sources = {
    parameterFiles: options.parameters,
    varFiles: options.varFile,
    deployment: {
      ...(options.subscription !== undefined && { subscriptionId: options.subscription }),
      ...(options.resourceGroup !== undefined && { resourceGroup: options.resourceGroup }),
      ...(options.location !== undefined && { location: options.location }),
    },
  };
  const workers = lintWorkers(options.concurrency, CLI_ENTRY, {
    // The date too, so that a run across midnight judges retirements by one date on every thread.
    batchlintLintWorker: { cwd, facts: { ...factsRequest, asOf: factsRequest.asOf ?? runDate() }, sources, ...(options.config !== undefined && { configPath: options.config }) },
  });
  // A note on stderr goes after the part of the report written before it, as it would on a terminal.
  const note = (text: string) => {
    streamed?.flush();
    process.stderr.write(text);
  };
  const report = await lint({
    rules: allRules,
    patterns: paths,
    cwd,
    facts,
    fix: options.fix ?? false,
    sources,
    ...(workers && { workers }),
    ...(options.config !== undefined && { configPath: options.config }),
    ...(options.skipNonPoolFiles && { patternsWereSearched: true }),
    ...(options.maxFileSize !== undefined && { maxFileSize: options.maxFileSize }),
    ...(stdin && { stdin }),
    ...(options.debug && { debug: (message: string) => note(`batchlint: ${redact(message)}\n`) }),
    ...(streamed && {
      stream: {
        start: (environment) => streamed.stream.start(environment),
        result(result, settled) {
          sayWhyNotFixed(result, note);
          return streamed.stream.result(result, settled);
        },
      },
    }),
  }).catch((error: unknown) => {
    // The files linted before the failure keep their part of the report.
    streamed?.flush();
    throw error;
  });
  const failAnyway = options.requireFacts === true && report.notChecked.length > 0;
  if (streamed) return streamed.finish(report, failAnyway);
  for (const result of report.results) sayWhyNotFixed(result, note);
  if (options.writeBaseline) {
    baselines!.writeBaseline(options.writeBaseline, report);
    process.stdout.write(`batchlint: recorded ${countFindings(report)} finding(s) in ${options.writeBaseline}\n`);
    return EXIT_OK;
  }
  const shown = accepted ? baselines!.withoutBaselined(report, accepted) : report;
  return writeReport(shown, output, failAnyway);
}

function sayWhyNotFixed({ filePath, fixRefused }: FileResult, note: (text: string) => void): void {
  if (fixRefused) note(`batchlint: --fix left ${filePath} unchanged: ${redact(fixRefused)}\n`);
}

function countFindings(report: LintReport): number {
  return report.results.reduce((total, result) => total + result.findings.length, 0);
}

/** The options named, without those not given: what a worker thread is sent must be cloneable and no more. */
function pick<T extends object, K extends keyof T>(options: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]])) as Pick<T, K>;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return count;
}

function parseSize(value: string): number {
  const bytes = parseFileSize(value);
  if (bytes === undefined) throw new InvalidArgumentError('expected a size such as 20MB, 512KB or a number of bytes');
  return bytes;
}

function readVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** A mistake in how batchlint was called; printed without a stack trace. */
class UserError extends Error {}

async function main(argv: string[]): Promise<void> {
  stopWritingWhenTheReaderLeaves();
  try {
    await program()
      .hook('preAction', (_, command) => {
        debugging = command.opts().debug === true;
      })
      .parseAsync(argv);
  } catch (error) {
    process.exitCode = handleFailure(error);
  }
}

function handleFailure(error: unknown): number {
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    // commander has printed help, the version or the usage error already.
    return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help' ? EXIT_OK : EXIT_RUN_FAILED;
  }
  if (isNamed(error, 'LiveSignInError')) {
    process.stderr.write(`batchlint: ${redact(error.message)}\n`);
    if (debugging) process.stderr.write(`batchlint: what the Azure credentials said:\n${redact((error as Error & { details: string }).details)}\n`);
  } else if (
    error instanceof ConfigError ||
    error instanceof ContextError ||
    error instanceof FactsSetupError ||
    isNamed(error, 'LiveModeError') ||
    isNamed(error, 'EvalInputError') ||
    error instanceof NoFilesMatched ||
    error instanceof UserError ||
    error instanceof BaselineError ||
    error instanceof FixNotWritten ||
    error instanceof RunDateError
  ) {
    process.stderr.write(`batchlint: ${redact(error.message)}\n`);
  } else if (error instanceof RuleCrashed) {
    process.stderr.write(`batchlint: ${redact(error.message)}\nThis is a bug in batchlint; please report it with the file that triggers it.\n`);
    if (process.env.BATCHLINT_DEBUG) process.stderr.write(`${redact((error.cause as Error)?.stack ?? '')}\n`);
  } else {
    process.stderr.write(`batchlint: unexpected failure: ${redact(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.BATCHLINT_DEBUG && error instanceof Error) process.stderr.write(`${redact(error.stack ?? '')}\n`);
  }
  return EXIT_RUN_FAILED;
}

/** Errors of live mode are told apart by name: their classes live in modules loaded only in live mode. */
function isNamed(error: unknown, name: string): error is Error {
  return error instanceof Error && error.name === name;
}

/**
 * `batchlint lint . | head`: when the reader closes the pipe, stop writing, without a stack trace. The report
 * is written as the run goes, so the run still ends, for its exit code to say whether it found errors.
 */
function stopWritingWhenTheReaderLeaves(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

// The CLI's module is also what its lint worker threads run (see cli/parallel-lint.ts); a tool may run the CLI
// itself on a worker thread of its own, so it is the worker's argument that tells, not the thread.
if (isLintWorker()) await serveLintWorker();
else await main(process.argv);
