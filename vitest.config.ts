import { defineConfig } from 'vitest/config';

// Unit tests run beside the code; integration tests (*.int.test.ts) get a database per test file
// (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set) from the server's global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          root: 'packages/core',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          root: 'packages/server',
          include: ['src/**/*.test.ts'],
          globalSetup: ['./vitest.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
    maxWorkers: 2,
  },
});
