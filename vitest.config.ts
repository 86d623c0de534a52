import { defineConfig } from 'vitest/config';

// Tests that run the built bundle (the CLI, the Action's entry, the real pre-commit) or an external tool
// (the SARIF multitool): `npm run test:integration` builds first; `npm run test:unit` runs the rest, on src/.
const INTEGRATION = ['test/cli/**/*.test.ts', 'test/action/action-entry.test.ts', 'test/formatters/sarif.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    env: {
      // Live tests hand the SDK clients a static token. Should a DefaultAzureCredential ever be built by
      // mistake, it is limited to the environment credential, which (with no AZURE_CLIENT_ID) fails at once
      // instead of probing the managed-identity address.
      AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential',
      AZURE_CLIENT_ID: '',
      AZURE_TENANT_ID: '',
      AZURE_CLIENT_SECRET: '',
      // Retirement findings depend on the date: every run of the tests, and every CLI, Action and hook they
      // start, judges them as of this one, so that a support window closing does not change a test's result.
      BATCHLINT_AS_OF: '2026-12-01',
    },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION } },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
