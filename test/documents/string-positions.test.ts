import { describe, expect, it } from 'vitest';
import { HclDocument } from '../../src/documents/hcl/hcl-document.ts';
import { JsonDocument } from '../../src/documents/json-document.ts';
import { YamlDocument } from '../../src/documents/yaml-document.ts';
import type { SourceDocument } from '../../src/model/document.ts';
import type { Path } from '../../src/model/location.ts';

const FORMULA = '$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));';
/** Where `$PendingTasks` is in FORMULA. */
const PENDING = { offset: FORMULA.indexOf('$PendingTasks'), length: '$PendingTasks'.length };

/** The value of the string at path must hold `token` at `within`, and the file the characters `written` at the location. */
function placed(document: SourceDocument, path: Path, token: string, written = token) {
  const value = path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], document.value) as string;
  const within = { offset: value.indexOf(token), length: token.length };
  const { location, exact } = document.locate(path, 'value', within);
  expect(document.text.slice(location.offset, location.offset + location.length)).toBe(written);
  expect(exact).toBe(true);
  return location;
}

describe('a range inside a JSON string', () => {
  it('is placed on the characters of an unescaped string', () => {
    const document = JsonDocument.parse('pool.json', `{\n  "autoScaleFormula": "${FORMULA}"\n}\n`, 'json');
    expect(document.locate(['autoScaleFormula'], 'value', PENDING).location).toMatchObject({ line: 2, column: 56, endLine: 2, endColumn: 69 });
  });

  it('counts escapes as the characters written for them', () => {
    const text = String.raw`{ "autoScaleFormula": "// \"night\"\n\t$x = 1;\r\n$TargetDedicatedNodes = \u0024x;\/\/ end \ud83d\ude00 $y" }`;
    const document = JsonDocument.parse('pool.json', text, 'json');
    expect(placed(document, ['autoScaleFormula'], '"night"', String.raw`\"night\"`)).toMatchObject({ line: 1, column: 27, endColumn: 36 });
    placed(document, ['autoScaleFormula'], '\n\t$x', String.raw`\n\t$x`);
    placed(document, ['autoScaleFormula'], '$x;', String.raw`\u0024x;`);
    placed(document, ['autoScaleFormula'], '// end \ud83d\ude00 $y', String.raw`\/\/ end \ud83d\ude00 $y`);
    placed(document, ['autoScaleFormula'], '\ude00', String.raw`\ude00`);
  });

  it('places a range on later lines of a JSONC file, and an empty range at the end', () => {
    const document = JsonDocument.parse('pool.jsonc', `// pool\n{\n  /* scale */ "autoScaleFormula": "a;\\nb;",\n}\n`, 'jsonc');
    expect(document.locate(['autoScaleFormula'], 'value', { offset: 3, length: 1 }).location).toMatchObject({ line: 3, column: 40, endColumn: 41 });
    expect(document.locate(['autoScaleFormula'], 'value', { offset: 5, length: 0 }).location).toMatchObject({ line: 3, column: 42, endColumn: 42 });
  });

  it('falls back to the whole value for a range outside the string, a key, a missing path or a value that is no string', () => {
    const document = JsonDocument.parse('pool.json', `{ "autoScaleFormula": "a;", "n": 4 }`, 'json');
    const whole = document.locate(['autoScaleFormula']);
    expect(document.locate(['autoScaleFormula'], 'value', { offset: 1, length: 5 })).toEqual(whole);
    expect(document.locate(['autoScaleFormula'], 'value', { offset: -1, length: 1 })).toEqual(whole);
    expect(document.locate(['autoScaleFormula'], 'key', { offset: 0, length: 1 })).toEqual(document.locate(['autoScaleFormula'], 'key'));
    expect(document.locate(['n'], 'value', { offset: 0, length: 1 })).toEqual(document.locate(['n']));
    expect(document.locate(['missing'], 'value', { offset: 0, length: 1 })).toEqual(document.locate(['missing']));
  });
});

