// @ts-check
// Lint is part of `npm test` with `--max-warnings 0`: a rule is either an error worth fixing or off.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'data/**',
      '**/.tmp/**',
      'apps/web/dist/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked with the nearest tsconfig.json (root, or apps/web's own).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Async work nobody awaits loses its errors and its transaction.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/prefer-nullish-coalescing': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Kysely's driver interface and route handlers are async by contract even when a body
      // has nothing to await; requiring an await there only adds noise.
      '@typescript-eslint/require-await': 'off',
      // `${n}` in messages and SQL comments is fine for numbers and booleans; never objects.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowAny: false },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Tests may poke at internals; keep the type-aware safety rules but allow the usual test idioms.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.int.test.ts', 'e2e/**/*.ts', 'apps/web/src/test/**/*.{ts,tsx}'],
    rules: {
      // expect.any(...) and friends are typed `any` by Vitest itself.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript (bin files, bench runners, this config) and Vite's own config are outside
    // the project tsconfigs: lint them without type information.
    files: ['**/*.{js,mjs,cjs}', 'apps/web/vite.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // pg-types declares `getTypeParser(): any`; handing pg's own parser back to pg is sound.
    files: ['packages/db/src/connection.ts'],
    rules: { '@typescript-eslint/no-unsafe-return': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The seed (demo data, scale generator) and its test kits sit on top of every module: a domain
    // module that imports them turns the dependency graph upside down. Only tests, benches, the
    // browser journeys, the CLI and the seed itself may (and the server's test harness, which only
    // its tests import).
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.int.test.ts', 'bench/**', 'e2e/**', 'apps/cli/**', 'packages/seed/**', 'apps/server/src/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@kern/seed', '@kern/seed/*'],
              message: 'Seed and its test kits are for tests, bench/, e2e/ and apps/cli only (packages/seed/src/testing/).',
            },
          ],
        },
      ],
    },
  },
  {
    // Later blocks override this rule for the files they match; theirs also forbid @kern/seed.
    // The web app knows the server only through the modules' contracts (ADR 0002): a second,
    // hand-written copy of the API drifts, and a module's insides would pull the database in.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^@kern/(?![^/]+/contract$)', message: 'The web app imports only @kern/<module>/contract.' }],
      }],
    },
  },
  {
    // A contract is browser-safe: zod, @kern/kit/contract and other contracts, nothing else.
    files: ['packages/*/src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^@kern/(?![^/]+/contract$)', message: 'A contract imports only other contracts.' },
          { group: ['node:*', 'fastify', 'fastify-*', '@fastify/*', 'kysely', '@electric-sql/*', 'pg'], message: 'A contract must run in the browser.' },
          { group: ['../*'], message: 'A contract imports nothing from its module outside contract/.' },
        ],
      }],
    },
  },
);
