import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
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
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The server the lane creates its databases on. */
export function testServerUrl(): string {
  return process.env.KASSA_TEST_PG_URL || DEFAULT_TEST_PG_URL;
}

/** A URL as it may be printed: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(KASSA_TEST_PG_URL is not a URL)';
  }
}

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** One fresh database, for one test: its pool, and more pools on it (a second server process). */
export interface TestDatabase {
  /** The database's name (kassa_test_…). */
  readonly name: string;
  /** A connection URL for it. */
  readonly url: string;
  /** A pool on it, ended by drop(). */
  readonly pool: pg.Pool;
  /** Another pool on it, as a second server process would have; ended by drop(). */
  connect(options?: pg.PoolConfig): pg.Pool;
  /** Ends every pool on the database and drops it. */
  drop(): Promise<void>;
}

/** How long to wait for a connection: long enough for a loaded CI machine, short enough that a local run without PostgreSQL moves on. */
const CONNECT_TIMEOUT_MS = 5_000;

export async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database with a name of its own (test files run in parallel, and so may other
 * people's test runs on the same server). The caller drops it; withTestDatabase does that for you.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  // Names unique per run and recognisable, so one left by a killed run can be found and dropped by hand.
  // The run's id (set by the global setup, test-run.ts) leads, so the run's teardown finds and drops
  // every database a test left for a restart.
  const name = `kassa_test_${process.env.KASSA_TEST_PG_RUN ?? 'x'}_${Date.now().toString(36)}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // template0, not template1: CREATE DATABASE fails while anyone is connected to its template.
  await withServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
  const address = new URL(testServerUrl());
  address.pathname = `/${name}`;
  const url = address.toString();
  const pools: pg.Pool[] = [];
  const connect = (options: pg.PoolConfig = {}) => {
    const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...options });
    // An idle connection the server closes (the drop below) must not crash the test process.
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  const pool = connect();
  let dropped = false;
  return {
    name,
    url,
    pool,
    connect,
    async drop() {
      if (dropped) return;
      dropped = true;
      await Promise.allSettled(pools.map((each) => each.end()));
      // FORCE closes connections a failed test left open, so the drop never waits on them.
      await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
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