describe('a range inside a YAML scalar', () => {
  const yaml = (text: string) => YamlDocument.parse('pool.yaml', text);

  it('is placed in plain, single- and double-quoted scalars', () => {
    expect(yaml(`autoScaleFormula: ${FORMULA}\n`).locate(['autoScaleFormula'], 'value', PENDING).location).toMatchObject({ line: 1, column: 51, endColumn: 64 });
    placed(yaml(`f: 'it''s $a; $PendingTasks'\n`), ['f'], "'s $a", "''s $a");
    placed(yaml(`f: "a\\t\\"b\\" \\x41\\u00e9 $PendingTasks"\n`), ['f'], '"b" Aé', '\\"b\\" \\x41\\u00e9');
  });

  it('follows line folding in multi-line plain and quoted scalars', () => {
    const plain = yaml(`pool:\n  f: $a = 1;\n    $TargetDedicatedNodes =\n\n    $a;\n`);
    expect(placed(plain, ['pool', 'f'], '$TargetDedicatedNodes')).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 26 });
    expect(placed(plain, ['pool', 'f'], '1; $Target', '1;\n    $Target')).toMatchObject({ line: 2, column: 11, endLine: 3, endColumn: 12 });
    expect(placed(plain, ['pool', 'f'], '$a;')).toMatchObject({ line: 5, column: 5 });
    const quoted = yaml(`f: "$a = 1;\\\n     $b = 2;\n  $c"\n`);
    expect(placed(quoted, ['f'], '$b')).toMatchObject({ line: 2, column: 6 });
    expect(placed(quoted, ['f'], '$c')).toMatchObject({ line: 3, column: 3 });
    placed(yaml(`f: 'x\n  y'\n`), ['f'], 'x y', 'x\n  y');
  });

  it('is placed in literal and folded block scalars, with indentation indicators and chomping', () => {
    const literal = yaml(`pool:\n  autoScaleFormula: |\n    $a = 1;\n    ${FORMULA}\n`);
    expect(literal.locate(['pool', 'autoScaleFormula'], 'value', { offset: 8 + PENDING.offset, length: PENDING.length }).location).toMatchObject({
      line: 4,
      column: 37,
      endLine: 4,
      endColumn: 50,
    });
    expect(placed(yaml(`f: |2-\n     indented\n    $b\n\n`), ['f'], '$b')).toMatchObject({ line: 3, column: 5 });
    expect(placed(yaml(`f: |+\n  $a\n\n`), ['f'], '$a\n\n')).toMatchObject({ line: 2, column: 3, endLine: 4, endColumn: 1 });
    const folded = yaml(`f: >\n  $a = 1;\n  $b = 2;\n\n  $c = 3;\n    $d\n  $e\n`);
    expect(placed(folded, ['f'], '1; $b', '1;\n  $b')).toMatchObject({ line: 2, column: 8, endLine: 3, endColumn: 5 });
    expect(placed(folded, ['f'], '$c')).toMatchObject({ line: 5, column: 3 });
    expect(placed(folded, ['f'], '  $d')).toMatchObject({ line: 6, column: 3 });
    expect(placed(folded, ['f'], '$e')).toMatchObject({ line: 7, column: 3 });
  });

  it('falls back to the whole value for an alias, a value that is no string, or a range outside it', () => {
    const document = yaml(`a: &f $x = 1;\nb: *f\nn: 4\n`);
    expect(document.locate(['b'], 'value', { offset: 0, length: 2 })).toEqual(document.locate(['b']));
    expect(document.locate(['n'], 'value', { offset: 0, length: 1 })).toEqual(document.locate(['n']));
    expect(document.locate(['a'], 'value', { offset: 5, length: 9 })).toEqual(document.locate(['a']));
  });
});

describe('a range inside an HCL string', () => {
  const hcl = (text: string) => HclDocument.parse('main.tf', text);
  const path = ['resource', 'azurerm_batch_pool', 'p', 'auto_scale', 'formula'];
  const pool = (formula: string) => `resource "azurerm_batch_pool" "p" {\n  auto_scale {\n    formula = ${formula}\n  }\n}\n`;

  it('is placed in a quoted string, through its escapes', () => {
    expect(hcl(pool(`"${FORMULA}"`)).locate(path, 'value', PENDING).location).toMatchObject({ line: 3, column: 48, endColumn: 61 });
    const escaped = String.raw`\"s\" \u0024x;\n` + '$${y}';
    placed(hcl(pool(`"${escaped}"`)), path, '"s" $x;\n${y}', escaped);
  });

  it('is placed in heredocs, after <<- removed the indentation', () => {
    const heredoc = hcl(pool(`<<EOT\n  $a = 1;\n  ${FORMULA}\nEOT`));
    expect(placed(heredoc, path, '$PendingTasks')).toMatchObject({ line: 5, column: 35, endColumn: 48 });
    const indented = hcl(pool(`<<-EOT\n      $a = 1;\n        $b = 2;\n    EOT`));
    expect(placed(indented, path, '$a')).toMatchObject({ line: 4, column: 7 });
    expect(placed(indented, path, '  $b')).toMatchObject({ line: 5, column: 7, endColumn: 11 });
    expect(placed(indented, path, '1;\n  $b', '1;\n        $b')).toMatchObject({ line: 4, column: 12, endLine: 5, endColumn: 11 });
  });

  it('is placed in the literal text before an interpolation, and falls back from one on', () => {
    const document = hcl(pool(`"$a = \${var.n}; $b = 1;"`));
    const value = { offset: 0, length: 2 };
    expect(document.locate(path, 'value', value).location).toMatchObject({ line: 3, column: 16, endColumn: 18 });
    expect(document.locate(path, 'value', { offset: 3, length: 6 })).toEqual(document.locate(path));
    expect(document.locate(path, 'value', { offset: 12, length: 2 })).toEqual(document.locate(path));
  });

  it('falls back to the whole value for a reference', () => {
    const document = hcl(pool('var.formula'));
    expect(document.locate(path, 'value', { offset: 0, length: 1 })).toEqual(document.locate(path));
  });
});
