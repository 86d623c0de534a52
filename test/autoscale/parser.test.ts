import { describe, expect, it } from 'vitest';
import type { Expression, Formula } from '../../src/autoscale/ast.ts';
import { parseFormula } from '../../src/autoscale/parser.ts';

/** An expression in prefix form, to compare structure (precedence, nesting) at a glance. */
function lisp(expression: Expression): string {
  switch (expression.kind) {
    case 'number':
      return String(expression.value);
    case 'string':
      return JSON.stringify(expression.value);
    case 'identifier':
      return expression.name;
    case 'vector':
      return `[${expression.elements.map(lisp).join(' ')}]`;
    case 'call':
      return `(${expression.callee.text}${expression.args.map((arg) => ` ${lisp(arg)}`).join('')})`;
    case 'method':
      return `(.${expression.method.text} ${lisp(expression.target)}${expression.args.map((arg) => ` ${lisp(arg)}`).join('')})`;
    case 'member':
      return `(.${expression.member.text} ${lisp(expression.target)})`;
    case 'unary':
      return `(${expression.operator} ${lisp(expression.operand)})`;
    case 'binary':
      return `(${expression.operator} ${lisp(expression.left)} ${lisp(expression.right)})`;
    case 'conditional':
      return `(? ${lisp(expression.test)} ${lisp(expression.consequent)} ${lisp(expression.alternate)})`;
  }
}

function parsed(source: string): Formula {
  const result = parseFormula(source);
  expect(result.diagnostics).toEqual([]);
  return result.formula!;
}

function value(source: string): string {
  const statement = parsed(source).statements[0]!;
  return lisp(statement.kind === 'assignment' ? statement.value : statement.expression);
}

describe('parseFormula: structure', () => {
  it('binds * / over + -, and those over comparisons, && and ||', () => {
    expect(value('x = 1 + 2 * 3 - 4 / 2')).toBe('(- (+ 1 (* 2 3)) (/ 4 2))');
    expect(value('x = a < b + 1 && c == d || !e')).toBe('(|| (&& (< a (+ b 1)) (== c d)) (! e))');
    expect(value('x = -6 * TimeInterval_Hour')).toBe('(* (- 6) TimeInterval_Hour)');
  });

  it('nests conditionals to the right and accepts any expression in each branch', () => {
    expect(value('x = a ? 1 : b ? 2 : 3')).toBe('(? a 1 (? b 2 3))');
    expect(value('x = (a > 0 ? b : c) * 2')).toBe('(* (? (> a 0) b c) 2)');
  });

  it('reads calls, methods of sample variables, timestamp members and vectors', () => {
    expect(value('x = max(0, $PendingTasks.GetSample(180 * TimeInterval_Second, 70))')).toBe('(max 0 (.GetSample $PendingTasks (* 180 TimeInterval_Second) 70))');
    expect(value('x = time().weekday == 1')).toBe('(== (.weekday (time)) 1)');
    expect(value('x = avg([1, 2, 3], 7)')).toBe('(avg [1 2 3] 7)');
    expect(value('x = $CPUPercent.Count()')).toBe('(.Count $CPUPercent)');
    expect(value('x = time("2024-10-30T00:00:00Z")')).toBe('(time "2024-10-30T00:00:00Z")');
  });

  it("spans a statement to its last token, the ')' of a value in parentheses included", () => {
    const text = '$TargetDedicatedNodes = (1 + 2); (3)';
    const [assignment, expression] = parsed(text).statements;
    expect(text.slice(assignment!.offset, assignment!.offset + assignment!.length)).toBe('$TargetDedicatedNodes = (1 + 2)');
    expect(text.slice(expression!.offset, expression!.offset + expression!.length)).toBe('(3)');
  });

  it('keeps assignments apart from expression statements', () => {
    const { statements } = parsed('$TargetDedicatedNodes = 1; stop(); $CPUPercent.GetSample(TimeInterval_Minute * 5)');
    expect(statements.map((statement) => statement.kind)).toEqual(['assignment', 'expression', 'expression']);
  });

  it('accepts empty statements, a missing final semicolon and an empty formula', () => {
    expect(parsed(';;a = 1;;b = 2').statements).toHaveLength(2);
    expect(parsed('  // only a comment\n').statements).toEqual([]);
  });
});

