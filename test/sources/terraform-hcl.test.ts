import { describe, expect, it } from 'vitest';
import { findDirectives } from '../../src/engine/suppressions.ts';
import { HclDocument } from '../../src/documents/hcl/hcl-document.ts';
import { isHclExpression } from '../../src/documents/hcl/hcl-expression.ts';
import { parseFile } from '../../src/documents/parse-file.ts';
import { SyntaxProblem } from '../../src/model/syntax-problem.ts';
import { applyEdits } from '../helpers/apply-edits.ts';

const SAMPLE = `# a comment
// another
/* a block
   comment */
variable "size" {
  default = "Standard_D2s_v3"
}

resource "azurerm_batch_pool" "render" {
  name    = "render-\${var.env}"
  vm_size = var.size
  count   = length(var.zones) > 0 ? 2 : -1
  tags    = { owner = "me", "cost-center" = 42 }
  list    = [1, 2.5, true, null, "a\\"b"]

  start_task {
    command_line = <<-EOT
      echo one
        echo two
    EOT
    wait_for_success = false
  }

  resource_file {
    http_url = "https://example.com/a"
  }
  resource_file {
    http_url = "https://example.com/b"
  }

  fixed_scale { target_dedicated_nodes = 2 }
}
`;

function parse(text: string): HclDocument {
  return HclDocument.parse('main.tf', text);
}

