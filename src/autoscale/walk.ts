import type { Expression, Formula } from './ast.ts';

/** Every expression of the formula, outer ones before the ones inside them, in statement order. */
export function expressionsOf(formula: Formula): Expression[] {
  const found: Expression[] = [];
  const visit = (expression: Expression): void => {
    found.push(expression);
    for (const inner of childrenOf(expression)) visit(inner);
  };
  for (const statement of formula.statements) visit(statement.kind === 'assignment' ? statement.value : statement.expression);
  return found;
}

function childrenOf(expression: Expression): Expression[] {
  switch (expression.kind) {
    case 'vector':
      return expression.elements;
    case 'call':
      return expression.args;
    case 'method':
      return [expression.target, ...expression.args];
    case 'member':
      return [expression.target];
    case 'unary':
      return [expression.operand];
    case 'binary':
      return [expression.left, expression.right];
    case 'conditional':
      return [expression.test, expression.consequent, expression.alternate];
    default:
      return [];
  }
}
