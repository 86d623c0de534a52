import { describe, expect, it } from 'vitest';
import { nonReentrantCommands } from '../../src/pool/non-reentrant-commands.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('start-task-reentrant', {
  'linux-mkdir.json': [
    { line: 10, column: 20, severity: 'warning', messageId: 'mkdir', message: ['`mkdir /opt/tools`', 'again on the same node after a reboot', '`mkdir -p /opt/tools`'] },
  ],
  'linux-git-clone.yaml': [
    {
      line: 8,
      column: 16,
      messageId: 'gitClone',
      message: ['$AZ_BATCH_NODE_SHARED_DIR/pipeline already exists', '`[ -d $AZ_BATCH_NODE_SHARED_DIR/pipeline ] || git clone --depth 1'],
    },
  ],
  'linux-symlink.yaml': [
    { line: 8, column: 16, messageId: 'link', message: ['the link /usr/local/bin/samtools', '`ln -sfn $AZ_BATCH_APP_PACKAGE_samtools/bin/samtools /usr/local/bin/samtools`'] },
  ],
  'linux-errexit-accounts.yaml': [
    { line: 9, column: 16, messageId: 'account', message: ['`useradd -m -s /bin/bash worker`', '`id -u worker || useradd -m -s /bin/bash worker`'] },
    { line: 9, column: 16, messageId: 'account', message: ['`groupadd docker`', '`getent group docker || groupadd docker`'] },
  ],
  'linux-no-shell.yaml': [{ line: 9, column: 16, messageId: 'mkdir', message: ['`mkdir -p /mnt/scratch`'] }],
  'windows-mkdir.yaml': [{ line: 8, column: 16, messageId: 'mkdir', message: ['`mkdir C:\\tools`', '`if not exist "C:\\tools" mkdir "C:\\tools"`'] }],
  'windows-mklink.yaml': [
    { line: 8, column: 16, messageId: 'link', message: ['the link %AZ_BATCH_NODE_SHARED_DIR%\\ffmpeg', '`if not exist "%AZ_BATCH_NODE_SHARED_DIR%\\ffmpeg" mklink /D'] },
  ],
  'windows-new-item.yaml': [{ line: 8, column: 16, messageId: 'newItem', message: ['D:\\cache already exists', '`New-Item -ItemType Directory -Force -Path D:\\cache`'] }],
});

describe('commands that fail on a second run', () => {
  const linux = (line: string) => nonReentrantCommands(line, 'linux').map((command) => command.family);

  it('reports a command only when its failure fails the start task', () => {
    expect(linux("/bin/bash -c 'mkdir /opt/x && next'")).toEqual(['mkdir']);
    expect(linux("/bin/bash -c 'next; mkdir /opt/x'")).toEqual(['mkdir']);
    expect(linux("/bin/bash -c 'mkdir /opt/x; next'")).toEqual([]);
    expect(linux("/bin/bash -ec 'mkdir /opt/x; next'")).toEqual(['mkdir']);
    expect(linux("/bin/bash -c 'set -e; mkdir /opt/x && next; other'")).toEqual([]);
    expect(linux("/bin/bash -c 'mkdir /opt/x || true'")).toEqual([]);
    expect(linux("/bin/bash -c 'git clone --recurse-submodules -b v2 https://github.com/a/b.git /opt/b'")).toEqual(['gitClone']);
  });

  it("follows each Windows shell's way of ending on a failure", () => {
    const windows = (line: string) => nonReentrantCommands(line, 'windows').map((command) => command.family);
    expect(windows('cmd /c "mkdir C:\\tools & xcopy tools C:\\tools /E"')).toEqual([]);
    expect(windows('cmd /c "xcopy tools D:\\tools /E & mkdir D:\\logs"')).toEqual(['mkdir']);
    expect(windows('powershell -Command "New-Item -ItemType Directory -Path C:\\a; Copy-Item x C:\\a"')).toEqual([]);
    expect(windows('powershell -Command "New-Item -ItemType Directory -Path C:\\a -ErrorAction Stop; Copy-Item x C:\\a"')).toEqual(['newItem']);
    expect(windows('powershell -Command "New-Item -ItemType Directory -Path C:\\a -ErrorAction SilentlyContinue"')).toEqual([]);
  });

  it('keeps the safe forms and guards quiet', () => {
    expect(linux("/bin/bash -c 'mkdir -pv /opt/x && mkdir -m 755 -p /opt/y'")).toEqual([]);
    expect(linux("/bin/bash -c 'ln -fs /a /opt/b && ln --symbolic --force /a /opt/c'")).toEqual([]);
    expect(linux("/bin/bash -c 'getent passwd worker || useradd worker'")).toEqual([]);
    expect(linux("/bin/bash -c 'adduser --system worker'")).toEqual([]);
    expect(linux("/bin/bash -c 'test -d /opt/x || mkdir /opt/x'")).toEqual([]);
  });

  it('reports nothing it cannot read with confidence', () => {
    expect(linux("/bin/bash -c 'mkdir --unknown /opt/x'")).toEqual([]);
    expect(linux("/bin/bash -c 'mkdir $(dirname /opt/x/y)'")).toEqual([]);
    expect(linux("/bin/bash -c 'cd /opt && mkdir x'")).toEqual([]);
    expect(linux('/bin/bash -c mkdir /opt/x')).toEqual([]);
    expect(nonReentrantCommands('mkdir C:\\tools', 'windows')).toEqual([]);
    expect(nonReentrantCommands('powershell -File setup.ps1', 'windows')).toEqual([]);
  });

  it('never shows the credentials of a clone URL', () => {
    const [command] = nonReentrantCommands("/bin/bash -c 'git clone https://ghp_abc123@github.com/contoso/private.git /opt/private'", 'linux');
    expect(JSON.stringify(command)).not.toContain('ghp_abc123');
    expect(command).toMatchObject({ command: 'git clone … https://…@github.com/contoso/private.git /opt/private' });
  });

  it('never shows a password given to useradd', () => {
    const [command] = nonReentrantCommands("/bin/bash -c 'useradd -p s3cret -m worker'", 'linux');
    expect(command).toMatchObject({ command: 'useradd -p … -m worker', target: 'worker', safeForm: 'id -u worker || useradd -p … -m worker' });
  });
});

describeSameDefect('start-task-reentrant', {
  'Batch JSON': { line: 15, column: 20 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 44, column: 26 },
  Bicep: { line: 26, column: 20 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 30 },
  Terraform: { line: 24, column: 26 },
});
