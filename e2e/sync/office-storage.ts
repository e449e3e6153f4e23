import { openDatabase } from '../../sync-server/src/database.js';
import { Repository } from '../../sync-server/src/repository.js';
import type { StoragePort } from '../../sync-server/src/storage/port.js';
import { PostgresStorage } from '../../sync-server/src/storage/postgres/postgres-storage.js';
import { SqliteStorage } from '../../sync-server/src/storage/sqlite/sqlite-storage.js';

/** Opens the database a test server ran on (its `file`: a SQLite file or a postgres:// URL). */
export async function openStorage(file: string): Promise<StoragePort> {
  return file.startsWith('postgres://') ? PostgresStorage.open(file, { poolSize: 1 }) : new SqliteStorage(openDatabase(file));
}

/**
 * Head office changing a stopped test server's database behind its back (a product withdrawn while
 * the server was away): `change` gets a Repository of its own on that database, closed afterwards,
 * and what it answers is answered.
 */
export async function whileStopped<T>(file: string, change: (office: Repository) => Promise<T>): Promise<T> {
  const storage = await openStorage(file);
  try {
    return await change(new Repository(storage));
  } finally {
    await storage.close();
  }
}
