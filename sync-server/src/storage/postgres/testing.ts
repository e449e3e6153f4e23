import fs from 'node:fs';
import { describe, it } from 'vitest';

/**
 * The PostgreSQL test lane: each test gets a database of its own, created on the server that
 * KASSA_TEST_PG_URL names and dropped afterwards. That URL's user must be allowed to create
 * databases; its own database is only where the lane connects to create and drop them.
 *
 * Where PostgreSQL cannot be reached the lane's tests are skipped, and say so, on a developer's
 * machine; in CI (CI set) they fail, since CI has PostgreSQL and a lane that quietly skipped there
 * would hide every break of the PostgreSQL adapter.
 */
export { createTestDatabase, DEFAULT_TEST_PG_URL, shownUrl, testServerUrl, withServer, type TestDatabase } from './test-databases.js';
import { createTestDatabase, shownUrl, testServerUrl, withServer, type TestDatabase } from './test-databases.js';

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** Runs `work` on a fresh database and drops it afterwards, also when `work` fails. */
export async function withTestDatabase<T>(work: (database: TestDatabase) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  try {
    return await work(database);
  } finally {
    await database.drop();
  }
}

/** Whether the lane's server answers, and if not, why not. */
export type PostgresLane = { reachable: true; url: string } | { reachable: false; url: string; reason: string };

let lane: Promise<PostgresLane> | undefined;

/**
 * Asks the lane's server once per test process. In CI it tries again for a few seconds, as a
 * machine's PostgreSQL may still be starting when the tests do; a developer's machine without one
 * should not wait.
 */
export function postgresLane(): Promise<PostgresLane> {
  lane ??= probe();
  return lane;
}

async function probe(): Promise<PostgresLane> {
  const url = shownUrl(testServerUrl());
  const deadline = Date.now() + (inCi() ? 10_000 : 0);
  for (;;) {
    try {
      await withServer((client) => client.query('SELECT 1'));
      return { reachable: true, url };
    } catch (error) {
      if (Date.now() >= deadline) return { reachable: false, url, reason: (error as Error).message || String(error) };
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** What the lane says when it cannot reach PostgreSQL in CI. */
export function unreachableInCi(url: string): string {
  return `PostgreSQL at ${url} is not reachable: CI needs it (KASSA_TEST_PG_URL)`;
}

/**
 * A describe block of tests that need PostgreSQL: run where the lane's server answers; where it does
 * not, one failing test in CI, and skipped tests elsewhere with a note on the console and, when
 * `npm test` asks for it (KASSA_TEST_PG_LANE_REPORT, a file name), a line for its summary.
 * Call with await at the top of a test file.
 */
export async function describeWithPostgres(name: string, body: () => void): Promise<void> {
  const found = await postgresLane();
  if (found.reachable) {
    describe(name, body);
    return;
  }
  if (inCi()) {
    describe(name, () => {
      it('reaches PostgreSQL', () => {
        throw new Error(`${unreachableInCi(found.url)}. ${found.reason}`);
      });
    });
    return;
  }
  const note = `not reachable at ${found.url}`;
  console.warn(`PostgreSQL lane skipped (${name}): ${note} (${found.reason}). Set KASSA_TEST_PG_URL to a server where this user may create databases.`);
  const report = process.env.KASSA_TEST_PG_LANE_REPORT;
  if (report) fs.writeFileSync(report, note);
  describe.skip(name, body);
}
