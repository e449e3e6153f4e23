import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.js';
import { MemoryChangeFeed, type ChangeFeed } from './feed/change-feed.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { isEmpty, seedDemoCashiers, seedDemoStore } from './demo.js';
import { Repository, type RefusalCap } from './repository.js';

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

/** A real sync server on 127.0.0.1 over a real SQLite file in a temporary folder, for tests. */
export interface RunningServer {
  url: string;
  port: number;
  file: string;
  repository: Repository;
  db: SqliteDatabase;
  app: FastifyInstance;
  /** Announces a change made directly through the repository, as head office's own writes do. */
  feed: ChangeFeed;
  /** Stops the HTTP server and closes the database file (the file stays). */
  stop(): Promise<void>;
}

export function temporaryDatabaseFile(prefix = 'kassa-test-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'kassa.sqlite');
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
  const file = options.file ?? temporaryDatabaseFile();
  const db = openDatabase(file);
  const repository = new Repository(db, undefined, { refusalCap: options.refusalCap });
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
    db,
    app,
    feed,
    async stop() {
      await app.close();
      db.close();
    },
  };
}
