import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { YamlDocument } from '../../src/documents/yaml-document.ts';
import { HclDocument } from '../../src/documents/hcl/hcl-document.ts';
import { SyntaxProblem } from '../../src/model/syntax-problem.ts';
import { ExpressionSyntaxError, parseExpression } from '../../src/sources/arm/expression-syntax.ts';
import { resolveValue } from '../../src/sources/arm/resolve-value.ts';
import { UnknownValue } from '../../src/model/unknown.ts';
import { analyzeFormula } from '../../src/autoscale/index.ts';
import { parseFormula } from '../../src/autoscale/parser.ts';
import { evaluateFormula } from '../../src/autoscale/evaluate.ts';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';
import { isInside, lintOf } from './hostile-lint.ts';

/**
 * Property tests of every reader and of the whole lint of a file: whatever the text — random characters,
 * a real file cut short, token soup — the result is findings placed inside the file or a clean pass, never
 * an exception. Runs are bounded (fixed seed, a few hundred cases) so that the file takes seconds in CI.
 */
const SEED = 15;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

const FILE_NAMES = ['pool.json', 'pool.jsonc', 'pool.yaml', 'main.tf', 'azuredeploy.json'];

function poolFilesUnder(folder: string): string[] {
  return readdirSync(resolve(PROJECT_ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(resolve(PROJECT_ROOT, path)).isDirectory()) return poolFilesUnder(path);
    return /\.(json|jsonc|ya?ml|tf)$/.test(name) && !name.startsWith('batchlint.') ? [path] : [];
  });
}

const FIXTURES = poolFilesUnder('fixtures').map((path) => ({ path, text: readFileSync(resolve(PROJECT_ROOT, path), 'utf8') }));

/** Text of every kind: any UTF-16 code units (lone surrogates too), or characters JSON, YAML and HCL give meaning to. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'{}[]():,"\'\\/*#&!|>-=$.\n\r\t <>?%@`~'.split('')), maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
);

async function expectFindingsOrCleanPass(filePath: string, text: string): Promise<void> {
  const result = await lintOf(filePath, text);
  for (const finding of result.findings) {
    expect(isInside(finding, text), `${finding.ruleId} at ${finding.line}:${finding.column}`).toBe(true);
    expect(finding.message).not.toMatch(/\n\s+at /);
  }
}

describe('the lint of a file', () => {
  it('gives findings inside the file or a clean pass for any text, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILE_NAMES), anyText, async (filePath, text) => expectFindingsOrCleanPass(filePath, text)),
      runs(500),
    );
  });

  it('gives findings inside the file or a clean pass for every fixture cut short anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.double({ min: 0, max: 1, noNaN: true }), async (fixture, fraction) => {
        const name = fixture.path.split('/').pop()!;
        await expectFindingsOrCleanPass(name, fixture.text.slice(0, Math.floor(fixture.text.length * fraction)));
      }),
      runs(300),
    );
  });

  it('reads fixtures with CRLF line ends, a byte order mark, or both, and places findings inside them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.boolean(), fc.boolean(), async (fixture, crlf, bom) => {
        const name = fixture.path.split('/').pop()!;
        const text = `${bom ? '\uFEFF' : ''}${crlf ? fixture.text.replace(/\r?\n/g, '\r\n') : fixture.text}`;
        await expectFindingsOrCleanPass(name, text);
      }),
      runs(60),
    );
  });
});

/** A reader either gives a document or throws a SyntaxProblem placed inside the text. */
function expectDocumentOrSyntaxProblem(parse: () => unknown, text: string): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxProblem);
    const { offset } = error as SyntaxProblem;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(text.length);
  }
}

