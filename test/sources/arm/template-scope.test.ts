import { describe, expect, it } from 'vitest';
import { TemplateScope } from '../../../src/sources/arm/template-scope.ts';
import type { TemplateParts } from '../../../src/documents/arm-detection.ts';
import { traceSite } from '../../../src/sources/arm/value-trace.ts';
import { JsonDocument } from '../../../src/documents/json-document.ts';
import type { Path } from '../../../src/model/location.ts';
import { isUnknown } from '../../../src/model/unknown.ts';

function scopeOf(template: TemplateParts) {
  const document = JsonDocument.parse('t.json', JSON.stringify(template, null, 2), 'json');
  const syntaxErrors: { path: Path; message: string }[] = [];
  const scope = new TemplateScope(template, { document, path: [], deployment: {}, onSyntaxError: (path, message) => syntaxErrors.push({ path, message }) });
  return { scope, document, syntaxErrors };
}

describe('template scope', () => {
  it('finds parameters and variables whatever the case of their names', () => {
    const { scope } = scopeOf({ parameters: { vmSize: { defaultValue: 'Standard_D2s_v3' } }, variables: { Image: { sku: '22_04-lts' } } });
    expect(scope.resolve("[parameters('VMSIZE')]", [])).toBe('Standard_D2s_v3');
    expect(scope.resolve("[variables('image').sku]", [])).toBe('22_04-lts');
  });

  it('keeps a value that refers to itself unknown', () => {
    const { scope } = scopeOf({ variables: { a: "[variables('b')]", b: "[variables('a')]" } });
    const value = scope.variable('a');
    expect(isUnknown(value) && value.reason).toBe('variable "a" refers to itself');
  });

  it('reads "[[…]" as a literal and leaves text that only starts with a bracket alone', () => {
    const { scope, syntaxErrors } = scopeOf({});
    expect(scope.resolve('[[beta]', [])).toBe('[beta]');
    expect(scope.resolve('[ -d /mnt ] && echo ok', [])).toBe('[ -d /mnt ] && echo ok');
    expect(syntaxErrors).toEqual([]);
  });

  it('builds a variable from its copy loop', () => {
    const { scope } = scopeOf({
      parameters: { sizes: { defaultValue: ['Standard_D2s_v3', 'Standard_D4s_v3'] } },
      variables: { copy: [{ name: 'pools', count: "[length(parameters('sizes'))]", input: { vmSize: "[parameters('sizes')[copyIndex('pools')]]" } }] },
    });
    expect(scope.variable('pools')).toEqual([{ vmSize: 'Standard_D2s_v3' }, { vmSize: 'Standard_D4s_v3' }]);
  });

  it('tells of each expression that does not parse, with its path', () => {
    const { scope, syntaxErrors } = scopeOf({ variables: { broken: "[concat('a'" + ']' } });
    expect(isUnknown(scope.variable('broken'))).toBe(true);
    expect(syntaxErrors).toEqual([{ path: ['variables', 'broken'], message: expect.stringContaining('does not parse at character 12: ")" is expected') }]);
  });
});

describe('value trace', () => {
  const template = {
    parameters: { vmSize: { defaultValue: "[variables('defaultSize')]" }, sizes: { defaultValue: ['Standard_D2s_v3'] } },
    variables: { defaultSize: 'Standard_D4s_v3', image: { sku: "[parameters('vmSize')]" }, loop: "[variables('loop')]" },
    pool: { vmSize: "[parameters('vmSize')]", image: "[variables('image')]", first: "[parameters('sizes')[0]]", name: "[concat('a', 'b')]", spin: "[variables('loop')]" },
  };
  const trace = (path: Path) => {
    const { scope, document } = scopeOf(template);
    return traceSite(template.pool, document, ['pool'], scope, path);
  };

  it('follows references through parameters and variables to where the value is written', () => {
    expect(trace(['vmSize'])).toMatchObject({ path: ['variables', 'defaultSize'], origin: "variable 'defaultSize'", throughExpression: true });
    expect(trace(['image', 'sku'])).toMatchObject({ path: ['variables', 'defaultSize'], origin: "variable 'defaultSize'" });
    expect(trace(['first'])).toMatchObject({ path: ['parameters', 'sizes', 'defaultValue', 0], origin: "the default of parameter 'sizes'" });
  });

  it('stops at a computed value, at a cycle, and where nothing is written', () => {
    expect(trace(['name'])).toEqual({
      document: expect.anything(),
      path: ['pool', 'name'],
      throughExpression: true,
      expression: { written: "[concat('a', 'b')]", scope: expect.anything() },
    });
    expect(trace(['spin']).path).toEqual(['variables', 'loop']);
    expect(trace(['startTask', 'commandLine'])).toMatchObject({ path: ['pool', 'startTask', 'commandLine'], throughExpression: false });
  });
});
