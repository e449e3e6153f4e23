import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.js';
import { ChangeFeed } from './change-feed.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { isEmpty, seedDemoStore } from './demo.js';
import { Repository } from './repository.js';

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

export async function startServer(options: { file?: string; port?: number; products?: number; seed?: boolean } = {}): Promise<RunningServer> {
  const file = options.file ?? temporaryDatabaseFile();
  const db = openDatabase(file);
  const repository = new Repository(db);
  if (options.seed !== false && isEmpty(repository)) seedDemoStore(repository, { products: options.products ?? 30 });
  const feed = new ChangeFeed();
  const app = await buildServer({ repository, feed });
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
