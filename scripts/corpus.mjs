// npm run corpus -- <folder> [--expected <expected-pools.json>]…
// Lints every file the CLI would find in a folder, one file at a time through the engine the CLI uses
// (the TypeScript sources, run by Node's type stripping), with the default rules and no Azure facts, and
// prints per source format: files, pools found, parse failures, crashes (an adapter or a rule that
// throws is caught and counted for its file; the run goes on) and findings by rule. With --expected,
// a JSON object of file path (relative to the folder) to pool count, it also lists pools missed and extra
// (several --expected files are merged: the corpus keeps its Bicep counts in expected-pools-bicep.json).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { lint } = await import('../src/engine/lint.ts');
const { allRules } = await import('../rules/index.ts');
const { poolsOf } = await import('../src/engine/lint-text.ts');
const { createFacts } = await import('../src/facts/catalog-facts.ts');
const { discoverFiles } = await import('../src/sources/discover.ts');
const { NO_SOURCE_OPTIONS } = await import('../src/model/source-adapter.ts');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { expected: { type: 'string', multiple: true } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: npm run corpus -- <folder> [--expected <expected-pools.json>]…\n');
  process.exit(2);
}
const folder = resolve(positionals[0]);
const expected = values.expected ? Object.assign({}, ...values.expected.map((file) => JSON.parse(readFileSync(file, 'utf8')))) : undefined;

const NOT_A_POOL = 'not a pool';
const FORMAT_ORDER = ['batch-json', 'batch-yaml', 'arm', 'bicep', 'terraform', 'terraform-plan'];
const facts = createFacts();
const readFile = (path) => {
  try {
    return readFileSync(resolve(folder, path), 'utf8');
  } catch {
    return undefined;
  }
};

/** Every file under the folder, as paths relative to it. */
function allFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? allFiles(path) : [relative(folder, path)];
  });
}

/** One file: its pools (by format), parse failure, crashes and findings. */
async function lintOne(file) {
  /** @type {{ file: string, formats: string[], parseFailure: string | undefined, crashes: string[], findings: { ruleId: string, filePath: string, message: string }[] }} */
  const outcome = { file, formats: [], parseFailure: undefined, crashes: [], findings: [] };
  const text = readFileSync(join(folder, file), 'utf8');
  try {
    outcome.formats = (await poolsOf({ filePath: file, text, sources: NO_SOURCE_OPTIONS, readFile })).map((pool) => pool.format);
  } catch (error) {
    outcome.crashes.push(`an adapter: ${error instanceof Error ? error.message : String(error)}`);
    return outcome; // linting would only meet the same error again
  }
  try {
    const report = await lint({ rules: allRules, patterns: [file], cwd: folder, facts });
    outcome.findings = report.results.flatMap((result) => result.findings);
    outcome.parseFailure = outcome.findings.find((finding) => finding.ruleId === 'parse-error' && finding.filePath === file)?.message;
  } catch (error) {
    const rule = error?.ruleId ? `rule ${error.ruleId}` : 'the engine';
    outcome.crashes.push(`${rule}: ${error?.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error)}`);
  }
  return outcome;
}

const searched = new Set(await discoverFiles([folder], folder));
const files = allFiles(folder).sort();
const notSearched = files.filter((file) => !searched.has(file) && !searched.has(join(folder, file)));
const outcomes = [];
for (const file of files.filter((file) => !notSearched.includes(file))) outcomes.push(await lintOne(file));

const rows = new Map([...FORMAT_ORDER, NOT_A_POOL].map((format) => [format, { files: 0, pools: 0, parseFailures: 0, crashes: 0, findings: new Map() }]));
const rowOf = (format) => rows.get(format) ?? rows.set(format, { files: 0, pools: 0, parseFailures: 0, crashes: 0, findings: new Map() }).get(format);
for (const outcome of outcomes) {
  const row = rowOf(outcome.formats[0] ?? NOT_A_POOL);
  row.files++;
  row.pools += outcome.formats.length;
  if (outcome.parseFailure) row.parseFailures++;
  if (outcome.crashes.length > 0) row.crashes++;
  for (const finding of outcome.findings) row.findings.set(finding.ruleId, (row.findings.get(finding.ruleId) ?? 0) + 1);
}

const lines = [];
const byExtension = countBy(notSearched.map((file) => extname(file) || '(none)'));
lines.push(
  `${files.length} file(s) under ${positionals[0]}: ${outcomes.length} linted, ${notSearched.length} not searched by the CLI (${[...byExtension].map(([extension, count]) => `${extension} ${count}`).join(', ') || 'none'})`,
  '',
);
lines.push(`${'format'.padEnd(16)}${'files'.padStart(6)}${'pools'.padStart(7)}${'parse failures'.padStart(16)}${'crashes'.padStart(9)}  findings by rule`);
for (const [format, row] of rows) {
  const findings = [...row.findings]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  lines.push(
    `${format.padEnd(16)}${String(row.files).padStart(6)}${String(row.pools).padStart(7)}${String(row.parseFailures).padStart(16)}${String(row.crashes).padStart(9)}  ${findings || '-'}`,
  );
}
const failures = outcomes.filter((outcome) => outcome.parseFailure || outcome.crashes.length > 0);
if (failures.length > 0) {
  lines.push('', 'parse failures and crashes:');
  for (const outcome of failures) {
    for (const crash of outcome.crashes) lines.push(`  ${outcome.file}: crash in ${crash}`);
    if (outcome.parseFailure) lines.push(`  ${outcome.file}: ${outcome.parseFailure}`);
  }
}
if (expected) lines.push('', ...expectedPoolLines(expected));
process.stdout.write(lines.join('\n') + '\n');

/** Pools missed and extra per file, against the expected counts; a file not listed is expected to hold none. */
function expectedPoolLines(expectedCounts) {
  const found = new Map(outcomes.map((outcome) => [outcome.file, outcome.formats.length]));
  const differences = [...new Set([...Object.keys(expectedCounts), ...found.keys()])]
    .sort()
    .map((file) => ({ file, want: expectedCounts[file] ?? 0, got: found.get(file) ?? 0 }))
    .filter(({ want, got }) => want !== got);
  const missed = differences.reduce((total, { want, got }) => total + Math.max(0, want - got), 0);
  const extra = differences.reduce((total, { want, got }) => total + Math.max(0, got - want), 0);
  const total = Object.values(expectedCounts).reduce((sum, count) => sum + count, 0);
  const result = [`pools against ${values.expected.join(' + ')}: expected ${total}, found ${total - missed + extra}, missed ${missed}, extra ${extra}`];
  for (const { file, want, got } of differences) {
    const why = found.has(file) ? '' : notSearched.includes(file) ? ', not searched' : ', not in the folder';
    result.push(`  ${got < want ? 'missed' : 'extra '} ${Math.abs(want - got)}  ${file} (expected ${want}, found ${got}${why})`);
  }
  return result;
}

function countBy(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
