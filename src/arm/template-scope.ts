import { UnknownValue } from '../sources/unknown.ts';
import { evaluate, type EvaluationScope } from './evaluate.ts';
import { ExpressionSyntaxError, isExpression, parseExpression } from './expression-syntax.ts';

interface TemplateParts {
  parameters?: Record<string, { defaultValue?: unknown } | undefined>;
  variables?: Record<string, unknown>;
}

/**
 * The scope of a template's expressions: parameters from their default values, variables evaluated on
 * first use (a variable that refers to itself, directly or not, is unknown rather than a crash).
 */
export function templateScope(template: TemplateParts): EvaluationScope {
  const variables = new Map<string, unknown>();
  const evaluating = new Set<string>();
  const scope: EvaluationScope = {
    parameter(name) {
      const parameter = template.parameters?.[name];
      if (!parameter) return new UnknownValue(`the template has no parameter "${name}"`);
      return 'defaultValue' in parameter ? resolveValue(parameter.defaultValue, scope) : new UnknownValue(`parameter "${name}" has no default value`);
    },
    variable(name) {
      if (variables.has(name)) return variables.get(name);
      if (!template.variables || !(name in template.variables)) return new UnknownValue(`the template has no variable "${name}"`);
      if (evaluating.has(name)) return new UnknownValue(`variable "${name}" refers to itself`);
      evaluating.add(name);
      const value = resolveValue(template.variables[name], scope);
      evaluating.delete(name);
      variables.set(name, value);
      return value;
    },
  };
  return scope;
}

/** A template value with every expression in it evaluated (or unknown); literal "[[" strings lose one bracket. */
export function resolveValue(value: unknown, scope: EvaluationScope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope));
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (!isExpression(value)) return value;
    try {
      return evaluate(parseExpression(value.slice(1, -1)), scope);
    } catch (error) {
      if (error instanceof ExpressionSyntaxError || error instanceof TypeError) return new UnknownValue(`"${value}" is not a valid template expression: ${error.message}`);
      throw error;
    }
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, resolveValue(member, scope)]));
}
