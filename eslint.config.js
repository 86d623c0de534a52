// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'src/schema/generated/', 'fixtures/'] },
  // An eslint-disable comment that no longer hides anything is an error, so none outlives its reason.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['{src,rules,test,scripts}/**/*.{ts,mts,mjs}'],
    extends: [eslint.configs.recommended, tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // The .mjs files are outside tsconfig.json (no allowJs): type-check them in the default project.
        projectService: { allowDefaultProject: ['scripts/*.mjs', 'test/helpers/*.mjs'], maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16 },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A rest pattern is how this code drops keys from an object (`const { locations: _locations, ...fields } = override`).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Tests match indented output: spaces written out in the pattern read like the text they match.
      'no-regex-spaces': 'off',
      // `||` is meant where a falsy primitive must fall through too: an empty string from the environment means
      // "not given" (`env.GITHUB_WORKSPACE || process.cwd()`), a false test tries the next (`names?.test(name) || …`).
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true } }],
      // A callback that deliberately does nothing: `server.on('clientError', () => {})`, `problem: () => {}`.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
    },
  },
  {
    // The configuration files at the top level.
    files: ['*.{js,cjs}'],
    extends: [eslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain JavaScript run by Node as it is: parameters and JSON have no types to give, so every use of them is
    // `any`. The other type-aware rules (promises, awaits) still apply.
    files: ['**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Vitest types its asymmetric matchers (expect.stringContaining, objectContaining, any…) as returning `any`,
    // and the tests write expected values as literals holding them.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Fakes implement async interfaces (TokenCredential.getToken) with answers they already have.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
