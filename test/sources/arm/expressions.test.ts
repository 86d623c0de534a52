import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluationScope } from '../../../src/sources/arm/evaluate.ts';
import { ExpressionSyntaxError, isExpression, parseExpression } from '../../../src/sources/arm/expression-syntax.ts';
import { isUnknown, UnknownValue } from '../../../src/model/unknown.ts';

const PARAMETERS: Record<string, unknown> = { prefix: 'render', nodes: 4, image: { sku: '22_04-lts-gen2' }, secretless: null };
const scope: EvaluationScope = {
  parameter: (name) => (name in PARAMETERS ? PARAMETERS[name] : new UnknownValue(`parameter ${name} has no value`)),
  variable: (name) => ({ suffix: '-pool', sizes: ['Standard_D2s_v3', 'Standard_D4s_v3'] })[name] ?? new UnknownValue(`variable ${name}`),
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: { name: 'batch-rg', location: 'eastus' },
};
const value = (template: string) => evaluate(parseExpression(template.slice(1, -1)), scope);

describe('template expressions', () => {
  it('tells expressions from literal brackets', () => {
    expect(isExpression("[parameters('x')]")).toBe(true);
    expect(isExpression('[[not an expression]')).toBe(false);
    expect(isExpression('plain')).toBe(false);
  });

  it('evaluates the functions pool definitions use', () => {
    expect(value("[concat(parameters('prefix'), variables('suffix'))]")).toBe('render-pool');
    expect(value("[format('{0}-{1}', parameters('prefix'), 3)]")).toBe('render-3');
    expect(value("[toUpper('a')]")).toBe('A');
    expect(value("[mul(parameters('nodes'), 300)]")).toBe(1200);
    expect(value("[if(equals(parameters('nodes'), 4), 'PT30M', 'PT15M')]")).toBe('PT30M');
    expect(value("[parameters('image').sku]")).toBe('22_04-lts-gen2');
    expect(value("[variables('sizes')[1]]")).toBe('Standard_D4s_v3');
    expect(value("[last(split('a/b/c', '/'))]")).toBe('c');
    expect(value("[join(variables('sizes'), ' ')]")).toBe('Standard_D2s_v3 Standard_D4s_v3');
    expect(value("[coalesce(parameters('secretless'), 'fallback')]")).toBe('fallback');
    expect(value("[length(variables('sizes'))]")).toBe(2);
    expect(value('[string(add(1, 2))]')).toBe('3');
    expect(value("['it''s']")).toBe("it's");
  });

  it('builds resource ids from the deployment scope', () => {
    expect(value("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'batch')]")).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/batch-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/batch',
    );
    expect(value("[resourceId('net-rg', 'Microsoft.Network/virtualNetworks', 'vnet')]")).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet',
    );
    expect(value('[resourceGroup().location]')).toBe('eastus');
  });

  it('keeps unknown what it cannot know, naming why', () => {
    const missing = value("[concat(parameters('undefined'), '-x')]");
    expect(isUnknown(missing) && missing.reason).toBe('parameter undefined has no value');
    const runtime = value("[reference('acct').poolAllocationMode]");
    expect(isUnknown(runtime) && runtime.reason).toBe('reference() is not evaluated offline');
    expect(value("[if(true(), 'known', reference('x'))]")).toBe('known');
  });

  it('evaluates the functions Bicep writes, and reads property names whatever their case', () => {
    expect(value("[parameters('image').SKU]")).toBe('22_04-lts-gen2');
    expect(value("[tryGet(parameters('image'), 'offer')]")).toBe(null);
    expect(value("[union(createObject('a', 1), createObject('b', 2))]")).toEqual({ a: 1, b: 2 });
    expect(value("[contains(variables('sizes'), 'Standard_D4s_v3')]")).toBe(true);
    expect(value("[startsWith('Standard_D4s_v3', 'standard_')]")).toBe(true);
    expect(value("[items(createObject('b', 2, 'a', 1))]")).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    expect(value('[json(\'{"nodes": 2}\').nodes]')).toBe(2);
    expect(value('[null()]')).toBe(null);
    const userFunction = value("[__bicep.poolName(parameters('prefix'))]");
    expect(isUnknown(userFunction) && userFunction.reason).toBe('__bicep.poolName() is not evaluated offline');
  });

  it('knows copyIndex() only inside a loop it counts', () => {
    const inLoop: EvaluationScope = { ...scope, copyIndex: (name) => (name === undefined || name === 'pools' ? 2 : undefined) };
    expect(evaluate(parseExpression("variables('sizes')[sub(copyIndex(), 1)]"), inLoop)).toBe('Standard_D4s_v3');
    expect(evaluate(parseExpression("copyIndex('pools', 1)"), inLoop)).toBe(3);
    const outside = value("[copyIndex('disks')]");
    expect(isUnknown(outside) && outside.reason).toBe("copyIndex('disks') is not known outside a copy loop with a known count");
  });

  it('leaves unknown each part of resourceGroup() the command line does not give', () => {
    const regionOnly: EvaluationScope = { ...scope, resourceGroup: { location: 'eastus' } };
    expect(evaluate(parseExpression('resourceGroup().location'), regionOnly)).toBe('eastus');
    const name = evaluate(parseExpression('resourceGroup().name'), regionOnly);
    expect(isUnknown(name) && name.reason).toBe('the resource group is not known (give --resource-group)');
  });

  it('says that strings take single quotes', () => {
    expect(() => parseExpression('parameters("vmSize")')).toThrow('strings in expressions take single quotes, not double');
  });

  it('reports a syntax error with its offset', () => {
    let error: unknown;
    try {
      parseExpression("concat('a', ");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    expect((error as ExpressionSyntaxError).offset).toBe(12);
  });
});
