import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/live/sign-in.ts';

function countingCredential() {
  const asked: string[] = [];
  return {
    asked,
    getToken: async (scopes: string | string[]) => {
      const scope = typeof scopes === 'string' ? scopes : scopes[0]!;
      asked.push(scope);
      return { token: `token for ${scope}`, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

describe('signIn', () => {
  it("asks once for Resource Manager's token and hands it out while it is valid", async () => {
    const base = countingCredential();
    const credential = await signIn(base, 'https://management.azure.com/');
    expect((await credential.getToken('https://management.azure.com/.default'))?.token).toBe('token for https://management.azure.com/.default');
    await credential.getToken(['https://management.azure.com/.default']);
    expect(base.asked).toEqual(['https://management.azure.com/.default']);
  });

  it('asks the credential again for another resource, never handing out the Resource Manager token', async () => {
    const base = countingCredential();
    const credential = await signIn(base, 'https://management.azure.com');
    expect((await credential.getToken('https://batch.core.windows.net/.default'))?.token).toBe('token for https://batch.core.windows.net/.default');
    expect(base.asked).toEqual(['https://management.azure.com/.default', 'https://batch.core.windows.net/.default']);
  });
});
