import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.js';
import { MemoryChangeFeed, type ChangeFeed } from './feed/change-feed.js';
import { openDatabase } from './database.js';
import { isEmpty, seedDemoCashiers, seedDemoStore } from './demo.js';
import { Repository, type RefusalCap } from './repository.js';
import type { StoragePort } from './storage/port.js';
import { PostgresStorage } from './storage/postgres/postgres-storage.js';
import { createTestDatabase } from './storage/postgres/testing.js';
import { SqliteStorage } from './storage/sqlite/sqlite-storage.js';

/** The office key test servers use. */
export const TEST_OFFICE_KEY = 'test-office-key';

/** Head office's API with the office key, as the office page calls it: the status and the answer's text and JSON. */
export async function officeCall<T = Record<string, unknown> & Record<string, unknown>[]>(serverUrl: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; text: string; json: T }> {
  const response = await fetch(`${serverUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as T };
}

/** Pairs a till the way a person would: head office makes a code, the till trades it for a credential. */
export async function pairTill(serverUrl: string, tillId: string, officeKey = TEST_OFFICE_KEY): Promise<string> {
  const made = await fetch(`${serverUrl}/api/office/tills/${encodeURIComponent(tillId)}/pairing-code`, { method: 'POST', headers: { authorization: `Bearer ${officeKey}` } });
  if (!made.ok) throw new Error(`pairing code for ${tillId}: ${made.status} ${await made.text()}`);
  const { code } = (await made.json()) as { code: string };
  const paired = await fetch(`${serverUrl}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (!paired.ok) throw new Error(`pairing ${tillId}: ${paired.status} ${await paired.text()}`);
  return ((await paired.json()) as { credential: string }).credential;
}

/**
 * Which database the test servers run on: SQLite files unless KASSA_TEST_STORAGE=postgres, which
 * runs the same suites on PostgreSQL (npm test runs the server and sync suites once in each mode).
 */
export function testStorageKind(): 'sqlite' | 'postgres' {
  return process.env.KASSA_TEST_STORAGE === 'postgres' ? 'postgres' : 'sqlite';
}

/** A real sync server on 127.0.0.1 over a real database (a SQLite file in a temporary folder, or a PostgreSQL database of its own), for tests. */
export interface RunningServer {
  url: string;
  port: number;
  /** Where its database is: the SQLite file, or the PostgreSQL database's URL. Given to startServer again, it opens the same database. */
  file: string;
  repository: Repository;
  app: FastifyInstance;
  /** Announces a change made directly through the repository, as head office's own writes do. */
  feed: ChangeFeed;
  /**
   * Runs a query of the tests' own on the server's database and answers its rows: SQL both dialects
   * read alike, without parameters (counts as CAST(COUNT(*) AS INTEGER), so both answer numbers).
   */
  query<T>(sql: string): Promise<T[]>;
  /** Stops the HTTP server and closes the database (the database stays, to be opened again). */
  stop(): Promise<void>;
}

export function temporaryDatabaseFile(prefix = 'kassa-test-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'kassa.sqlite');
}

/** Opens the storage a test server runs on: `file` as SQLite, a postgres:// URL as PostgreSQL, or a new database of the kind the run tests. */
async function openTestStorage(file: string | undefined): Promise<{ storage: StoragePort; file: string; query: <T>(sql: string) => Promise<T[]> }> {
  if (file?.startsWith('postgres://') || (file === undefined && testStorageKind() === 'postgres')) {
    // Dropped with the rest of the run's databases when the run ends (vitest's global teardown):
    // a test that restarts its server opens the same database again.
    const url = file ?? (await createTestDatabase()).url;
    const storage = await PostgresStorage.open(url, { poolSize: 4 });
    return { storage, file: url, query: async <T>(sql: string) => (await storage.pool.query(sql)).rows as T[] };
  }
  const path = file ?? temporaryDatabaseFile();
  const db = openDatabase(path);
  return { storage: new SqliteStorage(db), file: path, query: async <T>(sql: string) => db.prepare(sql).all() as T[] };
}

export async function startServer(
  options: {
    file?: string;
    port?: number;
    products?: number;
    tills?: number;
    seed?: boolean;
    rateLimit?: { perSecond: number; burst: number };
    refusalCap?: RefusalCap;
  } = {},
): Promise<RunningServer> {
  const { storage, file, query } = await openTestStorage(options.file);
  const repository = new Repository(storage, undefined, { refusalCap: options.refusalCap });
  if (options.seed !== false) {
    if (await isEmpty(repository)) await seedDemoStore(repository, { products: options.products ?? 30, tills: options.tills });
    // Every store gets the demo cashiers (Alex 1111, Sam 2222, Morgan 9999), also a database made
    // before cashiers existed; those already there stay as they are.
    await seedDemoCashiers(repository);
  }
  const feed = new MemoryChangeFeed();
  const app = await buildServer({ repository, feed, officeKey: TEST_OFFICE_KEY, rateLimit: options.rateLimit });
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    file,
    repository,
    app,
    feed,
    query,
    async stop() {
      await app.close();
      await storage.close();
    },
  };
}
