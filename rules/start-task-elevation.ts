import type { PoolRule } from '../src/model/rule.ts';
import { packageInstalls } from '../src/pool/package-install.ts';
import { startTaskCommandLine } from '../src/pool/start-task.ts';
import type { PoolDefinition } from '../src/model/pool-definition.ts';
import { isKnown, isUnknown, unknownValue, type UnknownValue } from '../src/model/unknown.ts';

export const startTaskElevationRule: PoolRule = {
  meta: {
    id: 'start-task-elevation',
    description: 'The start task installs packages but runs without administrator rights, so the install fails on every node.',
    defaultSeverity: 'error',
    fixable: false,
    facts: [],
    messages: {
      notAdmin:
        'The start task runs {{installs}} as {{who}}, which has no administrator rights: the install fails ' +
        'and the node ends in starttaskfailed. Run the start task elevated: set {{elevation}} to admin ' +
        '(with scope pool), or name a pool user account whose elevationLevel is admin.',
    },
    docs: {
      fixableNote: 'granting administrator rights is a security decision',
    },
  },
  check(pool, { report, known }) {
    const commandLine = known(startTaskCommandLine(pool), "the start task's command line");
    if (commandLine === undefined) return;
    const installs = packageInstalls(commandLine);
    if (installs.length === 0) return;
    const identity = known(runsAsAdmin(pool), "the start task's user");
    if (identity.admin) return;
    const elevation = pool.displayName(['startTask', 'userIdentity', 'autoUser', 'elevationLevel']);
    report({ path: identity.path, messageId: 'notAdmin', data: { installs: installs.join(', '), who: identity.who, elevation } });
  },
};

interface Identity {
  admin: boolean;
  who: string;
  path: (string | number)[];
}

function runsAsAdmin(pool: PoolDefinition): Identity | UnknownValue {
  const startTask = pool.spec.startTask;
  if (!isKnown(startTask)) return unknownValue('the start task is not known');
  const identity = startTask.userIdentity;
  if (isUnknown(identity)) return identity;
  if (!isKnown(identity)) return { admin: false, who: 'the default non-admin task user', path: ['startTask', 'userIdentity'] };
  const autoUser = identity.autoUser;
  if (isUnknown(autoUser)) return autoUser;
  if (isKnown(autoUser)) {
    const level = autoUser.elevationLevel;
    if (isUnknown(level)) return level;
    const admin = typeof level === 'string' && level.toLowerCase() === 'admin';
    return { admin, who: 'a non-admin auto user', path: ['startTask', 'userIdentity', 'autoUser', 'elevationLevel'] };
  }
  const userName = identity.username;
  if (isUnknown(userName)) return userName;
  if (typeof userName !== 'string') return { admin: false, who: 'the default non-admin task user', path: ['startTask', 'userIdentity'] };
  return accountIdentity(pool, userName);
}

function accountIdentity(pool: PoolDefinition, userName: string): Identity | UnknownValue {
  const accounts = pool.spec.userAccounts;
  if (isUnknown(accounts)) return accounts;
  const index = (accounts ?? []).findIndex((account) => isKnown(account) && account.name === userName);
  const account = accounts?.[index];
  if (!isKnown(account)) return unknownValue(`the user account "${userName}" is not defined in the pool`);
  if (isUnknown(account.elevationLevel)) return account.elevationLevel;
  const admin = typeof account.elevationLevel === 'string' && account.elevationLevel.toLowerCase() === 'admin';
  return { admin, who: `the user account "${userName}" (non-admin)`, path: ['userAccounts', index, 'elevationLevel'] };
}
