import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/documents/bicep/parser.ts';
import type { Expression, Statement } from '../../src/documents/bicep/syntax.ts';
import { LineIndex } from '../../src/model/location.ts';
import { SyntaxProblem } from '../../src/model/syntax-problem.ts';

/** The one statement of a file. */
function only(text: string): Statement {
  const { statements } = parseBicep(text);
  expect(statements).toHaveLength(1);
  return statements[0]!;
}

/** The value of `var x = <text>`. */
function value(text: string): Expression {
  const statement = only(`var x = ${text}`);
  if (statement.kind !== 'var') throw new Error('not a var');
  return statement.value;
}

/** The tree without positions and decoded-string maps, to compare shapes. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(Object.entries(node).flatMap(([key, member]) => (['span', 'nameSpan', 'keySpan', 'decoded'].includes(key) ? [] : [[key, shape(member)]])));
}

/** Where a parse fails: line, column and message. */
function failure(text: string) {
  try {
    parseBicep(text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ...new LineIndex(text).position(error.offset), message: error.message };
  }
  throw new Error('parsed');
}

const text = (value: string) => ({ kind: 'text', value });
const id = (name: string) => ({ kind: 'identifier', name });
const num = (value: number) => ({ kind: 'number', value });

describe('Bicep parser: declarations', () => {
  it('reads a parameter with its type, default and decorators, keeping where each is written', () => {
    const source = "@description('The size')\n@allowed([\n  'Standard_D2s_v3'\n  'Standard_D4s_v3'\n])\nparam vmSize string = 'Standard_D2s_v3'\n";
    const statement = only(source);
    expect(statement).toMatchObject({ kind: 'param', name: 'vmSize', nameSpan: { offset: source.indexOf('vmSize string') } });
    if (statement.kind !== 'param') return;
    expect(statement.decorators.map((decorator) => decorator.name)).toEqual(['description', 'allowed']);
    expect(shape(statement.decorators[1]!.args)).toEqual([
      {
        kind: 'array',
        items: [
          { value: { kind: 'string', parts: [text('Standard_D2s_v3')], multiline: false } },
          { value: { kind: 'string', parts: [text('Standard_D4s_v3')], multiline: false } },
        ],
      },
    ]);
    expect(statement.value!.span).toEqual({ offset: source.lastIndexOf("'Standard_D2s_v3'"), end: source.length - 1 });
  });

  it('reads a parameter without a default, and types: unions over lines, nullable, arrays, objects, resource types', () => {
    const { statements } = parseBicep(
      "param a int\nparam b 'x' | 'y' = 'x'\nparam c\n  | 'p'\n  | 'q'\nparam d string[]?\nparam e {\n  name: string\n}\nparam f resourceInput<'Microsoft.Batch/batchAccounts/pools@2024-07-01'>.properties = {}\n@sys.minValue(1)\nparam g int = 3\n",
    );
    expect(statements.map((statement) => [statement.kind, 'name' in statement ? statement.name : '', 'value' in statement && statement.value !== undefined])).toEqual([
      ['param', 'a', false],
      ['param', 'b', true],
      ['param', 'c', false],
      ['param', 'd', false],
      ['param', 'e', false],
      ['param', 'f', true],
      ['param', 'g', true],
    ]);
    expect(statements[6]).toMatchObject({ decorators: [{ namespace: 'sys', name: 'minValue' }] });
  });

  it('reads resources: the type string, existing, a body that is an object, a condition or a loop, and resources nested in a body', () => {
    const { statements } = parseBicep(
      [
        "resource account 'Microsoft.Batch/batchAccounts@2024-07-01' existing = {",
        '  name: accountName',
        "  resource pool 'pools' = {",
        "    name: 'nested'",
        '  }',
        '}',
        "resource conditional 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = if (deploy) {",
        "  name: 'a'",
        '}',
        "resource looped 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = [for (name, i) in names: {",
        '  name: name',
        '}]',
        "resource filtered 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = [for name in names: if (name != 'x') {",
        '  name: name',
        '}]',
      ].join('\n'),
    );
    expect(statements.map((statement) => (statement.kind === 'resource' ? [statement.name, statement.existing, statement.value.kind] : []))).toEqual([
      ['account', true, 'object'],
      ['conditional', false, 'if'],
      ['looped', false, 'for'],
      ['filtered', false, 'for'],
    ]);
    const account = statements[0]!;
    if (account.kind !== 'resource' || account.value.kind !== 'object') return;
    expect(account.value.resources.map((nested) => [nested.name, shape(nested.type)])).toEqual([['pool', { kind: 'string', parts: [text('pools')], multiline: false }]]);
    expect(shape(statements[2])).toMatchObject({ value: { kind: 'for', item: { name: 'name' }, index: { name: 'i' }, iterable: id('names') } });
    expect(shape(statements[3])).toMatchObject({ value: { kind: 'for', body: { kind: 'if', condition: { kind: 'binary', operator: '!=' } } } });
  });

  it('reads module, output, targetScope, metadata, and keeps type, func, import and extension as statements it does not evaluate', () => {
    const { statements } = parseBicep(
      [
        "targetScope = 'resourceGroup'",
        "metadata owner = 'batch team'",
        "import { poolType } from 'types.bicep'",
        "import * as shared from 'shared.bicep'",
        'extension microsoftGraphV1',
        'type pool = {',
        '  name: string',
        '}',
        '@export()',
        "func poolName(prefix string) string => '${prefix}-pool'",
        "module pools 'pools.bicep' = {",
        "  name: 'pools'",
        '}',
        'output id string = pools.outputs.id',
      ].join('\n'),
    );
    expect(statements.map((statement) => (statement.kind === 'other' ? `${statement.keyword} ${statement.name ?? ''}`.trim() : statement.kind))).toEqual([
      'targetScope',
      'metadata',
      'import',
      'import',
      'extension',
      'type pool',
      'func poolName',
      'module',
      'output',
    ]);
  });

  it('reads a parameters file: using, and parameters given values', () => {
    const { statements } = parseBicep("using './main.bicep'\n\nparam vmSize = 'Standard_D4ds_v5'\nvar prefix = 'p'\nextensionConfig graph with {\n  a: 'b'\n}\n");
    expect(shape(statements)).toMatchObject([
      { kind: 'using', path: { kind: 'string', parts: [text('./main.bicep')] } },
      { kind: 'param', name: 'vmSize', value: { kind: 'string' } },
      { kind: 'var', name: 'prefix' },
      { kind: 'other', keyword: 'extensionConfig' },
    ]);
  });

  it('skips // and /* */ comments, also between the items of an array, and the Bicep linter directives', () => {
    const statement = only('#disable-next-line no-unused-vars\nvar x = [ /* first\n */ 1, // one\n  2\n]\n');
    expect(shape(statement)).toMatchObject({ value: { kind: 'array', items: [{ value: num(1) }, { value: num(2) }] } });
  });
});

