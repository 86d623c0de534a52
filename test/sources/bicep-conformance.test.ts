import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BicepDocument } from '../../src/documents/bicep/bicep-document.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { bicepAdapter } from '../../src/sources/bicep/bicep-adapter.ts';
import { sourceContext } from '../helpers/source-context.ts';

/**
 * The part of `npm run bicep-conformance` kept in the tests: each rule's `main.bicep` read natively gives the
 * pool that the ARM reader finds in `main.json`, the template the Bicep compiler made of it, value for value.
 */
const RULES = 'fixtures/rules';
const PAIRS = readdirSync(RULES).filter((id) => existsSync(join(RULES, id, 'formats/main.bicep')));
const DEPLOYMENT = { subscriptionId: '5f0c8d2e-7a41-4b9e-9c36-2d8e1f4a6b70' };

/** The pool with unknown values as their reasons' absence: both readers must leave the same values unknown. */
function plain(value: unknown): unknown {
  if (isUnknown(value)) return 'unknown';
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
}

describe('Bicep read natively against the template the compiler made of it', () => {
  it('has a pair for every pool rule', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(29);
  });

  it.each(PAIRS)('%s: main.bicep gives the pool main.json gives', (id) => {
    const folder = join(RULES, id, 'formats');
    const context = sourceContext({ deployment: DEPLOYMENT });
    const bicepPath = join(folder, 'main.bicep');
    const jsonPath = join(folder, 'main.json');
    const ours = bicepAdapter.extract(BicepDocument.parse(bicepPath, readFileSync(bicepPath, 'utf8')), context)!;
    const theirs = armTemplateAdapter.extract(JsonDocument.parse(jsonPath, readFileSync(jsonPath, 'utf8'), 'json'), context)!;
    expect(ours.map((pool) => plain(pool.spec))).toEqual(theirs.map((pool) => plain(pool.spec)));
    expect(ours.map((pool) => pool.apiVersion)).toEqual(theirs.map((pool) => pool.apiVersion));
  });
});
