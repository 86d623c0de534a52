import { describe, expect, it } from 'vitest';
import { invokesShell, shellFeatures, wrapInShell } from '../../src/pool/command-line.ts';
import { lintFixtures } from '../helpers/lint-fixture.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('start-task-shell', {
  'linux-and-operator.json': [
    {
      line: 10,
      column: 20,
      severity: 'error',
      message: ['the && operator', 'a redirection', "/bin/bash -c '…'"],
      fixed: (text) =>
        expect((JSON.parse(text) as { startTask: { commandLine: string } }).startTask.commandLine).toBe("/bin/bash -c 'tar xzf tools.tar.gz && ./tools/install.sh > install.log'"),
    },
  ],
  'windows-env-var.yaml': [
    { line: 11, column: 16, message: ['%NAME%', 'cmd /c'], fixed: (text) => expect(text).toContain('  commandLine: cmd /c xcopy tools %AZ_BATCH_NODE_SHARED_DIR%\\tools /E\n') },
  ],
  'windows-ampersand.yaml': [
    {
      line: 8,
      column: 16,
      message: ['a command separator (&)', 'cmd /c'],
      fixed: (text) => expect(text).toContain('  commandLine: cmd /c msiexec /i tools.msi /quiet & del tools.msi\n'),
    },
  ],
  // Wrapped in bash, the URL's unquoted & would end the wget command: the message says what to do, no fix.
  'linux-sas-url-no-fix.json': [{ line: 9, column: 33, message: ['the && operator', "/bin/bash -c '…'"], noFix: true }],
  // Only what both shells share counts when the OS is not known: the pipe, not $NAME.
  'unknown-os-quoted.json': [{ line: 8, column: 33, message: [/uses a pipe \(\|\), but/, '(Linux) or cmd /c'], noFix: true }],
});

describe('shell detection', () => {
  it('recognises the usual ways of starting a shell', () => {
    for (const line of [
      '/bin/sh -c "x && y"',
      'bash -ec "x"',
      '/usr/bin/env bash -l -c x',
      'cmd /c x',
      'cmd.exe /s /c "x"',
      'powershell -Command x',
      'pwsh.exe -c x',
      'powershell Get-Date',
    ]) {
      expect(invokesShell(line), line).toBe(true);
    }
    for (const line of ['bash setup.sh > out.log', 'python3 -c print(1)', 'powershell -File setup.ps1 > x', 'shasum -c sums']) {
      expect(invokesShell(line), line).toBe(false);
    }
  });

  it('finds shell features outside single quotes only, and none in URLs', () => {
    expect(shellFeatures("echo 'a && b | c > d'", 'linux')).toEqual([]);
    expect(shellFeatures('wget https://x.blob.core.windows.net/c/f?sv=1&sp=r;x=1', 'linux')).toEqual([]);
    expect(shellFeatures('azcopy copy --source=https://x.blob.core.windows.net/c/f?sv=1&sp=r;x=1 .', 'linux')).toEqual([]);
    expect(shellFeatures('echo "$HOME" || true', 'linux')).toEqual(['an environment variable ($NAME)', 'the || operator']);
    expect(shellFeatures('cp *.txt out/', 'linux')).toEqual(['a wildcard (*)']);
    expect(shellFeatures('echo `date`', 'linux')).toEqual(['command substitution']);
  });

  it("finds the features of the pool OS's shell only", () => {
    const both = { linux: ['the && operator'], windows: ['the && operator'] };
    expect({ linux: shellFeatures('a && b', 'linux'), windows: shellFeatures('a && b', 'windows') }).toEqual(both);
    expect(shellFeatures('java -cp lib\\a.jar;lib\\b.jar Main', 'windows')).toEqual([]);
    expect(shellFeatures('robocopy . D:\\tools *.dll', 'windows')).toEqual([]);
    expect(shellFeatures('echo $HOME `date` $(date)', 'windows')).toEqual([]);
    expect(shellFeatures('date +%Y%m%d %PATH%', 'linux')).toEqual([]);
    expect(shellFeatures('setup.exe & del setup.exe', 'windows')).toEqual(['a command separator (&)']);
    expect(shellFeatures('setup.exe & del setup.exe', 'linux')).toEqual([]);
    expect(shellFeatures('tool --query a=1&b=2', 'windows')).toEqual([]);
  });

  it('finds only the features both shells share when the OS is not known', () => {
    expect(shellFeatures('a $X %Y% ; b & c *', undefined)).toEqual([]);
    expect(shellFeatures('a || b | c > d', undefined)).toEqual(['the || operator', 'a pipe (|)', 'a redirection (> or <)']);
  });

  it("takes Azure Storage's $web, $root and $logs containers in a URL for names, not variables", () => {
    expect(shellFeatures('curl -O https://a.blob.core.windows.net/$root/x "https://a.blob.core.windows.net/$logs?restype=container"', 'linux')).toEqual([]);
    expect(shellFeatures('curl -O https://a.blob.core.windows.net/$container/x', 'linux')).toEqual(['an environment variable ($NAME)']);
  });

  it('wraps only when the quotes leave no doubt', () => {
    expect(wrapInShell('a && b', 'linux')).toBe("/bin/bash -c 'a && b'");
    expect(wrapInShell("echo 'x' && b", 'linux')).toBeUndefined();
    expect(wrapInShell('a > b', 'windows')).toBe('cmd /c a > b');
    expect(wrapInShell('echo "x" > b', 'windows')).toBeUndefined();
  });

  it('wraps only when the shell would not newly interpret text the program gets literally', () => {
    expect(wrapInShell('wget "https://x/f?a=1&b=2" && tar xf f', 'linux')).toBe(`/bin/bash -c 'wget "https://x/f?a=1&b=2" && tar xf f'`);
    expect(wrapInShell('wget https://x/f?a=1&b=2 && tar xf f', 'linux')).toBeUndefined();
    expect(wrapInShell('azcopy copy https://x/f?a=1&b=2 %TEMP%', 'windows')).toBeUndefined();
    expect(wrapInShell("tool --sep '|' > out.txt", 'windows')).toBeUndefined();
    expect(wrapInShell('tool a^b > out.txt', 'windows')).toBeUndefined();
    expect(wrapInShell('tool https://x/f > out.txt', 'windows')).toBe('cmd /c tool https://x/f > out.txt');
    expect(wrapInShell("tool '%TEMP%' > out.txt", 'windows')).toBeUndefined();
    expect(wrapInShell('curl -O https://a.blob.core.windows.net/$web/x && tar xf x', 'linux')).toBeUndefined();
  });
});

describe('start-task-shell when the OS is not known', () => {
  it('says that a feature of one OS only could not be judged, instead of guessing', async () => {
    const report = await lintFixtures(['fixtures/rules/start-task-shell/valid/unknown-os-one-os-feature.json'], ['start-task-shell']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({
        poolId: 'custom-image-variable',
        reason: expect.stringMatching(/an environment variable \(\$NAME\), a shell feature on one OS only, and the pool's OS is not known/),
      }),
    ]);
  });
});

describeSameDefect('start-task-shell', {
  'Batch JSON': { line: 15, column: 20 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 45, column: 26 },
  Bicep: { line: 25, column: 20 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 22 },
  Terraform: { line: 20, column: 26 },
});
