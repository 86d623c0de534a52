import type { Assignment, Expression, Formula, FunctionCall, Identifier, MemberAccess, MethodCall, Name, Span } from './ast.ts';
import type { DiagnosticCode, FormulaDiagnostic } from './diagnostic.ts';
import { DEALLOCATION_OPTIONS, FUNCTIONS, METHODS, SERVICE_VARIABLES, TIME_INTERVAL_CONSTANTS, TIMESTAMP_MEMBERS, type FunctionSignature } from './signatures.ts';
import { caseVariant, didYouMean, nearest } from './suggest.ts';
import { binaryResult, isNumeric, typeName, unaryResult, type ValueType } from './types.ts';

const OPTION_LIST = 'requeue, terminate, taskcompletion or retaineddata';
const TARGET_NAMES = '$TargetDedicatedNodes or $TargetLowPriorityNodes';

/**
 * Checks a parsed formula against the documented names and types. Conservative: where the docs leave a
 * question open (an undocumented but observed function, case sensitivity, vector/number mixes), it says
 * nothing or warns; errors are for what the service cannot accept or cannot evaluate.
 */
export function checkFormula(formula: Formula): FormulaDiagnostic[] {
  return new Checker(formula).run();
}

class Checker {
  private readonly diagnostics: FormulaDiagnostic[] = [];
  /** User variables set by the statements checked so far, with the type of their last value. */
  private readonly userVariables = new Map<string, ValueType>();
  /** Where each user variable is first set, to tell "read before it is set" from "never set". */
  private readonly firstAssignment = new Map<string, Name>();
  /** Identifiers already reported in a more specific way (a bad `$NodeDeallocationOption` value). */
  private readonly reported = new Set<Expression>();
  /** Names already reported as unresolved: one finding per name, at its first read. */
  private readonly unresolved = new Set<string>();
  private targetSet = false;

  constructor(private readonly formula: Formula) {
    for (const statement of formula.statements) {
      if (statement.kind === 'assignment' && !this.firstAssignment.has(statement.target.text)) this.firstAssignment.set(statement.target.text, statement.target);
    }
  }

  run(): FormulaDiagnostic[] {
    for (const statement of this.formula.statements) {
      if (statement.kind === 'assignment') this.assignment(statement);
      else this.typeOf(statement.expression);
    }
    if (!this.targetSet) {
      this.report('warning', 'no-target', `no statement sets ${TARGET_NAMES} (or the legacy $TargetDedicated, $TargetLowPriority): the formula never changes the pool's size`, {
        offset: 0,
        length: 0,
      });
    }
    return this.diagnostics;
  }

  private assignment(statement: Assignment): void {
    const { target, value } = statement;
    const service = SERVICE_VARIABLES.get(target.text);
    if (target.text === '$NodeDeallocationOption') this.deallocationValue(value);
    const valueType = this.typeOf(value);
    if (service) {
      if (service.access === 'read-only') {
        this.report(
          'error',
          'read-only-assigned',
          `'${target.text}' is read-only: a formula can set only $TargetDedicatedNodes, $TargetLowPriorityNodes and $NodeDeallocationOption`,
          target,
        );
      } else if (service.target) {
        this.targetSet = true;
        if (!isNumeric(valueType) && valueType !== 'unknown') this.report('error', 'type', `'${target.text}' takes a number of nodes, not ${typeName(valueType)}`, value);
      }
      return;
    }
    if (TIME_INTERVAL_CONSTANTS.has(target.text)) {
      this.report('error', 'constant-assigned', `'${target.text}' is a constant and cannot be assigned`, target);
      return;
    }
    const intended = target.text.startsWith('$') ? caseVariant(target.text, SERVICE_VARIABLES.keys()) : undefined;
    if (intended) {
      this.report(
        'warning',
        'case-mismatch',
        `'${target.text}' is not the service variable '${intended}' (the docs spell names exactly): as written it sets a user variable`,
        target,
      );
    }
    this.userVariables.set(target.text, valueType);
  }

