import { fillReportFacts } from './reports/fill.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { OfficeAccount, OfficeRole } from '../../shared/src/index.js';
import { OfficeAccounts } from './accounts/accounts.js';
import { buildServer } from './app.js';
import { MemoryChangeFeed, type ChangeFeed } from './feed/change-feed.js';
import { openDatabase } from './database.js';
import { DEMO_STORE_ID, isEmpty, seedDemoCashiers, seedDemoStore } from './demo.js';
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

/** A head-office account a test made, with the password it logs in with. */
export interface TestAccount {
  account: OfficeAccount;
  email: string;
  password: string;
}

/**
 * A logged-in browser of the office page: every request carries the session cookie, and writes the
 * page's own Origin (the server counts a cookie for a write only from its own page).
 */
export interface OfficeSession {
  /** The cookie as the browser sends it: `kassa_office=<token>`. */
  cookie: string;
  account: OfficeAccount;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** As officeCall, with the session instead of the office key. */
  call<T = Record<string, unknown> & Record<string, unknown>[]>(path: string, method?: string, body?: unknown): Promise<{ status: number; text: string; json: T }>;
}

let accountsMade = 0;

/**
 * Adds an account through the API with the office key (the owner's part): by default a name and
 * e-mail of its own, a password, and the demo store (none for an owner, who sees every store).
 */
export async function createOfficeAccount(
  serverUrl: string,
  role: OfficeRole,
  storeIds: string[] = role === 'owner' ? [] : [DEMO_STORE_ID],
  fields: { email?: string; name?: string; password?: string } = {},
): Promise<TestAccount> {
  accountsMade++;
  const email = fields.email ?? `${role}-${accountsMade}-${process.pid}@shop.test`;
  const password = fields.password ?? `${role} password ${accountsMade}`;
  const made = await officeCall<OfficeAccount>(serverUrl, '/api/office/accounts', 'POST', { email, name: fields.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${accountsMade}`, role, storeIds, password });
  if (made.status !== 201) throw new Error(`adding a ${role} account: ${made.status} ${made.text}`);
  return { account: made.json, email: made.json.email, password };
}

/** Logs in as a person would on the office page, and answers a browser that carries the session. */
export async function officeLogin(serverUrl: string, email: string, password: string): Promise<OfficeSession> {
  const response = await fetch(`${serverUrl}/api/office/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`logging in as ${email}: ${response.status} ${text}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0];
  return officeSessionOf(serverUrl, cookie, (JSON.parse(text) as { account: OfficeAccount }).account);
}

/** A browser of the office page carrying `cookie` (see OfficeSession). */
export function officeSessionOf(serverUrl: string, cookie: string, account: OfficeAccount): OfficeSession {
  const sessionFetch = (path: string, init: RequestInit = {}) => {
    const write = init.method !== undefined && init.method !== 'GET';
    return fetch(`${serverUrl}${path}`, { ...init, headers: { cookie, ...(write ? { origin: serverUrl } : {}), ...(init.headers as Record<string, string> | undefined) } });
  };
  return {
    cookie,
    account,
    fetch: sessionFetch,
    async call<T>(path: string, method = 'GET', body?: unknown) {
      const response = await sessionFetch(path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
      const text = await response.text();
      return { status: response.status, text, json: JSON.parse(text) as T };
    },
  };
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
  /** The owner's one-time setup token this start made (as main.ts prints in the link); undefined once an owner exists. */
  setupToken: string | undefined;
  /** Adds a head-office account with the office key (see createOfficeAccount). */
  createAccount(role: OfficeRole, storeIds?: string[], fields?: { email?: string; name?: string; password?: string }): Promise<TestAccount>;
  /** Logs in as an account (see officeLogin). */
  login(email: string, password: string): Promise<OfficeSession>;
  /** Adds an account of `role` and logs in as it. */
  loginAs(role: OfficeRole, storeIds?: string[]): Promise<OfficeSession>;
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
    /** The server's clock (session expiry, times stored); the real one unless given. */
    now?: () => Date;
  } = {},
): Promise<RunningServer> {
  const { storage, file, query } = await openTestStorage(options.file);
  const repository = new Repository(storage, options.now, { refusalCap: options.refusalCap });
  if (options.seed !== false) {
    if (await isEmpty(repository)) await seedDemoStore(repository, { products: options.products ?? 30, tills: options.tills });
    // Every store gets the demo cashiers (Alex 1111, Sam 2222, Morgan 9999), also a database made
    // before cashiers existed; those already there stay as they are.
    await seedDemoCashiers(repository);
  }
  // As main.ts does on each start: report facts for sales applied before reports existed.
  await fillReportFacts(repository);
  // As main.ts does on each start while no owner exists.
  const setupToken = await new OfficeAccounts(repository).prepareOwnerSetup();
  const feed = new MemoryChangeFeed();
  const app = await buildServer({ repository, feed, officeKey: TEST_OFFICE_KEY, rateLimit: options.rateLimit });
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    file,
    repository,
    app,
    feed,
    query,
    setupToken,
    createAccount: (role, storeIds, fields) => createOfficeAccount(url, role, storeIds, fields),
    login: (email, password) => officeLogin(url, email, password),
    async loginAs(role, storeIds) {
      const { email, password } = await createOfficeAccount(url, role, storeIds);
      return officeLogin(url, email, password);
    },
    async stop() {
      await app.close();
      await storage.close();
    },
  };
}
