import { defineConfig } from 'vitest/config';

const dbTests = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts', 'test/e2e/**/*.e2e.test.ts'];

/**
 * Three projects: pure unit tests once, and every database-backed test (integration, HTTP,
 * end-to-end) twice — against the embedded PGlite and against the real PostgreSQL.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'web/**/*.test.ts'], exclude: dbTests },
      },
      {
        extends: true,
        test: { name: 'pglite', include: dbTests, env: { HAILONG_TEST_DB: 'pglite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: dbTests, env: { HAILONG_TEST_DB: 'postgres' } },
      },
    ],
  },
});