  /** The values a `$NodeDeallocationOption` assignment can take, through `?:` branches. */
  private deallocationValue(value: Expression): void {
    if (value.kind === 'conditional') {
      this.deallocationValue(value.consequent);
      this.deallocationValue(value.alternate);
      return;
    }
    if (value.kind === 'identifier') {
      // A `$` name is a variable (set or not, `identifier` says); only a bare word can be meant as an option.
      if (value.name.startsWith('$') || DEALLOCATION_OPTIONS.has(value.name) || this.userVariables.has(value.name)) return;
      const intended = caseVariant(value.name, DEALLOCATION_OPTIONS);
      this.reported.add(value);
      if (intended) this.report('warning', 'case-mismatch', `'${value.name}' is spelled '${intended}' in the docs`, value);
      else
        this.report(
          'error',
          'deallocation-option',
          `'${value.name}' is not a $NodeDeallocationOption value: use ${OPTION_LIST}${didYouMean(nearest(value.name, DEALLOCATION_OPTIONS))}`,
          value,
        );
      return;
    }
    if (value.kind === 'string') {
      this.report(
        DEALLOCATION_OPTIONS.has(value.value) ? 'warning' : 'error',
        'deallocation-option',
        `$NodeDeallocationOption takes a bare word (${OPTION_LIST}), not a string`,
        value,
      );
      return;
    }
    if (value.kind === 'number') this.report('warning', 'deallocation-option', `$NodeDeallocationOption takes ${OPTION_LIST}, not a number`, value);
  }

  private typeOf(expression: Expression): ValueType {
    switch (expression.kind) {
      case 'number':
        return 'double';
      case 'string':
        return 'string';
      case 'identifier':
        return this.identifier(expression);
      case 'vector':
        for (const element of expression.elements) this.expectNumeric(element, 'a vector holds numbers');
        return 'doubleVec';
      case 'call':
        return this.call(expression);
      case 'method':
        return this.method(expression);
      case 'member':
        return this.member(expression);
      case 'unary': {
        const operand = this.typeOf(expression.operand);
        const result = unaryResult(expression.operator, operand);
        if (result) return result;
        this.report('error', 'type', `'${expression.operator}' does not apply to ${typeName(operand)}`, { offset: expression.offset, length: 1 });
        return 'unknown';
      }
      case 'binary': {
        const left = this.typeOf(expression.left);
        const right = this.typeOf(expression.right);
        const result = binaryResult(expression.operator, left, right);
        if (result) return result;
        this.report('error', 'type', `'${expression.operator}' does not combine ${typeName(left)} and ${typeName(right)}`, {
          offset: expression.operatorOffset,
          length: expression.operator.length,
        });
        return 'unknown';
      }
      case 'conditional': {
        this.expectNumeric(expression.test, "the condition of '?:' must be a number (nonzero is true)");
        const consequent = this.typeOf(expression.consequent);
        const alternate = this.typeOf(expression.alternate);
        if (consequent === alternate) return consequent;
        return isNumeric(consequent) && isNumeric(alternate) ? 'doubleVec' : 'unknown';
      }
    }
  }

  private expectNumeric(expression: Expression, why: string): void {
    const type = this.typeOf(expression);
    if (!isNumeric(type) && type !== 'unknown') this.report('error', 'type', `${why}; this is ${typeName(type)}`, expression);
  }