describe('Bicep parser: expressions', () => {
  it('reads strings: escapes, interpolation with nested strings, and multi-line strings without their first line break', () => {
    expect(shape(value("'it\\'s \\${not} \\u{1F600}\\n'"))).toEqual({ kind: 'string', parts: [text("it's ${not} \u{1F600}\n")], multiline: false });
    expect(shape(value("'${account}/${toLower('${name}-x')}'"))).toEqual({
      kind: 'string',
      multiline: false,
      parts: [
        text(''),
        { kind: 'interpolation', expression: id('account') },
        text('/'),
        {
          kind: 'interpolation',
          expression: {
            kind: 'call',
            name: 'toLower',
            args: [{ kind: 'string', multiline: false, parts: [text(''), { kind: 'interpolation', expression: id('name') }, text('-x')] }],
          },
        },
        text(''),
      ],
    });
    expect(shape(value("'''\n#!/bin/bash\necho '${x}'\n'''"))).toEqual({ kind: 'string', parts: [text("#!/bin/bash\necho '${x}'\n")], multiline: true });
    expect(shape(value("$'''a ${b} c'''"))).toEqual({ kind: 'string', parts: [text('a '), { kind: 'interpolation', expression: id('b') }, text(' c')], multiline: true });
  });

  it('reads numbers, booleans and null', () => {
    expect(shape(value('[\n  42\n  true\n  false\n  null\n  -1\n]'))).toEqual({
      kind: 'array',
      items: [
        { value: num(42) },
        { value: { kind: 'boolean', value: true } },
        { value: { kind: 'boolean', value: false } },
        { value: { kind: 'null' } },
        { value: { kind: 'unary', operator: '-', operand: num(1) } },
      ],
    });
  });

  it('reads objects with properties on lines, separated by commas, with quoted and interpolated names, and spread', () => {
    expect(shape(value("{\n  a: 1\n  'b-c': 2, d: 3\n  '${e}': 4\n  ...rest\n}"))).toEqual({
      kind: 'object',
      resources: [],
      properties: [
        { key: 'a', value: num(1) },
        { key: 'b-c', value: num(2) },
        { key: 'd', value: num(3) },
        { key: undefined, keyExpression: { kind: 'string', multiline: false, parts: [text(''), { kind: 'interpolation', expression: id('e') }, text('')] }, value: num(4) },
        { key: undefined, value: id('rest'), spread: true },
      ],
    });
    expect(shape(value('{ a: 1, b: [1, 2] }'))).toMatchObject({
      kind: 'object',
      properties: [{ key: 'a' }, { key: 'b', value: { kind: 'array', items: [{ value: num(1) }, { value: num(2) }] } }],
    });
  });

  it('reads property access, safe access, indexes (safe and from the end), calls with namespaces and on resources, and non-null', () => {
    expect(shape(value('a.b.?c[0][?1][^1]'))).toEqual({
      kind: 'index',
      fromEnd: true,
      safe: false,
      index: num(1),
      target: {
        kind: 'index',
        safe: true,
        index: num(1),
        target: {
          kind: 'index',
          safe: false,
          index: num(0),
          target: { kind: 'property', name: 'c', safe: true, target: { kind: 'property', name: 'b', safe: false, target: id('a') } },
        },
      },
    });
    expect(shape(value("sys.concat('a', x)"))).toEqual({
      kind: 'call',
      name: 'concat',
      namespace: 'sys',
      args: [{ kind: 'string', parts: [text('a')], multiline: false }, id('x')],
    });
    expect(shape(value('storage.listKeys().keys[0]!'))).toMatchObject({
      kind: 'nonNull',
      // The parser cannot tell a namespace from a resource: `storage.listKeys()` reads as the namespace's function.
      operand: { kind: 'index', target: { kind: 'property', name: 'keys', target: { kind: 'call', name: 'listKeys', namespace: 'storage' } } },
    });
    expect(shape(value('account.properties.keys()'))).toMatchObject({ kind: 'call', name: 'keys', target: { kind: 'property', name: 'properties', target: id('account') } });
    expect(shape(value('account::pool.name'))).toMatchObject({ kind: 'property', name: 'name', target: { kind: 'property', name: 'pool', target: id('account') } });
  });

  it('gives the operators their precedence: ?: below ??, below ||, &&, equality, comparison, +, *; unary above all', () => {
    const binary = (operator: string, left: unknown, right: unknown) => ({ kind: 'binary', operator, left, right });
    expect(shape(value('a ?? b || c && d == e < f + g * -h ? i : j'))).toEqual({
      kind: 'ternary',
      condition: binary(
        '??',
        id('a'),
        binary(
          '||',
          id('b'),
          binary('&&', id('c'), binary('==', id('d'), binary('<', id('e'), binary('+', id('f'), binary('*', id('g'), { kind: 'unary', operator: '-', operand: id('h') }))))),
        ),
      ),
      whenTrue: id('i'),
      whenFalse: id('j'),
    });
    expect(shape(value('!a =~ b'))).toEqual(binary('=~', { kind: 'unary', operator: '!', operand: id('a') }, id('b')));
    expect(shape(value('a - b - c'))).toEqual(binary('-', binary('-', id('a'), id('b')), id('c')));
    for (const operator of ['!=', '!~', '<=', '>', '>=', '/', '%']) expect(shape(value(`a ${operator} b`))).toEqual(binary(operator, id('a'), id('b')));
  });

  it('reads a ternary and operators continued on the next line, and lambdas', () => {
    expect(shape(value('useSpot\n  ? 0\n  : 2'))).toEqual({ kind: 'ternary', condition: id('useSpot'), whenTrue: num(0), whenFalse: num(2) });
    expect(shape(value("map(sizes, (size, i) => '${i}:${size}')"))).toMatchObject({
      kind: 'call',
      name: 'map',
      args: [id('sizes'), { kind: 'lambda', parameters: [{ name: 'size' }, { name: 'i' }] }],
    });
    expect(shape(value('filter(pools, pool => pool.enabled)'))).toMatchObject({ kind: 'call', args: [id('pools'), { kind: 'lambda', parameters: [{ name: 'pool' }] }] });
  });

  it('keeps the position of each expression', () => {
    const source = "var x = {\n  name: '${a}-pool'\n}";
    const statement = only(source);
    if (statement.kind !== 'var' || statement.value.kind !== 'object') throw new Error('not an object');
    const name = statement.value.properties[0]!;
    expect(name.keySpan).toEqual({ offset: source.indexOf('name'), end: source.indexOf('name') + 4 });
    expect(name.value.span).toEqual({ offset: source.indexOf("'${a}"), end: source.indexOf("-pool'") + 6 });
  });
});

