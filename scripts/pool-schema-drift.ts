// npm run schemas:drift -- <azure-rest-api-specs checkout>
// Lists the request properties of the newest stable Batch REST specs (data plane: Pool - Add body; management:
// the pool resource's properties) that schemas/pool.schema.json does not describe, so a new API version's
// additions are found and added to the schema by hand, with the facts that go with them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { armPathName, missingFromSchema, schemaPaths, specPaths, type SchemaNode } from '../src/schema/spec-drift.ts';

const [specs] = process.argv.slice(2);
if (!specs) {
  process.stderr.write('usage: npm run schemas:drift -- <azure-rest-api-specs checkout>\n');
  process.exit(2);
}
// A JSON Schema or a Swagger document, with its named definitions.
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SchemaNode;
const newest = (folder: string): string => readdirSync(folder).sort().at(-1)!;

const schema = schemaPaths(readJson('schemas/pool.schema.json'));

const dataPlane = join(specs, 'specification/batch/data-plane/Azure.Batch/stable');
const dataVersion = newest(dataPlane);
const service = readJson(join(dataPlane, dataVersion, 'BatchService.json'));
const poolBody = ['BatchPoolCreateOptions', 'BatchPoolCreateContent', 'PoolAddParameter'].find((name) => service.definitions?.[name]);
if (!poolBody) throw new Error(`no pool definition in data-plane ${dataVersion}`);
report(`data plane ${dataVersion} (${poolBody})`, missingFromSchema(specPaths(service, poolBody), schema));

const management = join(specs, 'specification/batch/resource-manager/Microsoft.Batch/stable');
const managementVersion = newest(management);
const arm = readJson(join(management, managementVersion, 'BatchManagement.json'));
report(`management ${managementVersion} (Pool)`, missingFromSchema(specPaths(arm, 'PoolProperties', 'properties'), new Set([...schema].map(armPathName))));

function report(title: string, missing: string[]): void {
  process.stdout.write(`${title}: ${missing.length === 0 ? 'the schema describes every property' : `${missing.length} properties the schema lacks`}\n`);
  for (const path of missing) process.stdout.write(`  ${path}\n`);
}