describe('HCL documents', () => {
  it('reads blocks by type and labels, attributes as plain data and expressions as recognisable objects', () => {
    const value = parse(SAMPLE).value as {
      variable: { size: unknown };
      resource: { azurerm_batch_pool: { render: Record<string, unknown> & { vm_size: { source: string }; count: { node: unknown } } } };
    };
    expect(value.variable.size).toEqual({ default: 'Standard_D2s_v3' });
    const pool = value.resource.azurerm_batch_pool.render;
    expect(pool.tags).toEqual({ owner: 'me', 'cost-center': 42 });
    expect(pool.list).toEqual([1, 2.5, true, null, 'a"b']);
    expect(pool.start_task).toEqual({ command_line: 'echo one\n  echo two\n', wait_for_success: false });
    expect(pool.resource_file).toEqual([{ http_url: 'https://example.com/a' }, { http_url: 'https://example.com/b' }]);
    expect(pool.fixed_scale).toEqual({ target_dedicated_nodes: 2 });
    for (const key of ['name', 'vm_size', 'count']) expect(isHclExpression(pool[key])).toBe(true);
    expect(pool.vm_size.source).toBe('var.size');
    expect(pool.count.node).toMatchObject({ kind: 'conditional', whenFalse: { kind: 'literal', value: -1 } });
  });

  it('parses the expression forms Terraform uses without evaluating them', () => {
    const text = [
      'a = [for s in var.list : upper(s) if s != ""]',
      'b = { for k, v in var.map : k => v... }',
      'c = "%{ if var.x }yes%{ else }no%{ endif } and $${literal} %%{literal}"',
      'd = data.azurerm_subnet.s[0].id',
      'e = var.list[*]',
      'f = provider::terraform::encode_tfvars({ a = 1 })',
      'g = !var.flag && (1 + 2 * 3 >= 4 || var.y == null)',
      'h = <<EOF',
      '  keep ${var.x} indentation',
      'EOF',
      'i = module.m.out.0',
      'j = (',
      '  1 +',
      '  2',
      ')',
    ].join('\n');
    const value = parse(text).value as Record<string, { node: { kind: string } }>;
    expect(Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, entry.node.kind]))).toEqual({
      a: 'for',
      b: 'for',
      c: 'template',
      d: 'attribute',
      e: 'splat',
      f: 'call',
      g: 'binary',
      h: 'template',
      i: 'index',
      j: 'parentheses',
    });
    expect(parse('x = "$${literal} %%{literal}"').value).toEqual({ x: '${literal} %{literal}' });
  });

  it('reads a function name and its "(" on separate lines inside brackets, as aztfmod CAF writes it', () => {
    // The shape of modules/compute/virtual_machine/mssql_vm.tf in aztfmod/terraform-azurerm-caf: `var.keyvaults[try⏎(…)]`.
    const value = parse('a = [try\n(1, 2)]\nb = var.vaults[try\n  (var.key, "default")].name\n').value as { a: { node: unknown }[]; b: { node: { target: { key: unknown } } } };
    expect(value.a[0]!.node).toMatchObject({ kind: 'call', name: 'try' });
    expect(value.b.node.target.key).toMatchObject({ kind: 'call', name: 'try' });
    expect(() => parse('a = try\n(1, 2)\n')).toThrow(SyntaxProblem);
  });

  it('locates keys and values exactly, and falls back to the nearest block that exists', () => {
    const document = parse(SAMPLE);
    const at = (path: (string | number)[], part?: 'key' | 'value') => {
      const { location, exact } = document.locate(path, part);
      return { line: location.line, column: location.column, endColumn: location.endColumn, exact };
    };
    const pool = ['resource', 'azurerm_batch_pool', 'render'];
    expect(at([...pool, 'vm_size'])).toEqual({ line: 11, column: 13, endColumn: 21, exact: true });
    expect(at([...pool, 'vm_size'], 'key')).toEqual({ line: 11, column: 3, endColumn: 10, exact: true });
    expect(at([...pool, 'start_task', 'wait_for_success'])).toEqual({ line: 21, column: 24, endColumn: 29, exact: true });
    expect(at([...pool, 'resource_file', 1, 'http_url'])).toEqual({ line: 28, column: 16, endColumn: 39, exact: true });
    expect(at([...pool, 'tags', 'cost-center'])).toEqual({ line: 13, column: 45, endColumn: 47, exact: true });
    expect(at([...pool, 'start_task', 'max_task_retry_count'])).toEqual({ line: 16, column: 3, endColumn: 13, exact: false });
    expect(at([...pool, 'missing_block', 'x'])).toEqual({ line: 9, column: 1, endColumn: 39, exact: false });
  });

  it('replaces literals, inserts a missing attribute at the block indentation, and never rewrites an expression', () => {
    const document = parse(SAMPLE);
    const pool = ['resource', 'azurerm_batch_pool', 'render'];
    const fixed = (path: (string | number)[], value: string | number | boolean) => applyEdits(SAMPLE, document.setValueEdits([...pool, ...path], value)!);
    expect(fixed(['start_task', 'wait_for_success'], true)).toContain('    wait_for_success = true\n');
    expect(fixed(['start_task', 'command_line'], 'a "quoted" ${x}')).toContain('command_line = "a \\"quoted\\" $${x}"\n    wait_for_success');
    expect(fixed(['start_task', 'task_retry_maximum'], 2)).toContain('    wait_for_success = false\n    task_retry_maximum = 2\n  }');
    expect(fixed(['resource_file', 0, 'file_path'], 'a')).toContain('    http_url = "https://example.com/a"\n    file_path = "a"\n');
    expect(document.setValueEdits([...pool, 'vm_size'], 'Standard_D4s_v3')).toBeUndefined();
    expect(document.setValueEdits([...pool, 'fixed_scale', 'resize_timeout'], 'PT30M')).toBeUndefined();
    expect(document.setValueEdits([...pool, 'auto_scale', 'formula'], 'x')).toBeUndefined();
  });

  it('reports syntax errors with their position', () => {
    const problem = (text: string) => {
      try {
        parse(text);
      } catch (error) {
        expect(error).toBeInstanceOf(SyntaxProblem);
        const { message, offset } = error as SyntaxProblem;
        return { message, offset };
      }
      throw new Error('parsed');
    };
    expect(problem('resource "a" "b" {\n  x = 1\n')).toEqual({ message: 'invalid HCL: a block is not closed: "}" is expected', offset: 17 });
    expect(problem('x = "abc\n')).toMatchObject({ message: 'invalid HCL: a string is not closed on its line', offset: 4 });
    expect(problem('x = 1 2\n')).toMatchObject({ message: 'invalid HCL: expected a new line, found "2"', offset: 6 });
    expect(problem('x = <<EOF\nabc\n')).toMatchObject({ offset: 4 });
    expect(problem('x = "${var.a"\n').message).toMatch(/invalid HCL/);
  });

  it('never crashes: truncated and garbage text parse or give a SyntaxProblem', () => {
    const texts = [
      SAMPLE,
      'x = "${ "${ "${',
      '((((((('.repeat(2000),
      'a = [[[[[[['.repeat(500),
      '}}}}',
      '"',
      '<<',
      'x = <<-',
      '\u0000\u0001',
      '€ = 1',
      'a = b.',
      'a = f(',
      'a { b',
      'a "b" c {}',
      'x = %{',
    ];
    let random = 1;
    for (let index = 0; index < 300; index++) {
      random = (random * 48271) % 2147483647;
      const start = random % SAMPLE.length;
      texts.push(SAMPLE.slice(0, start), SAMPLE.slice(start), SAMPLE.slice(0, start) + SAMPLE.slice(start + 7));
    }
    for (const text of texts) {
      try {
        const document = parse(text);
        document.locate(['resource', 'azurerm_batch_pool', 'render', 'start_task', 'command_line']);
      } catch (error) {
        if (!(error instanceof SyntaxProblem)) throw new Error(`crashed on ${JSON.stringify(text.slice(0, 80))}: ${String(error)}`, { cause: error });
        expect(error.offset).toBeGreaterThanOrEqual(0);
        expect(error.offset).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('is what .tf files parse as, and reads batchlint-disable comments in all three comment styles', async () => {
    expect((await parseFile('pool.tf', 'a = 1\n')).format).toBe('hcl');
    const text =
      '# batchlint-disable-next-line start-task-retries -- retried by the job\nx = 1\n// batchlint-disable-next-line vm-size-unknown\n/* batchlint-disable pool-schema */\n';
    expect(findDirectives(text, 'hcl').map(({ scope, ruleIds, reason, line }) => ({ scope, ruleIds, reason, line }))).toEqual([
      { scope: 'next-line', ruleIds: ['start-task-retries'], reason: 'retried by the job', line: 1 },
      { scope: 'next-line', ruleIds: ['vm-size-unknown'], reason: undefined, line: 3 },
      { scope: 'file', ruleIds: ['pool-schema'], reason: undefined, line: 4 },
    ]);
  });
});
