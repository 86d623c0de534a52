import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HclDocument } from '../../src/documents/hcl/hcl-document.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';
import { terraformAdapter } from '../../src/sources/terraform/terraform-adapter.ts';
import { sourceContext } from '../helpers/source-context.ts';

const POOL = (formula: string) =>
  `resource "azurerm_batch_pool" "scaled" {\n  name    = "scaled"\n  vm_size = "Standard_D2s_v3"\n  auto_scale {\n    evaluation_interval = "PT5M"\n    formula             = ${formula}\n  }\n}\n`;

/** The pool of main.tf in a folder of these files. */
function poolIn(files: Record<string, string>): PoolDefinition {
  const folder = mkdtempSync(join(tmpdir(), 'batchlint-tf-formula-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return terraformAdapter.extract(HclDocument.parse(join(folder, 'main.tf'), files['main.tf']!), sourceContext())![0]!;
}

/** Where a range on `token` of the pool's formula lands: file name, place, the characters there and the origin. */
function placed(pool: PoolDefinition, token: string) {
  const formula = pool.spec.autoScaleFormula as string;
  const { location, filePath, origin } = pool.locate(['autoScaleFormula'], 'value', { offset: formula.indexOf(token), length: token.length });
  const text = readFileSync(filePath ?? pool.document.filePath, 'utf8');
  return {
    file: basename(filePath ?? pool.document.filePath),
    line: location.line,
    column: location.column,
    written: text.slice(location.offset, location.offset + location.length),
    ...(origin && { origin }),
  };
}

describe('a range inside a Terraform formula', () => {
  it("lands in the variable's default, in its own file", () => {
    const pool = poolIn({
      'main.tf': POOL('var.formula'),
      'variables.tf': `variable "formula" {\n  type    = string\n  default = <<-EOF\n    $TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));\n  EOF\n}\n`,
    });
    expect(placed(pool, '$PendingTasks')).toEqual({ file: 'variables.tf', line: 4, column: 37, written: '$PendingTasks', origin: "value from variable 'formula'" });
  });

  it('lands in the var file that gives the value', () => {
    const pool = poolIn({
      'main.tf': POOL('var.formula'),
      'variables.tf': `variable "formula" {\n  default = "$a = 1;"\n}\n`,
      'terraform.tfvars': `formula = "$TargetDedicatedNodes = min(10, \\"x\\", $PendingTasks.GetSample(1));"\n`,
    });
    expect(placed(pool, '$PendingTasks')).toEqual({ file: 'terraform.tfvars', line: 1, column: 51, written: '$PendingTasks', origin: "value from variable 'formula'" });
  });

  it('lands in the literal text after an interpolation of known length, and in the local it reads', () => {
    const pool = poolIn({ 'main.tf': `locals {\n  target = "$TargetDedicatedNodes"\n}\n${POOL('"${local.target} = min(10, $PendingTasks.GetSample(1));"')}` });
    expect(placed(pool, '$PendingTasks')).toEqual({ file: 'main.tf', line: 9, column: 54, written: '$PendingTasks' });
    expect(placed(pool, '$TargetDedicatedNodes')).toEqual({ file: 'main.tf', line: 2, column: 13, written: '$TargetDedicatedNodes', origin: "value from local 'target'" });
  });

  it('falls back to the argument for a range across parts or from a computed value', () => {
    const pool = poolIn({ 'main.tf': `locals {\n  target = "$TargetDedicatedNodes"\n}\n${POOL('"${local.target} = ${true ? "min" : "max"}(10, $P);"')}` });
    const whole = pool.locate(['autoScaleFormula']);
    expect(whole.location.line).toBe(9);
    const formula = pool.spec.autoScaleFormula as string;
    expect(formula).toBe('$TargetDedicatedNodes = min(10, $P);');
    expect(pool.locate(['autoScaleFormula'], 'value', { offset: formula.indexOf('Nodes ='), length: 7 })).toEqual(whole);
    expect(pool.locate(['autoScaleFormula'], 'value', { offset: formula.indexOf('min'), length: 3 })).toEqual(whole);
  });
});
