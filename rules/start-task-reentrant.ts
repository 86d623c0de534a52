import type { PoolRule } from '../src/model/rule.ts';
import { nonReentrantCommands } from '../src/pool/non-reentrant-commands.ts';
import { poolOsType } from '../src/pool/os-type.ts';
import { startTaskCommandLine } from '../src/pool/start-task.ts';

const SECOND_RUN =
  'Batch runs the start task again on the same node after a reboot, and sometimes without one, so the start task then fails (with waitForSuccess the node ends in starttaskfailed).';

export const startTaskReentrantRule: PoolRule = {
  meta: {
    id: 'start-task-reentrant',
    description: 'The start task runs a command that fails when it runs a second time (mkdir without -p, git clone into a fixed folder, ln -s without -f, useradd…).',
    defaultSeverity: 'warning',
    fixable: false,
    facts: ['catalog'],
    messages: {
      mkdir: `{{name}} runs \`{{command}}\`, which fails on the next run because {{target}} already exists. ${SECOND_RUN} Use \`{{safe}}\`.`,
      gitClone: `{{name}} runs \`{{command}}\`, which fails on the next run because {{target}} already exists and is not empty. ${SECOND_RUN} Clone only when it is missing: \`{{safe}}\`.`,
      link: `{{name}} runs \`{{command}}\`, which fails on the next run because the link {{target}} already exists. ${SECOND_RUN} Use \`{{safe}}\`.`,
      account: `{{name}} runs \`{{command}}\`, which fails on the next run because {{target}} already exists. ${SECOND_RUN} Create it only when missing: \`{{safe}}\`.`,
      newItem: `{{name}} runs \`{{command}}\`, which fails on the next run because {{target}} already exists. ${SECOND_RUN} Add -Force: \`{{safe}}\`.`,
    },
    docs: {
      fixableNote: 'the safe form depends on what the script means to happen when the target exists',
      facts: "the pool's OS, from the definition and the catalog's images (a command line without a shell is read as Linux's)",
    },
  },
  check(pool, { facts, report, known }) {
    const commandLine = known(startTaskCommandLine(pool), "the start task's command line");
    if (commandLine === undefined) return;
    const name = pool.displayName(['startTask', 'commandLine']);
    for (const command of nonReentrantCommands(commandLine, poolOsType(pool.spec, facts))) {
      report({
        path: ['startTask', 'commandLine'],
        messageId: command.family,
        data: { name, command: command.command, target: command.target, safe: command.safeForm },
      });
    }
  },
};
