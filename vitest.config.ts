import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs everything the README promises: unit tests, the integration suite on
 * embedded PGlite, the same suite on a PostgreSQL server when DATABASE_URL is set, and the
 * browser tests in Chromium.
 */
const integration = ['packages/**/src/**/*.int.test.ts', 'apps/**/src/**/*.int.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/**/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...integration, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: integration,
          env: { KERN_TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(process.env.DATABASE_URL
        ? [
            {
              test: {
                name: 'int-postgres',
                include: integration,
                env: { KERN_TEST_ENGINE: 'postgres' },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
