import type { PoolRule } from '../src/model/rule.ts';
import { invokesShell, shellFeatures, wrapInShell } from '../src/pool/command-line.ts';
import { poolOsType } from '../src/pool/os-type.ts';
import { startTaskCommandLine } from '../src/pool/start-task.ts';

export const startTaskShellRule: PoolRule = {
  meta: {
    id: 'start-task-shell',
    description: "The start task uses its OS's shell features ($VAR or %VAR%, &&, |, >…) but Batch runs command lines without a shell.",
    defaultSeverity: 'error',
    fixable: true,
    facts: ['catalog'],
    messages: {
      shellFeatures:
        '{{name}} uses {{features}}, but Batch does not run command lines under a shell, so they are passed ' +
        'literally to the program and the start task fails or does something else. Run it through a shell: {{shell}}.',
    },
    docs: {
      fixableNote: 'when the wrapping is unambiguous (below)',
      facts: "the pool's OS, from the definition and the catalog's images",
    },
  },
  check(pool, { facts, report, notChecked, known }) {
    const commandLine = known(startTaskCommandLine(pool), "the start task's command line");
    if (commandLine === undefined || invokesShell(commandLine)) return;
    const os = poolOsType(pool.spec, facts);
    const features = shellFeatures(commandLine, os);
    if (features.length === 0) {
      if (os === undefined) notCheckedForOs(commandLine, notChecked);
      return;
    }

    const shell = os === 'windows' ? 'cmd /c …' : os === 'linux' ? "/bin/bash -c '…'" : "/bin/bash -c '…' (Linux) or cmd /c … (Windows)";
    const wrapped = os && wrapInShell(commandLine, os);
    const name = pool.displayName(['startTask', 'commandLine']);
    report({
      path: ['startTask', 'commandLine'],
      messageId: 'shellFeatures',
      data: { name, features: features.join(', '), shell },
      ...(wrapped && { fix: { description: `run the command line through ${os === 'windows' ? 'cmd /c' : '/bin/bash -c'}`, path: ['startTask', 'commandLine'], value: wrapped } }),
    });
  },
};

/** Features that are a shell's on one OS only ($NAME on Linux, %NAME% on Windows) need the pool's OS to tell. */
function notCheckedForOs(commandLine: string, notChecked: (reason: string) => void): void {
  const osSpecific = [...new Set([...shellFeatures(commandLine, 'linux'), ...shellFeatures(commandLine, 'windows')])];
  if (osSpecific.length > 0) {
    notChecked(`the start task's command line uses ${osSpecific.join(', ')}, a shell feature on one OS only, and the pool's OS is not known from the definition`);
  }
}
