import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs everything the README promises: unit tests, the integration suite on
 * embedded PGlite, the same suite on a PostgreSQL server when DATABASE_URL is set, and the
 * browser tests in Chromium.
 */
const integration = ['packages/**/src/**/*.int.test.ts', 'apps/**/src/**/*.int.test.ts'];
/** The web app's component tests run in a simulated DOM of their own, not in the node unit project. */
const web = ['apps/web/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/**/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...integration, ...web, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'web',
          include: web,
          environment: 'happy-dom',
          setupFiles: ['apps/web/src/test/setup.ts'],
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
