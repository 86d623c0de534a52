// npm run bicep-conformance -- <folder>… [--verbose]
// The Bicep reader against the Bicep compiler: for every main.bicep with the template the compiler made of it
// beside it (main.json, or azuredeploy.json in the quickstarts), each resource the Bicep file declares at its
// top level is evaluated by batchlint's Bicep reader and, in the compiled template, by its ARM reader, with
// the same deployment target and the parameters' default values. Their static views must be equal wherever
// both are known. Prints the resources compared, equal, differing, and not evaluable (some part unknown to
// either reader, nothing differing), and with --verbose each difference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { BicepDocument } = await import('../src/documents/bicep/bicep-document.ts');
const { BicepScope } = await import('../src/sources/bicep/bicep-scope.ts');
const { JsonDocument } = await import('../src/documents/json-document.ts');
const { TemplateScope } = await import('../src/sources/arm/template-scope.ts');
const { isUnknown } = await import('../src/model/unknown.ts');
const { bicepAdapter } = await import('../src/sources/bicep/bicep-adapter.ts');
const { armTemplateAdapter } = await import('../src/sources/arm/template-adapter.ts');
const { NO_SOURCE_OPTIONS } = await import('../src/model/source-adapter.ts');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { verbose: { type: 'boolean' } } });
if (positionals.length === 0) {
  process.stderr.write('usage: npm run bicep-conformance -- <folder>… [--verbose]\n');
  process.exit(2);
}

const DEPLOYMENT = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroup: 'conformance-rg', location: 'westeurope' };
/** The parts of a resource both readers see the same way; the rest is the compiler's (dependsOn, copy, condition) or the reader's (parent). */
const COMPARED = ['name', 'location', 'tags', 'sku', 'kind', 'identity', 'zones', 'properties'];
const PAIRED_TEMPLATES = ['main.json', 'azuredeploy.json'];

const totals = { files: 0, parseErrors: 0, resources: 0, equal: 0, differing: 0, notEvaluable: 0, loops: 0, unpaired: 0, values: 0, unknownValues: 0, pools: 0, poolsEqual: 0 };
const differences = [];

for (const folder of positionals) for (const file of bicepFiles(resolve(folder))) compareFile(file, folder);

const lines = [
  `${totals.files} Bicep file(s) with a compiled template beside them; ${totals.parseErrors} did not parse`,
  `resources compared ${totals.resources}: equal ${totals.equal}, differing ${totals.differing}, not evaluable ${totals.notEvaluable}`,
  `values compared ${totals.values}: ${totals.values - totals.unknownValues} known to both readers, ${totals.unknownValues} unknown to one or both`,
  `not compared: ${totals.loops} in a loop, ${totals.unpaired} with no counterpart found in the template`,
  `Batch pools: ${totals.pools} found in the Bicep by the Bicep adapter, ${totals.poolsEqual} equal to the pool the ARM adapter finds in the compiled template`,
];
if (values.verbose) lines.push('', ...differences);
process.stdout.write(lines.join('\n') + '\n');
process.exitCode = totals.differing > 0 || totals.parseErrors > 0 ? 1 : 0;

function bicepFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return bicepFiles(path);
    return entry.name === 'main.bicep' && PAIRED_TEMPLATES.some((name) => existsSync(join(directory, name))) ? [path] : [];
  });
}

