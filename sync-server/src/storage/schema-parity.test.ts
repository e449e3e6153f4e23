import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_MIGRATION_NUMBERS, type SqliteDatabase } from '../database.js';
import { migratePostgres } from './postgres/migrate.js';
import { POSTGRES_MIGRATION_NUMBERS, POSTGRES_SCHEMA_VERSION } from './postgres/migrations.js';
import { describeWithPostgres, withTestDatabase } from './postgres/testing.js';
import { NewerSchemaError } from './schema-version.js';

/**
 * One schema in two dialects: at every schema version, SQLite's tables (database.ts) and
 * PostgreSQL's (postgres/migrations.ts) have the same columns, in the same order, and the same
 * indexes, so the two storage adapters can share one contract suite. PostgreSQL has two tables of
 * its own, for the pending rows of the sums (migration 25).
 */

describe('schema versions', () => {
  it('are numbered 1, 2, … in both dialects, which end at the same version', () => {
    const expected = Array.from({ length: SQLITE_MIGRATION_NUMBERS.length }, (_, index) => index + 1);
    expect(SQLITE_MIGRATION_NUMBERS).toEqual(expected);
    expect(POSTGRES_MIGRATION_NUMBERS).toEqual(expected);
    const db = openDatabase(':memory:');
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(POSTGRES_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('newer than the code are refused by SQLite in the words PostgreSQL uses, and the file is left as it was', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-schema-'));
    const file = path.join(folder, 'kassa.sqlite');
    const known = SQLITE_MIGRATION_NUMBERS.length;
    const written = openDatabase(file);
    written.pragma(`user_version = ${known + 1}`);
    written.close();

    expect(() => openDatabase(file)).toThrow(NewerSchemaError);
    expect(() => openDatabase(file)).toThrow(
      `the SQLite file ${file} is at schema version ${known + 1}, newer than this server's ${known}: ` +
        'a newer release of Kassa has used it. Run that release (or a later one) on it; this one leaves it untouched.',
    );
    const left = new Database(file);
    expect(left.pragma('user_version', { simple: true })).toBe(known + 1);
    left.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});

interface Column {
  name: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}

/**
 * SQLite's declared types as PostgreSQL's migrations map them (see the top of postgres/migrations.ts):
 * TEXT stays text, INTEGER is bigint, and the one flag is a boolean.
 */
function postgresType(table: string, column: { name: string; type: string }): string {
  if (table === 'documents' && column.name === 'deleted') return 'boolean';
  const types: Record<string, string> = { TEXT: 'text', INTEGER: 'bigint' };
  const type = types[column.type];
  if (!type) throw new Error(`${table}.${column.name}: SQLite type ${column.type} has no PostgreSQL mapping yet; add one here and in postgres/migrations.ts`);
  return type;
}

function sqliteTables(db: SqliteDatabase): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
}

/** SQLite's columns, as PostgreSQL should have them: a primary key column is never null there (SQLite lets a TEXT key be null, a quirk of its past). */
function sqliteColumns(db: SqliteDatabase, table: string): Column[] {
  const columns = db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
  return columns.map((column) => ({
    name: column.name,
    type: postgresType(table, column),
    notNull: column.notnull === 1 || column.pk > 0,
    hasDefault: column.dflt_value !== null,
  }));
}

async function postgresTables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  return rows.map((row) => row.name).sort();
}

async function postgresColumns(pool: Pool, table: string): Promise<Column[]> {
  const { rows } = await pool.query<{ name: string; type: string; nullable: string; default: string | null }>(
    `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS default
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => ({ name: row.name, type: row.type, notNull: row.nullable === 'NO', hasDefault: row.default !== null }));
}

/**
 * A table's indexes, each as "name: unique partial (columns)", an expression column as the JSON
 * field it reads. Indexes that come with a primary key or UNIQUE constraint are named "(key)", as
 * each dialect names them its own way; a SQLite rowid key (INTEGER PRIMARY KEY) is its table's
 * order, not an index, and counts as the key index PostgreSQL makes for it. A PostgreSQL primary
 * key's INCLUDE columns are left out: they keep the row's values with its key, as SQLite's WITHOUT
 * ROWID table keeps its whole row.
 */
function sqliteIndexes(db: SqliteDatabase, table: string): string[] {
  const list = db.pragma(`index_list(${table})`) as { name: string; unique: number; origin: string; partial: number }[];
  const described = list.map((index) => {
    const columns = (db.pragma(`index_info(${index.name})`) as { seqno: number; name: string | null }[]).sort((a, b) => a.seqno - b.seqno);
    const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index.name) as { sql: string | null } | undefined)?.sql ?? '';
    const fields = [...sql.matchAll(/'\$\.(\w+)'/g)].map((match) => match[1]);
    const names = columns.map((column) => column.name ?? `<json ${fields.shift()}>`);
    return describeIndex(index.origin === 'c' ? index.name : '(key)', index.unique === 1, index.partial === 1, names);
  });
  const rowidKey = (db.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[]).filter((column) => column.pk > 0);
  if (rowidKey.length === 1 && rowidKey[0].type === 'INTEGER') described.push(describeIndex('(key)', true, false, [rowidKey[0].name]));
  return described.sort();
}

async function postgresIndexes(pool: Pool, table: string, sqliteNames: Set<string>): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; unique: boolean; partial: boolean; primary: boolean; keys: number; columns: (string | null)[]; definition: string }>(
    `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial, x.indisprimary AS primary, x.indnkeyatts AS keys, pg_get_indexdef(x.indexrelid) AS definition,
       array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
             LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = $1`,
    [table],
  );
  return rows
    .map((row) => {
      const fields = [...row.definition.matchAll(/->> '(\w+)'/g)].map((match) => match[1]);
      const names = (row.primary ? row.columns.slice(0, row.keys) : row.columns).map((column) => column ?? `<json ${fields.shift()}>`);
      return describeIndex(sqliteNames.has(row.name) ? row.name : '(key)', row.unique, row.partial, names);
    })
    .sort();
}

function describeIndex(name: string, unique: boolean, partial: boolean, columns: string[]): string {
  return `${name}: ${unique ? 'unique ' : ''}${partial ? 'partial ' : ''}(${columns.join(', ')})`;
}

await describeWithPostgres('SQLite and PostgreSQL schemas', () => {
  it('have, at every version, the same tables with the same columns in the same order, the same nulls and defaults, and the same indexes', () =>
    withTestDatabase(async ({ pool }) => {
      for (const version of SQLITE_MIGRATION_NUMBERS) {
        await migratePostgres(pool, { schemaVersion: version });
        const sqlite = openDatabase(':memory:', { schemaVersion: version });
        try {
          const sqliteIndexNames = new Set((sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((row) => row.name));
          // PostgreSQL's own: its migrations' record (SQLite's is user_version), and the pending rows of
          // the sums its write transactions add (migration 25), which SQLite, one writer, adds in place.
          const tables = sqliteTables(sqlite);
          const postgresOnly = ['schema_migrations', ...(version >= 25 ? ['report_facts_pending', 'stock_ledger_sales_days_pending'] : [])];
          expect(await postgresTables(pool), `tables at schema version ${version}`).toEqual([...tables, ...postgresOnly].sort());
          for (const table of tables) {
            const where = `${table} at schema version ${version}`;
            expect(await postgresColumns(pool, table), where).toEqual(sqliteColumns(sqlite, table));
            expect(await postgresIndexes(pool, table, sqliteIndexNames), where).toEqual(sqliteIndexes(sqlite, table));
          }
        } finally {
          sqlite.close();
        }
      }
    }));
});
