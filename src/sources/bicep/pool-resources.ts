import { resourceBody } from '../../documents/bicep/bicep-document.ts';
import type { Expression, ResourceDeclaration } from '../../documents/bicep/syntax.ts';
import { isUnknown, UnknownValue } from '../../model/unknown.ts';
import { NO_LOCALS, type BicepScope, type Locals } from './bicep-scope.ts';

const POOL_TYPE = 'microsoft.batch/batchaccounts/pools';
/** ARM deploys at most 800 copies of a resource; a longer loop is checked once, its loop variables unknown. */
const MAX_COPIES = 800;
const TOO_MANY_COPIES = new UnknownValue(`a loop of more than ${MAX_COPIES} copies, more than ARM deploys`);
const ACCOUNT_TYPE = 'microsoft.batch/batchaccounts';

/** One copy of a pool resource: its declaration, its name in the document (`account::pool` when nested), and its loop variables. */
export interface BicepPoolResource {
  declaration: ResourceDeclaration;
  name: string;
  locals: Locals;
  apiVersion: string | undefined;
}

/**
 * The pools a Bicep file deploys: `Microsoft.Batch/batchAccounts/pools` resources at the top level (named
 * `'account/pool'`, or with `parent:`), and `pools` declared inside a Batch account's body. A pool declared
 * `existing` deploys nothing, nor does one whose condition is false. A loop over an array known statically
 * deploys a pool per item, each checked with its own loop variables; over an unknown array, the pool is
 * checked once, with its loop variables unknown.
 */
export function poolResources(scope: BicepScope): BicepPoolResource[] {
  return scope.document.value.statements.flatMap((statement) => (statement.kind === 'resource' ? poolsIn(statement, statement.name, scope, NO_LOCALS, undefined) : []));
}

/** A nested resource's type may be relative to its parent's (`'pools'`), and then it has its parent's API version. */
function poolsIn(resource: ResourceDeclaration, name: string, scope: BicepScope, locals: Locals, parent: { type: string; apiVersion?: string } | undefined): BicepPoolResource[] {
  const written = scope.evaluate(resource.type);
  if (typeof written !== 'string') return [];
  const [type = '', ownVersion] = written.split('@');
  const relative = parent !== undefined && !type.includes('/');
  const fullType = (relative ? `${parent.type}/${type}` : type).toLowerCase();
  const apiVersion = ownVersion ?? (relative ? parent.apiVersion : undefined);
  if (fullType === POOL_TYPE) return resource.existing ? [] : copiesOf(resource.value, scope, locals).map((copy) => ({ declaration: resource, name, locals: copy, apiVersion }));
  if (fullType !== ACCOUNT_TYPE) return [];
  // A pool may be declared inside an account that exists already.
  const nested = resourceBody(resource.value)?.resources ?? [];
  return copiesOf(resource.value, scope, locals).flatMap((copy) =>
    nested.flatMap((child) => poolsIn(child, `${name}::${child.name}`, scope, copy, { type: ACCOUNT_TYPE, ...(apiVersion !== undefined && { apiVersion }) })),
  );
}

/** The loop variables of each copy a resource's value deploys, leaving out the copies whose condition is known to be false. */
export function copiesOf(value: Expression, scope: BicepScope, locals: Locals): Locals[] {
  let copies: Locals[] = [locals];
  let body = value;
  if (value.kind === 'for') {
    const items = scope.loopItems(value, locals);
    copies = isUnknown(items) ? [scope.unknownLoop(value, locals, items)] : items.length > MAX_COPIES ? [scope.unknownLoop(value, locals, TOO_MANY_COPIES)] : items;
    body = value.body;
  }
  if (body.kind !== 'if') return copies;
  const condition = body.condition;
  return copies.filter((copy) => scope.evaluate(condition, copy) !== false);
}