  private identifier(identifier: Identifier): ValueType {
    const { name } = identifier;
    const known = SERVICE_VARIABLES.get(name)?.type ?? this.userVariables.get(name);
    if (known) return known;
    if (TIME_INTERVAL_CONSTANTS.has(name)) return 'timeinterval';
    if (DEALLOCATION_OPTIONS.has(name)) return 'deallocationOption';
    if (this.reported.has(identifier)) return 'unknown';
    const candidates = name.startsWith('$') ? SERVICE_VARIABLES.keys() : [...TIME_INTERVAL_CONSTANTS, ...DEALLOCATION_OPTIONS];
    const intended = caseVariant(name, candidates);
    if (intended) {
      this.report('warning', 'case-mismatch', `'${name}' is spelled '${intended}' in the docs; as written it may be read as an unset user variable`, identifier);
      return SERVICE_VARIABLES.get(intended)?.type ?? (TIME_INTERVAL_CONSTANTS.has(intended) ? 'timeinterval' : 'deallocationOption');
    }
    if (this.unresolved.has(name)) return 'unknown';
    this.unresolved.add(name);
    // Not set so far: a statement at or after this one sets it, or none does.
    const firstSet = this.firstAssignment.get(name);
    if (firstSet) {
      const where = firstSet.offset > identifier.offset ? 'a later statement' : 'this statement';
      this.report('error', 'read-before-set', `'${name}' is read before it is set (${where} is the first to set it): the evaluation fails`, identifier);
    } else if (name.startsWith('$') && nearest(name, SERVICE_VARIABLES.keys())) {
      this.report('error', 'unknown-service-variable', `unknown service variable '${name}'${didYouMean(nearest(name, SERVICE_VARIABLES.keys()))}`, identifier);
    } else if (name.startsWith('TimeInterval_')) {
      this.report('error', 'unknown-constant', `unknown constant '${name}'${didYouMean(nearest(name, TIME_INTERVAL_CONSTANTS))}`, identifier);
    } else {
      this.report('error', 'unknown-variable', `'${name}' is not set by any earlier statement and is not a service variable or constant`, identifier);
    }
    return 'unknown';
  }

  private call(call: FunctionCall): ValueType {
    const argumentTypes = call.args.map((argument) => this.typeOf(argument));
    const name = call.callee.text;
    let signature = FUNCTIONS.get(name);
    if (!signature) {
      const intended = caseVariant(name, FUNCTIONS.keys());
      if (!intended) {
        this.report('error', 'unknown-function', `unknown function '${name}'${didYouMean(nearest(name, FUNCTIONS.keys()))}`, call.callee);
        return 'unknown';
      }
      this.report('warning', 'case-mismatch', `the function '${name}' is spelled '${intended}' in the docs`, call.callee);
      signature = FUNCTIONS.get(intended)!;
    }
    this.callArguments(call, signature, argumentTypes);
    if (signature.returns !== 'shape') return signature.returns;
    if (argumentTypes.includes('unknown')) return 'unknown';
    return argumentTypes.length === 1 && argumentTypes[0] === 'double' ? 'double' : 'doubleVec';
  }

  private callArguments(call: FunctionCall, signature: FunctionSignature, argumentTypes: ValueType[]): void {
    const name = call.callee.text;
    const count = call.args.length;
    if (signature.parameters === 'list') {
      if (count === 0) this.report('warning', 'arity', `'${name}()' without arguments is not documented: it takes one or more doubles or doubleVecs`, call);
      call.args.forEach((argument, index) => {
        const type = argumentTypes[index]!;
        if (!isNumeric(type) && type !== 'unknown') this.report('error', 'type', `'${name}' takes doubles and doubleVecs; this argument is ${typeName(type)}`, argument);
      });
      return;
    }
    const most = signature.parameters.length;
    const fewest = most - (signature.optional ?? 0);
    if (count < fewest || count > most) {
      const expected = fewest === most ? `${most} argument${most === 1 ? '' : 's'}` : `${fewest} to ${most} arguments`;
      this.report(signature.undocumented ? 'warning' : 'error', 'arity', `'${name}' takes ${expected}, not ${count}`, call);
      return;
    }
    if (signature.undocumented) return;
    signature.parameters.forEach((parameter, index) => {
      const type = argumentTypes[index];
      const argument = call.args[index];
      if (!argument || !type || type === 'unknown') return;
      const fits = parameter === 'string' ? type === 'string' : isNumeric(type);
      if (!fits)
        this.report(
          'error',
          'type',
          `argument ${index + 1} of '${name}' must be ${parameter === 'string' ? 'a string' : 'a double or doubleVec'}; this is ${typeName(type)}`,
          argument,
        );
    });
  }