describe('each reader', () => {
  it('JSON and JSONC: a document or a placed syntax problem', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('json' as const, 'jsonc' as const), (text, format) =>
        expectDocumentOrSyntaxProblem(() => JsonDocument.parse(`x.${format}`, text, format), text),
      ),
      runs(400),
    );
  });

  it('YAML: a document or a placed syntax problem', () => {
    const yamlish = fc.string({ unit: fc.constantFrom(...'ab: -&*![]{}|>\'"#\n\t?,%@'.split('')), maxLength: 200 });
    fc.assert(
      fc.property(fc.oneof(anyText, yamlish), (text) => expectDocumentOrSyntaxProblem(() => YamlDocument.parse('x.yaml', text), text)),
      runs(400),
    );
  });

  it('HCL: a document or a placed syntax problem', () => {
    const hclish = fc.array(
      fc.constantFrom(
        'resource',
        '"a"',
        '{',
        '}',
        '[',
        ']',
        '(',
        ')',
        '=',
        'x',
        '.',
        '1',
        '+',
        '?',
        ':',
        '"${',
        '}"',
        '<<EOT\n',
        'EOT\n',
        '\n',
        ',',
        'for',
        'in',
        '#',
        '/*',
        '*/',
        '!',
        '-',
      ),
      {
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          hclish.map((tokens) => tokens.join(' ')),
        ),
        (text) => expectDocumentOrSyntaxProblem(() => HclDocument.parse('x.tf', text), text),
      ),
      runs(400),
    );
  });

  it('ARM expressions: parse or throw an ExpressionSyntaxError; evaluating what parses never throws', () => {
    const armish = fc.array(
      fc.constantFrom('concat(', 'parameters(', 'variables(', "'a'", "'b''c'", ')', ',', '[', ']', '.x', '1', '-2', 'json(', 'createArray(', 'if(', 'true()', ' '),
      {
        maxLength: 40,
      },
    );
    const scope = { parameter: () => new UnknownValue('no parameters here'), variable: () => new UnknownValue('no variables here') };
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          armish.map((tokens) => tokens.join('')),
        ),
        (text) => {
          try {
            parseExpression(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionSyntaxError);
          }
          resolveValue(`[${text}]`, scope, ['x']);
        },
      ),
      runs(400),
    );
  });

  it('autoscale formulas: analysed and, when they parse, evaluated without throwing', () => {
    const formulaish = fc.array(
      fc.constantFrom(
        '$TargetDedicatedNodes',
        '=',
        ';',
        '(',
        ')',
        'max',
        'min',
        '$CPUPercent.GetSample(',
        'TimeInterval_Minute',
        '*',
        '+',
        '-',
        '/',
        '?',
        ':',
        '1',
        '0.5',
        '"s"',
        ',',
        '[',
        ']',
        '//',
        '\n',
        '$x',
        '!',
        '&&',
        '||',
        '==',
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          formulaish.map((tokens) => tokens.join(' ')),
        ),
        (text) => {
          const analysis = analyzeFormula(text);
          for (const diagnostic of analysis.diagnostics) expect(diagnostic.offset + diagnostic.length).toBeLessThanOrEqual(text.length);
          const { formula } = parseFormula(text);
          if (formula) evaluateFormula(formula);
        },
      ),
      runs(400),
    );
  });
});

/** Every path to a value in plain data, containers included. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return [path, ...entries.flatMap(([key, member]) => pathsOf(member, [...path, key]))];
}

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

describe('a pool with a value of the wrong type anywhere', () => {
  const BASE_POOLS = ['fixtures/examples/clean-pool.json', 'fixtures/examples/render-pool.json'].map(
    (path) => JSON.parse(readFileSync(resolve(PROJECT_ROOT, path), 'utf8')) as unknown,
  );
  const oddValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, [], {}, '', -1, 0, 1e308, -1e308, 0.5, true, 'x'.repeat(5000), '[concat(', '$TargetDedicatedNodes = (', '10.0.0.0/33', 'P1D', '__proto__'),
  );

  it('is linted without a rule crashing', async () => {
    const cases = fc.constantFrom(...BASE_POOLS).chain((base) => fc.tuple(fc.constant(base), fc.constantFrom(...pathsOf(base)), oddValue));
    await fc.assert(
      fc.asyncProperty(cases, fc.constantFrom('pool.json', 'pool.yaml'), async ([base, path, replacement], filePath) => {
        await expectFindingsOrCleanPass(filePath, JSON.stringify(withValueAt(base, path, replacement)));
      }),
      runs(400),
    );
  });
});
