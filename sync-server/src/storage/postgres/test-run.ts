import crypto from 'node:crypto';
import { dropRunDatabases } from './test-databases.js';
import { postgresLane } from './testing.js';

/**
 * Vitest's global setup for the PostgreSQL lane (vitest.config.ts). Test servers on PostgreSQL
 * (KASSA_TEST_STORAGE=postgres, sync-server/src/testing.ts) keep their database when they stop, since
 * a test may start its server again on the same one; so the run names every database it makes after
 * itself, and drops them all when it ends, failed tests included.
 */
export function setup(): void {
  process.env.KASSA_TEST_PG_RUN ??= crypto.randomBytes(4).toString('hex');
}

export async function teardown(): Promise<void> {
  const run = process.env.KASSA_TEST_PG_RUN;
  if (!run || !(await postgresLane()).reachable) return;
  await dropRunDatabases(run);
}