  private method(call: MethodCall): ValueType {
    const name = call.method.text;
    const known = METHODS.has(name) || caseVariant(name, METHODS.keys()) !== undefined;
    // A method no variable has is that one problem; what it was called on matters only for a real method.
    let targetIsSampleVariable = false;
    if (known) targetIsSampleVariable = this.methodTarget(call);
    else this.typeOf(call.target);
    const argumentTypes = call.args.map((argument) => this.typeOf(argument));
    let signature = METHODS.get(name);
    if (!signature) {
      const intended = caseVariant(name, METHODS.keys());
      if (!intended) {
        this.report(
          'error',
          'unknown-method',
          `unknown method '${name}': the sample variables have ${[...METHODS.keys()].join(', ')}${didYouMean(nearest(name, METHODS.keys()))}`,
          call.method,
        );
        return 'unknown';
      }
      this.report('warning', 'case-mismatch', `the method '${name}' is spelled '${intended}' in the docs`, call.method);
      signature = METHODS.get(intended)!;
    }
    const count = call.args.length;
    const most = signature.parameters.length;
    const span = { offset: call.method.offset, length: call.offset + call.length - call.method.offset };
    if (count < signature.required || count > most) {
      const expected = signature.required === most ? `${most} argument${most === 1 ? '' : 's'}` : `${signature.required} to ${most} arguments`;
      this.report('error', 'arity', `'${name}' takes ${expected}, not ${count}`, span);
      return signature.returns;
    }
    argumentTypes.forEach((type, index) => {
      const allowed = signature.parameters[index]!;
      const fits = type === 'unknown' || (type === 'doubleVec' ? allowed.includes('double') : (allowed as readonly string[]).includes(type));
      if (!fits) this.report('error', 'type', `argument ${index + 1} of '${name}' must be ${allowed.join(' or ')}; this is ${typeName(type)}`, call.args[index]!);
    });
    if (name === 'GetSample' && count > 1 && argumentTypes[0] === 'double') {
      this.report('warning', 'arity', "GetSample(count) takes only the count; a start time (e.g. 'TimeInterval_Minute * 5') comes first in the other forms", span);
    }
    return targetIsSampleVariable ? signature.returns : 'unknown';
  }

  /** Methods belong to the service variables; says whether this target is one (reporting when it is not). */
  private methodTarget(call: MethodCall): boolean {
    const { target } = call;
    if (target.kind === 'identifier' && target.name.startsWith('$')) {
      if (target.name === '$NodeDeallocationOption') {
        this.report('error', 'method-target', `'$NodeDeallocationOption' has no methods`, target);
        return false;
      }
      if (SERVICE_VARIABLES.has(target.name)) return true;
      if (!this.userVariables.has(target.name)) return this.typeOf(target) !== 'unknown';
    }
    const type = this.typeOf(target);
    if (type !== 'unknown') {
      const what = target.kind === 'identifier' ? `'${target.name}' is a user variable` : `this is ${typeName(type)}`;
      this.report('error', 'method-target', `'${call.method.text}' is a method of the service's sample variables ($PendingTasks, $CPUPercent, …); ${what}`, call.method);
    }
    return false;
  }

  private member(access: MemberAccess): ValueType {
    const { target, member } = access;
    if (target.kind === 'identifier' && SERVICE_VARIABLES.has(target.name) && METHODS.has(member.text)) {
      this.report('error', 'unknown-member', `'${member.text}' is a method: call it as '${target.name}.${member.text}()'`, member);
      return 'unknown';
    }
    const type = this.typeOf(target);
    if (type === 'unknown') return 'unknown';
    if (type !== 'timestamp') {
      this.report('error', 'type', `'.${member.text}' reads a member of a timestamp; this is ${typeName(type)}`, member);
      return 'unknown';
    }
    if (TIMESTAMP_MEMBERS.has(member.text)) return 'double';
    const intended = caseVariant(member.text, TIMESTAMP_MEMBERS);
    if (intended) {
      this.report('warning', 'case-mismatch', `the timestamp member '${member.text}' is spelled '${intended}' in the docs`, member);
      return 'double';
    }
    this.report(
      'error',
      'unknown-member',
      `a timestamp has no member '${member.text}': it has ${[...TIMESTAMP_MEMBERS].join(', ')}${didYouMean(nearest(member.text, TIMESTAMP_MEMBERS))}`,
      member,
    );
    return 'unknown';
  }

  private report(severity: FormulaDiagnostic['severity'], code: DiagnosticCode, message: string, span: Span): void {
    this.diagnostics.push({ severity, code, message, offset: span.offset, length: span.length });
  }
}
