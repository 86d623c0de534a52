import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    env: {
      // Live tests hand the SDK clients a static token. Should a DefaultAzureCredential ever be built by
      // mistake, it is limited to the environment credential, which (with no AZURE_CLIENT_ID) fails at once
      // instead of probing the managed-identity address.
      AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential',
      AZURE_CLIENT_ID: '',
      AZURE_TENANT_ID: '',
      AZURE_CLIENT_SECRET: '',
    },
  },
});
