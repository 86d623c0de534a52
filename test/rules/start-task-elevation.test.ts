import { describe, expect, it } from 'vitest';
import { packageInstalls } from '../../src/pool/package-install.ts';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';
import { BICEP_PARAMETERS, describeSameDefect, PARAMETERS } from '../helpers/same-defect.ts';

describeRuleFixtures('start-task-elevation', {
  'apt-get-default-user.json': [{ line: 9, column: 3, severity: 'error', message: ['apt-get install', 'default non-admin task user', 'elevationLevel to admin'] }],
  'choco-nonadmin-auto-user.yaml': [{ line: 12, column: 23, message: ['choco install', 'non-admin auto user'] }],
  'named-nonadmin-account.json': [{ line: 10, column: 79, message: ['dnf install', 'user account "builder"'] }],
});

describe('package install detection', () => {
  it('names the installers a command line runs', () => {
    expect(packageInstalls("/bin/bash -c 'apt-get -q update && apt-get -y install jq'")).toEqual(['apt-get install']);
    expect(packageInstalls('msiexec /i tool.msi /quiet')).toEqual(['msiexec']);
    expect(packageInstalls('powershell -Command Install-WindowsFeature Web-Server')).toEqual(['Install-WindowsFeature']);
    expect(packageInstalls('python3 -m pip install --user numpy')).toEqual([]);
    expect(packageInstalls('echo apt-get')).toEqual([]);
  });
});

describeSameDefect('start-task-elevation', {
  'Batch JSON': { line: 19, column: 27 },
  'ARM template with a parameters file': { file: PARAMETERS, line: 9, column: 16 },
  'Bicep-built JSON': { line: 51, column: 33 },
  Bicep: { line: 31, column: 27 },
  'Bicep with a .bicepparam': { file: BICEP_PARAMETERS, line: 4, column: 28 },
  Terraform: { line: 26, column: 27 },
});