function compareFile(file, folder) {
  totals.files++;
  const shown = relative(folder, file);
  let bicep;
  try {
    bicep = BicepDocument.parse(file, readFileSync(file, 'utf8'));
  } catch (error) {
    totals.parseErrors++;
    differences.push(`${shown}: does not parse: ${error.message}`);
    return;
  }
  const templatePath = PAIRED_TEMPLATES.map((name) => join(file, '..', name)).find(existsSync);
  const template = JsonDocument.parse(templatePath, readFileSync(templatePath, 'utf8'), 'jsonc').value;
  const armScope = new TemplateScope(template, { document: JsonDocument.parse(templatePath, readFileSync(templatePath, 'utf8'), 'jsonc'), path: [], deployment: DEPLOYMENT });
  const bicepScope = new BicepScope(bicep, { deployment: DEPLOYMENT });
  comparePools(bicep, JsonDocument.parse(templatePath, readFileSync(templatePath, 'utf8'), 'jsonc'), shown);
  const seenOfType = new Map();
  for (const statement of bicep.value.statements) {
    if (statement.kind !== 'resource' || statement.existing) continue;
    const type = String(bicepScope.evaluate(statement.type)).split('@')[0].toLowerCase();
    const nth = seenOfType.get(type) ?? 0;
    seenOfType.set(type, nth + 1);
    if (statement.value.kind === 'for') {
      totals.loops++;
      continue;
    }
    const counterpart = compiledResource(template, statement.name, type, nth);
    if (!counterpart) {
      totals.unpaired++;
      continue;
    }
    const ours = bicepScope.evaluate(statement.value);
    const theirs = armScope.resolve(counterpart.resource, counterpart.path);
    const tally = newTally();
    const hasParent = ours && typeof ours === 'object' && 'parent' in ours;
    for (const key of COMPARED) {
      if (!ours || typeof ours !== 'object' || !(key in ours)) continue;
      if (key === 'name' && hasParent) compareValues(ours.name, lastSegment(theirs.name), key, tally);
      else compareValues(ours[key], theirs[key], key, tally);
    }
    totals.resources++;
    if (tally.differing.length > 0) {
      totals.differing++;
      differences.push(`${shown} resource ${statement.name}:`, ...tally.differing.map((line) => `  ${line}`));
    } else if (tally.unknown > 0) totals.notEvaluable++;
    else totals.equal++;
  }
}

/** The pools each adapter finds, in order, compared as the canonical pools the rules read. */
function comparePools(bicep, template, shown) {
  const context = { ...NO_SOURCE_OPTIONS, parameterFiles: [], deployment: DEPLOYMENT, readFile: () => undefined, problem: () => {} };
  const ours = bicepAdapter.extract(bicep, context) ?? [];
  const theirs = armTemplateAdapter.extract(template, context) ?? [];
  const counted = { values: totals.values, unknownValues: totals.unknownValues };
  ours.forEach((pool, index) => {
    totals.pools++;
    const tally = newTally();
    if (theirs[index]) compareValues(pool.spec, theirs[index].spec, 'pool', tally);
    else tally.differing.push('no pool in the compiled template');
    if (tally.differing.length === 0) totals.poolsEqual++;
    else differences.push(`${shown} pool ${pool.id ?? index}:`, ...tally.differing.map((line) => `  ${line}`));
  });
  // The figures above count the resources' values only.
  Object.assign(totals, counted);
}

/** The compiled resource: by symbolic name in languageVersion 2.0, else the nth resource of the type. */
function compiledResource(template, name, type, nth) {
  const resources = template.resources;
  if (!Array.isArray(resources)) return resources?.[name] ? { resource: resources[name], path: ['resources', name] } : undefined;
  const ofType = resources.map((resource, index) => ({ resource, path: ['resources', index] })).filter(({ resource }) => String(resource.type).toLowerCase() === type);
  return ofType[nth];
}

/** What one comparison found: the differences, and how many values one reader or both could not know. */
function newTally() {
  /** @type {{ differing: string[], unknown: number }} */
  const tally = { differing: [], unknown: 0 };
  return tally;
}

function lastSegment(name) {
  return typeof name === 'string' ? name.split('/').pop() : name;
}

function compareValues(ours, theirs, path, tally) {
  const isLeaf = !(Array.isArray(ours) && Array.isArray(theirs)) && !(isObject(ours) && isObject(theirs));
  if (isLeaf) totals.values++;
  if (isUnknown(ours) || isUnknown(theirs)) {
    if (!isLeaf) totals.values++;
    totals.unknownValues++;
    tally.unknown++;
    return;
  }
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length) return void tally.differing.push(`${path}: ${ours.length} items, compiled ${theirs.length}`);
    ours.forEach((item, index) => compareValues(item, theirs[index], `${path}[${index}]`, tally));
    return;
  }
  if (isObject(ours) && isObject(theirs)) {
    // The ARM reader does not evaluate a property name that is an expression: what it names is unknown to it.
    if (Object.keys(theirs).some((key) => key.startsWith('['))) {
      totals.values++;
      totals.unknownValues++;
      return void tally.unknown++;
    }
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) compareValues(ours[key] ?? null, theirs[key] ?? null, `${path}.${key}`, tally);
    return;
  }
  // Resource ids name types and providers whatever their case.
  if (isResourceId(ours) && isResourceId(theirs) && ours.toLowerCase() === theirs.toLowerCase()) return;
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) tally.differing.push(`${path}: ${JSON.stringify(ours)}, compiled ${JSON.stringify(theirs)}`);
}

function isResourceId(value) {
  return typeof value === 'string' && value.toLowerCase().startsWith('/subscriptions/');
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}
