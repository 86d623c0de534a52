import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../src/documents/json-document.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';
import { armTemplateAdapter } from '../../src/sources/arm/template-adapter.ts';
import { sourceContext } from '../helpers/source-context.ts';

/** A template whose one pool has the given autoscale formula (a JSON string as written) and template members. */
function templateWith(formula: string, members = ''): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",${members}
  "resources": [
    {
      "type": "Microsoft.Batch/batchAccounts/pools",
      "apiVersion": "2024-07-01",
      "name": "account/scaled",
      "properties": {
        "scaleSettings": { "autoScale": {
          "formula": ${formula}
        } }
      }
    }
  ]
}
`;
}

function poolOf(text: string): PoolDefinition {
  const document = JsonDocument.parse('azuredeploy.json', text, 'json');
  return armTemplateAdapter.extract(document, sourceContext())![0]!;
}

/** Where the finding for the first `token` of the pool's formula lands, and the file characters there. */
function placed(pool: PoolDefinition, token: string, occurrence = 0) {
  const formula = pool.spec.autoScaleFormula as string;
  let offset = formula.indexOf(token);
  for (let skip = occurrence; skip > 0; skip--) offset = formula.indexOf(token, offset + 1);
  const located = pool.locate(['autoScaleFormula'], 'value', { offset, length: token.length });
  const { line, column, endLine, endColumn } = located.location;
  const written = pool.document.text.slice(located.location.offset, located.location.offset + located.location.length);
  return { line, column, endLine, endColumn, written, ...(located.origin !== undefined && { origin: located.origin }) };
}

const FORMULA_LINE = 11;

describe('a range inside an ARM formula', () => {
  it('is placed in a literal string, through its JSON escapes and a "[[" bracket', () => {
    const pool = poolOf(templateWith(String.raw`"$a = 1;\n$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));"`));
    expect(placed(pool, '$PendingTasks')).toEqual({ line: FORMULA_LINE, column: 64, endLine: FORMULA_LINE, endColumn: 77, written: '$PendingTasks' });
    const bracketed = poolOf(templateWith(`"[[x] $PendingTasks]"`));
    expect(placed(bracketed, '$PendingTasks')).toMatchObject({ column: 28, written: '$PendingTasks' });
  });

  it('is placed in the one literal argument of a concat, counting doubled quotes', () => {
    const pool = poolOf(
      templateWith(`"[concat('$TargetDedicatedNodes = min(', variables('cap'), ', $PendingTasks.GetSample(1)); // ''x''', ' $y')]"`, `\n  "variables": { "cap": "10" },`),
    );
    expect(placed(pool, '$PendingTasks')).toEqual({ line: 12, column: 84, endLine: 12, endColumn: 97, written: '$PendingTasks' });
    expect(placed(pool, "'x'")).toMatchObject({ written: "''x''" });
    expect(placed(pool, '$y')).toMatchObject({ written: '$y' });
  });

  it('is placed in the value of a variable or parameter a concat or format reads', () => {
    const members = `\n  "parameters": { "cap": { "type": "string", "defaultValue": "max(10, $x)" } },\n  "variables": { "target": "$TargetDedicatedNodes" },`;
    const concat = poolOf(templateWith(`"[concat(variables('target'), ' = ', parameters('cap'), ';')]"`, members));
    expect(placed(concat, '$TargetDedicatedNodes')).toEqual({
      line: 5,
      column: 29,
      endLine: 5,
      endColumn: 50,
      written: '$TargetDedicatedNodes',
      origin: "value from variable 'target'",
    });
    expect(placed(concat, '$x')).toMatchObject({ line: 4, written: '$x', origin: "value from the default of parameter 'cap'" });
    const format = poolOf(templateWith(`"[format('{0} = {1}; {{$PendingTasks}}', variables('target'), parameters('cap'))]"`, members));
    expect(placed(format, '$x')).toMatchObject({ line: 4, written: '$x' });
    expect(placed(format, '$PendingTasks')).toMatchObject({ line: 13, written: '$PendingTasks' });
    expect(placed(format, '{')).toMatchObject({ line: 13, written: '{{' });
  });

  it('falls back to the whole expression for a range across arguments or in a computed one', () => {
    const members = `\n  "variables": { "cap": "10" },`;
    const pool = poolOf(templateWith(`"[concat('$TargetDedicatedNodes = min(', variables('cap'), toLower(', $P);'))]"`, members));
    const whole = pool.locate(['autoScaleFormula']);
    const formula = pool.spec.autoScaleFormula as string;
    expect(pool.locate(['autoScaleFormula'], 'value', { offset: formula.indexOf('min(1'), length: 5 })).toEqual(whole);
    expect(pool.locate(['autoScaleFormula'], 'value', { offset: formula.indexOf('$p'), length: 2 })).toEqual(whole);
    expect(placed(pool, '10')).toMatchObject({ line: 4, written: '10', origin: "value from variable 'cap'" });
  });
});
