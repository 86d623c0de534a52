import { describe, expect, it } from 'vitest';
import { invokesShell, shellFeatures, wrapInShell } from '../../src/pool/command-line.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('start-task-shell', {
  'linux-and-operator.json': [
    {
      line: 10,
      column: 20,
      severity: 'error',
      message: ['the && operator', 'a redirection', "/bin/bash -c '…'"],
      fixed: (text) => expect(JSON.parse(text).startTask.commandLine).toBe("/bin/bash -c 'tar xzf tools.tar.gz && ./tools/install.sh > install.log'"),
    },
  ],
  'windows-env-var.yaml': [
    { line: 11, column: 16, message: ['%NAME%', 'cmd /c'], fixed: (text) => expect(text).toContain('  commandLine: cmd /c xcopy tools %AZ_BATCH_NODE_SHARED_DIR%\\tools /E\n') },
  ],
  'unknown-os-quoted.json': [{ line: 8, column: 33, message: ['$NAME', 'a pipe', '(Linux) or cmd /c'], noFix: true }],
});

describe('shell detection', () => {
  it('recognises the usual ways of starting a shell', () => {
    for (const line of ['/bin/sh -c "x && y"', 'bash -ec "x"', '/usr/bin/env bash -l -c x', 'cmd /c x', 'cmd.exe /s /c "x"', 'powershell -Command x', 'pwsh.exe -c x', 'powershell Get-Date']) {
      expect(invokesShell(line), line).toBe(true);
    }
    for (const line of ['bash setup.sh > out.log', 'python3 -c print(1)', 'powershell -File setup.ps1 > x', 'shasum -c sums']) {
      expect(invokesShell(line), line).toBe(false);
    }
  });

  it('finds shell features outside single quotes only, and none in URLs', () => {
    expect(shellFeatures("echo 'a && b | c > d'")).toEqual([]);
    expect(shellFeatures('wget https://x.blob.core.windows.net/c/f?sv=1&sp=r;x=1')).toEqual([]);
    expect(shellFeatures('echo "$HOME" || true')).toEqual(['an environment variable ($NAME)', 'the || operator']);
    expect(shellFeatures('cp *.txt out/')).toEqual(['a wildcard (*)']);
    expect(shellFeatures('echo `date`')).toEqual(['command substitution']);
  });

  it('wraps only when the quotes leave no doubt', () => {
    expect(wrapInShell('a && b', 'linux')).toBe("/bin/bash -c 'a && b'");
    expect(wrapInShell("echo 'x' && b", 'linux')).toBeUndefined();
    expect(wrapInShell('a > b', 'windows')).toBe('cmd /c a > b');
    expect(wrapInShell('echo "x" > b', 'windows')).toBeUndefined();
  });
});