describe('Bicep parser: syntax errors at the line and column written', () => {
  it.each([
    ["var x = 'abc\n", 1, 9, 'The string at this location is not terminated'],
    ["var x = 'a\\qb'\n", 1, 11, 'The specified escape sequence is not recognized'],
    ['param x string =\n', 1, 17, 'Expected an expression'],
    ["resource p 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = 42\n", 1, 63, 'Expected the "{" character, the "[" character, or the "if" keyword'],
    ['var x = {\n  a: 1 b: 2\n}\n', 2, 8, 'Expected a new line character'],
    ['variable x = 1\n', 1, 1, 'This declaration type is not recognized'],
    ['var x = [for y of z: y]\n', 1, 16, 'Expected the "in" keyword'],
    ['var x = 1 /* open\n', 1, 11, 'The multi-line comment at this location is not terminated'],
    ["var x = '${a'\n", 1, 13, 'The string at this location is not terminated'],
    ['var x = (1 + 2\n', 1, 15, 'Expected the ")" character'],
  ])('%j', (source, line, column, message) => {
    expect(failure(source)).toEqual({ line, column, message: expect.stringContaining(message) });
  });
});

describe('Bicep parser: hostile input', () => {
  it.each([
    ['brackets', `var x = ${'['.repeat(20000)}${']'.repeat(20000)}`, 'The expressions are nested too deeply'],
    ['negations', `var x = ${'!'.repeat(50000)}true`, 'The expressions are nested too deeply'],
    ['interpolated strings', `var x = ${"'${".repeat(5000)}1${"}'".repeat(5000)}`, 'The strings are nested too deeply'],
  ])('refuses %s nested past any real file as a syntax problem, not a crash', (_, source, message) => {
    expect(failure(source).message).toContain(message);
  });

  it('reads nesting as deep as real files go', () => {
    expect(() => parseBicep(`var x = ${'['.repeat(150)}${']'.repeat(150)}`)).not.toThrow();
  });
});