describe('parseFormula: positions', () => {
  const source = '$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(180 * TimeInterval_Second, 70));';

  it('gives each node its span in the formula text', () => {
    const statement = parsed(source).statements[0]!;
    expect(statement).toMatchObject({ kind: 'assignment', offset: 0, length: source.length - 1, target: { text: '$TargetDedicatedNodes', offset: 0, length: 21 } });
    const call = statement.kind === 'assignment' ? statement.value : undefined;
    expect(call).toMatchObject({ kind: 'call', offset: 24, length: 63, callee: { text: 'min', offset: 24, length: 3 } });
    const method = call?.kind === 'call' ? call.args[1] : undefined;
    expect(method).toMatchObject({ kind: 'method', offset: 32, length: 54, method: { text: 'GetSample', offset: 46, length: 9 } });
    const product = method?.kind === 'method' ? method.args[0] : undefined;
    expect(product).toMatchObject({ kind: 'binary', operator: '*', offset: 56, length: 25, operatorOffset: 60 });
  });

  it('spans a parenthesised expression without its parentheses, and a unary with its operator', () => {
    const statement = parsed('x = (1 + 2) * -y').statements[0]!;
    expect(statement.kind === 'assignment' && statement.value).toMatchObject({
      kind: 'binary',
      offset: 5,
      length: 11,
      left: { kind: 'binary', offset: 5, length: 5 },
      right: { kind: 'unary', offset: 14, length: 2 },
    });
  });
});

describe('parseFormula: errors and warnings', () => {
  it('warns about a statement that runs on after a line break without a semicolon, and still parses both', () => {
    const result = parseFormula('$TargetDedicatedNodes = min(400, n)\n$NodeDeallocationOption = taskcompletion;');
    expect(result.formula?.statements).toHaveLength(2);
    expect(result.diagnostics).toEqual([{ severity: 'warning', code: 'missing-semicolon', message: expect.stringContaining("missing ';'"), offset: 35, length: 0 }]);
  });

  it('reports only the first place the formula cannot continue, and no tree', () => {
    const result = parseFormula('a = ;\nb = )');
    expect(result.formula).toBeUndefined();
    expect(result.diagnostics).toEqual([{ severity: 'error', code: 'syntax', message: "expected an expression after '=', found ';'", offset: 4, length: 1 }]);
  });

  it('prefers the lexer error when the parser only meets the place the lexer stopped', () => {
    expect(parseFormula('a = 1 + #').diagnostics).toEqual([{ severity: 'error', code: 'syntax', message: "unexpected character '#'", offset: 8, length: 1 }]);
  });

  it('names the end of the formula when the formula stops short', () => {
    expect(parseFormula('a = max(1, 2').diagnostics[0]).toMatchObject({
      message: "expected ',' or ')' in the arguments of 'max', found the end of the formula",
      offset: 12,
      length: 0,
    });
    expect(parseFormula('a = 1 +').diagnostics[0]).toMatchObject({ message: "expected an expression after '+', found the end of the formula", offset: 7 });
  });

  it('refuses to call a variable and to put a $ name after a dot', () => {
    expect(parseFormula('a = $x(1)').diagnostics[0]).toMatchObject({ message: "'$x' is a variable, not a function: it cannot be called", offset: 6 });
    expect(parseFormula('a = b.$c').diagnostics[0]).toMatchObject({ message: "expected a method or member name after '.', found '$c'", offset: 6 });
  });

  it('refuses a statement that starts with an operator it cannot start with', () => {
    expect(parseFormula('a = 1; * 2').diagnostics[0]).toMatchObject({ message: "expected a statement, found '*'", offset: 7 });
  });
});
