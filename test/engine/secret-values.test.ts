import { describe, expect, it } from 'vitest';
import { secretScrubber } from '../../src/engine/secret-values.ts';
import type { PoolDefinition } from '../../src/model/pool-definition.ts';

const poolWith = (spec: object) => ({ spec }) as unknown as PoolDefinition;

describe('secretScrubber', () => {
  it('takes the values of password and key assignments out, in JSON, YAML and HCL spelling, parsed or not', () => {
    const text = [
      '{ "name": "runner", "password": "JsonPw-1234" "x": 1 }',
      '    password: 27182818 # a comment',
      "  accountKey: 'YamlKey=='",
      '  sas_key = "unclosed HclSas',
      '  password = HclWordOne HclWordTwo',
    ].join('\n');
    const scrub = secretScrubber(text, []);
    expect(scrub('JsonPw-1234, 27182818, YamlKey==, unclosed HclSas, HclWordTwo')).toBe('REDACTED, REDACTED, REDACTED, REDACTED, REDACTED');
    expect(scrub('a comment about runner')).toBe('a comment about runner');
  });

  it('keeps references, expressions and values too short to tell from words', () => {
    const text = 'account_key = var.storage_key\n"password": "[parameters(\'pin\')]"\npassword: abc\n';
    const scrub = secretScrubber(text, []);
    const message = "var.storage_key has no default; [parameters('pin')] is unknown; abc";
    expect(scrub(message)).toBe(message);
  });

  it('reads a Terraform call as an expression: its function names, references and null are no secrets, its literals are', () => {
    const text = 'password = try(var.admin_password, null)\nsecret = coalesce(var.a, "LiteralPw-1")\n"password": null\n';
    const scrub = secretScrubber(text, []);
    const message = '"maxTasksPerNode" is try(var.tasks, null) and got null); not checked';
    expect(scrub(message)).toBe(message);
    expect(scrub('got LiteralPw-1')).toBe('got REDACTED');
  });

  it("takes the evaluated pool's secrets out, wherever the source kept them", () => {
    const pool = poolWith({
      userAccounts: [{ name: 'runner', password: 31415926 }],
      startTask: {
        environmentSettings: [
          { name: 'STORAGE_ACCOUNT_KEY', value: 'EnvKey==' },
          { name: 'MODE', value: 'fast-mode' },
        ],
      },
      virtualMachineConfiguration: { containerConfiguration: { containerRegistries: [{ password: 'RegistryPw' }] } },
      mountConfiguration: [{ azureBlobFileSystemConfiguration: { sasKey: 'MountSas' } }],
    });
    const scrub = secretScrubber('{}', [pool]);
    expect(scrub('31415926 EnvKey== RegistryPw MountSas fast-mode')).toBe('REDACTED REDACTED REDACTED REDACTED fast-mode');
  });

  it('removes a secret whole when it contains another', () => {
    const scrub = secretScrubber('secret: Inner1\npassword: Outer-Inner1\n', []);
    expect(scrub('got Outer-Inner1, then Inner1')).toBe('got REDACTED, then REDACTED');
  });

  it('with many secrets, removes each one a message quotes, longest first, as replacing them one by one does', () => {
    const passwords = Array.from({ length: 300 }, (_, index) => [`Pass-${index}-word`, `Pass-${index}`]).flat();
    const scrub = secretScrubber('{}', [poolWith({ userAccounts: passwords.map((password) => ({ name: 'u', password })) })]);
    const oneByOne = (message: string) => [...passwords].sort((a, b) => b.length - a.length).reduce((text, secret) => text.split(secret).join('REDACTED'), message);
    for (const message of ['Pass-7-word, Pass-7, Pass-299-words, Pass-3000', 'Pass-', 'no secret here']) expect(scrub(message)).toBe(oneByOne(message));
    expect(scrub('Pass-7-word, Pass-7, Pass-3000')).toBe('REDACTED, REDACTED, REDACTED00');
  });

  it('removes a secret that appears only once a longer one has been replaced, as replacing them one by one does', () => {
    const scrub = secretScrubber('{}', [poolWith({ userAccounts: [{ password: 'long-secret-1' }, { password: 'TED-pw' }] })]);
    expect(scrub('x long-secret-1-pw')).toBe('x REDACREDACTED');
  });
});
