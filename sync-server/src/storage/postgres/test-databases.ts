import crypto from 'node:crypto';
import pg from 'pg';
import { shownUrl } from './postgres-storage.js';

export { shownUrl };

/**
 * Test databases on the PostgreSQL server the tests use (KASSA_TEST_PG_URL): made, named after the
 * run, and dropped. Free of vitest, so the Playwright scenarios' server processes use it too
 * (e2e/support/processes.ts); the vitest lane is testing.ts.
 */
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The server the lane creates its databases on. */
export function testServerUrl(): string {
  return process.env.KASSA_TEST_PG_URL || DEFAULT_TEST_PG_URL;
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


/** Drops every database a run made (named after its KASSA_TEST_PG_RUN), whether or not its tests ended well. */
export async function dropRunDatabases(run: string): Promise<void> {
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`kassa_test_${run}_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
