import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'sync-server/**/*.test.ts', 'renderer/**/*.test.ts', 'e2e/**/*.test.ts', 'electron/**/*.test.ts'],
    // The sync tests start real HTTP servers and SQLite files; a generous timeout keeps a
    // loaded shared CI machine from failing them, it does not assert speed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Names the run's PostgreSQL test databases and drops them at the end (KASSA_TEST_STORAGE=postgres).
    globalSetup: ['sync-server/src/storage/postgres/test-run.ts'],
  },
});
