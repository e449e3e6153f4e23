import type { Pool, PoolClient } from 'pg';
import { NewerSchemaError } from '../schema-version.js';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './migrations.js';

/**
 * The advisory lock every Kassa server takes while it migrates: "KASS" in ASCII. Advisory lock keys
 * are one space for the whole cluster, so it is a fixed number no other application is likely to
 * use, not a hash that could change between PostgreSQL releases.
 */
export const MIGRATION_LOCK_KEY = 0x4b415353;

/** The schema versions a database was at before and after migratePostgres. */
export interface MigrationOutcome {
  from: number;
  to: number;
}

/**
 * Brings a PostgreSQL database's tables up to this code's schema version, or, for tests of a
 * migration, only up to `schemaVersion`. Each migration runs in a transaction of its own that also
 * records its version in schema_migrations, so a failure leaves the database at the version before
 * it. Servers starting at once on one database wait for each other on an advisory lock, and the
 * ones after the first find nothing left to do.
 *
 * Throws NewerSchemaError, changing nothing, when the database is at a version newer than this code.
 */
export async function migratePostgres(pool: Pool, options: { schemaVersion?: number } = {}): Promise<MigrationOutcome> {
  const target = options.schemaVersion ?? POSTGRES_SCHEMA_VERSION;
  if (!Number.isInteger(target) || target < 0 || target > POSTGRES_SCHEMA_VERSION) {
    throw new RangeError(`schemaVersion ${target} is not one of this code's PostgreSQL schema versions (0 to ${POSTGRES_SCHEMA_VERSION})`);
  }
  const client = await pool.connect();
  let unlocked = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const outcome = await migrateLocked(client, target);
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    unlocked = true;
    return outcome;
  } finally {
    // A connection that may still hold the lock (an error on the way) is closed rather than pooled:
    // closing it is what releases a session's advisory locks for certain.
    client.release(!unlocked);
  }
}

async function migrateLocked(client: PoolClient, target: number): Promise<MigrationOutcome> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
  const from = await schemaVersion(client);
  if (from > POSTGRES_SCHEMA_VERSION) {
    const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
    throw new NewerSchemaError(`the PostgreSQL database ${database}`, from, POSTGRES_SCHEMA_VERSION);
  }
  for (const migration of POSTGRES_MIGRATIONS.slice(from, target)) {
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new Error(`PostgreSQL migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`, { cause: error });
    }
  }
  return { from, to: Math.max(from, target) };
}

/** The schema version a database is at: the newest migration recorded in it, 0 for none. */
export async function schemaVersion(client: Pick<PoolClient, 'query'>): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0].version ?? 0;
}
