import type { Pool } from 'pg';
import { expect, it } from 'vitest';
import { NewerSchemaError } from '../schema-version.js';
import { MIGRATION_LOCK_KEY, migratePostgres, schemaVersion } from './migrate.js';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './migrations.js';
import { PostgresStorage } from './postgres-storage.js';
import { describeWithPostgres, withTestDatabase } from './testing.js';

/**
 * The server's schema on PostgreSQL, built by its migrations from an empty database, on a real
 * PostgreSQL (the test lane: KASSA_TEST_PG_URL). schema-parity.test.ts holds it to SQLite's.
 */

async function tables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}

async function indexes(pool: Pool): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ name: string; definition: string }>(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'`);
  return Object.fromEntries(rows.map((row) => [row.name, row.definition.replace(' USING btree', '').replace(/ ON public\./, ' ON ')]));
}

/** The PostgreSQL error code of a failed statement ('23505' is a unique violation), and the constraint it broke. */
async function failure(statement: Promise<unknown>): Promise<{ code: string; constraint: string | undefined }> {
  const error = (await statement.then(
    () => undefined,
    (reason: unknown) => reason,
  )) as { code: string; constraint?: string } | undefined;
  if (!error) throw new Error('the statement succeeded');
  return { code: error.code, constraint: error.constraint };
}

await describeWithPostgres('PostgreSQL migrations', () => {
  it('build every table, index and constraint from an empty database, and record each version', () =>
    withTestDatabase(async ({ pool }) => {
      expect(await migratePostgres(pool)).toEqual({ from: 0, to: POSTGRES_SCHEMA_VERSION });

      expect(await tables(pool)).toEqual([
        'audit_log',
        'customer_keys',
        'customer_merges',
        'devices',
        'document_ids',
        'documents',
        'exceptions',
        'meta',
        'office_accounts',
        'office_sessions',
        'pairing_codes',
        'refused_documents',
        'report_facts',
        'report_facts_pending',
        'sales',
        'schema_migrations',
        'shift_events',
        'stock_count_entries',
        'stock_documents',
        'stock_ledger',
        'stock_ledger_sales_days',
        'stock_ledger_sales_days_pending',
        'stock_positions',
        'till_contacts',
      ]);
      expect(await indexes(pool)).toEqual({
        audit_by_actor: 'CREATE INDEX audit_by_actor ON audit_log (actor_id, id)',
        audit_by_at: 'CREATE INDEX audit_by_at ON audit_log (at)',
        audit_by_kind: 'CREATE INDEX audit_by_kind ON audit_log (kind, id)',
        audit_by_store: 'CREATE INDEX audit_by_store ON audit_log (store_id, id)',
        audit_log_pkey: 'CREATE UNIQUE INDEX audit_log_pkey ON audit_log (id)',
        customer_keys_by_customer: 'CREATE INDEX customer_keys_by_customer ON customer_keys (customer_id)',
        customer_keys_pkey: 'CREATE UNIQUE INDEX customer_keys_pkey ON customer_keys (store_id, field, value, customer_id)',
        customer_merges_by_kept: 'CREATE INDEX customer_merges_by_kept ON customer_merges (kept_id)',
        customer_merges_pkey: 'CREATE UNIQUE INDEX customer_merges_pkey ON customer_merges (id)',
        devices_by_till: 'CREATE INDEX devices_by_till ON devices (till_id)',
        devices_credential_hash_key: 'CREATE UNIQUE INDEX devices_credential_hash_key ON devices (credential_hash)',
        devices_pkey: 'CREATE UNIQUE INDEX devices_pkey ON devices (id)',
        document_ids_pkey: 'CREATE UNIQUE INDEX document_ids_pkey ON document_ids (id)',
        documents_by_store_seq: 'CREATE INDEX documents_by_store_seq ON documents (collection, store_id, seq)',
        documents_pkey: 'CREATE UNIQUE INDEX documents_pkey ON documents (collection, id)',
        exceptions_by_store: 'CREATE INDEX exceptions_by_store ON exceptions (store_id, id)',
        exceptions_pkey: 'CREATE UNIQUE INDEX exceptions_pkey ON exceptions (id)',
        meta_pkey: 'CREATE UNIQUE INDEX meta_pkey ON meta (key)',
        office_accounts_email_key: 'CREATE UNIQUE INDEX office_accounts_email_key ON office_accounts (email)',
        office_accounts_pkey: 'CREATE UNIQUE INDEX office_accounts_pkey ON office_accounts (id)',
        office_sessions_by_account: 'CREATE INDEX office_sessions_by_account ON office_sessions (account_id)',
        office_sessions_pkey: 'CREATE UNIQUE INDEX office_sessions_pkey ON office_sessions (token_hash)',
        pairing_codes_pkey: 'CREATE UNIQUE INDEX pairing_codes_pkey ON pairing_codes (code_hash)',
        refused_by_till_number: 'CREATE INDEX refused_by_till_number ON refused_documents (till_id, number)',
        refused_documents_pkey: 'CREATE UNIQUE INDEX refused_documents_pkey ON refused_documents (id)',
        report_facts_pkey: 'CREATE UNIQUE INDEX report_facts_pkey ON report_facts (store_id, dimension, day, key)',
        report_facts_customers: "CREATE INDEX report_facts_customers ON report_facts (key, day, store_id) INCLUDE (sales, returns, quantity, gross, net, tax, discount, cost, costed_net) WHERE (dimension = 'customer'::text)",
        report_facts_chain_by_key: "CREATE INDEX report_facts_chain_by_key ON report_facts (dimension, key, day) INCLUDE (sales, returns, quantity, gross, net, tax, discount, cost, costed_net) WHERE (store_id = '*'::text)",
        refused_open_by_till: 'CREATE INDEX refused_open_by_till ON refused_documents (till_id, bytes) WHERE (accepted_at IS NULL)',
        sales_by_receipt: 'CREATE INDEX sales_by_receipt ON sales (store_id, receipt_number)',
        sales_by_return_of: 'CREATE INDEX sales_by_return_of ON sales (return_of) WHERE (return_of IS NOT NULL)',
        sales_by_shift: 'CREATE INDEX sales_by_shift ON sales (store_id, shift_id)',
        sales_by_till_number: 'CREATE UNIQUE INDEX sales_by_till_number ON sales (till_id, number)',
        sales_pkey: 'CREATE UNIQUE INDEX sales_pkey ON sales (id)',
        schema_migrations_pkey: 'CREATE UNIQUE INDEX schema_migrations_pkey ON schema_migrations (version)',
        shift_events_by_shift: 'CREATE INDEX shift_events_by_shift ON shift_events (store_id, shift_id)',
        shift_events_by_till_sequence: 'CREATE UNIQUE INDEX shift_events_by_till_sequence ON shift_events (till_id, sequence)',
        shift_events_pkey: 'CREATE UNIQUE INDEX shift_events_pkey ON shift_events (id)',
        stock_count_entries_by_line: 'CREATE INDEX stock_count_entries_by_line ON stock_count_entries (count_id, product_id)',
        stock_count_entries_by_product: 'CREATE INDEX stock_count_entries_by_product ON stock_count_entries (store_id, product_id, entered_at)',
        stock_count_entries_pkey: 'CREATE UNIQUE INDEX stock_count_entries_pkey ON stock_count_entries (count_id, entry_id)',
        stock_documents_by_store: 'CREATE INDEX stock_documents_by_store ON stock_documents (store_id, recorded_at)',
        stock_documents_pkey: 'CREATE UNIQUE INDEX stock_documents_pkey ON stock_documents (id)',
        stock_ledger_by_product_entry: 'CREATE INDEX stock_ledger_by_product_entry ON stock_ledger (store_id, product_id, entry) INCLUDE (recorded_at, source, quantity, unit_cost)',
        stock_ledger_pkey: 'CREATE UNIQUE INDEX stock_ledger_pkey ON stock_ledger (entry)',
        stock_ledger_sales_days_by_day: 'CREATE INDEX stock_ledger_sales_days_by_day ON stock_ledger_sales_days (store_id, day)',
        stock_ledger_sales_days_pkey: 'CREATE UNIQUE INDEX stock_ledger_sales_days_pkey ON stock_ledger_sales_days (store_id, product_id, day) INCLUDE (quantity)',
        stock_positions_pkey: 'CREATE UNIQUE INDEX stock_positions_pkey ON stock_positions (store_id, product_id)',
        till_contacts_pkey: 'CREATE UNIQUE INDEX till_contacts_pkey ON till_contacts (till_id)',
      });

      const recorded = await pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(recorded.rows).toEqual(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(await schemaVersion(pool)).toBe(POSTGRES_SCHEMA_VERSION);
      // The pull sequence starts where SQLite's does: the first document written gets 1.
      expect((await pool.query('SELECT key, value FROM meta')).rows).toEqual([{ key: 'seq', value: '0' }]);
    }));

  it('keep what the server relies on: one sale per till and number, one shift event per till and sequence, one device per credential', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool);
      const sale = `INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at) VALUES ($1, 'store-1', 'till-1', 7, '{"receiptNumber":"S1-T1-7"}', 1, 'x')`;
      await pool.query(sale, ['sale-1']);
      expect(await failure(pool.query(sale, ['sale-2']))).toEqual({ code: '23505', constraint: 'sales_by_till_number' });

      const shiftEvent = `INSERT INTO shift_events (id, store_id, till_id, shift_id, kind, sequence, body, received_seq, received_at) VALUES ($1, 'store-1', 'till-1', 'open-1', 'open', 1, '{}', 2, 'x')`;
      await pool.query(shiftEvent, ['open-1']);
      expect(await failure(pool.query(shiftEvent, ['cash-in-1']))).toEqual({ code: '23505', constraint: 'shift_events_by_till_sequence' });

      const device = `INSERT INTO devices (id, till_id, credential_hash, paired_at) VALUES ($1, 'till-1', 'hash-1', 'x')`;
      await pool.query(device, ['device-1']);
      expect(await failure(pool.query(device, ['device-2']))).toEqual({ code: '23505', constraint: 'devices_credential_hash_key' });

      // Ledger entries and exceptions are numbered by the database, as SQLite's rowids are.
      const entry = `INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at) VALUES ('store-1', 'product-1', 'sale', 'sale-1', '-1.5', 'x') RETURNING entry`;
      expect([(await pool.query(entry)).rows[0], (await pool.query(entry)).rows[0]]).toEqual([{ entry: '1' }, { entry: '2' }]);

      // A refused document with no collection named is a sale's, as in SQLite.
      await pool.query(
        `INSERT INTO refused_documents (id, store_id, till_id, number, body, problems, attempts, first_refused_at, last_refused_at) VALUES ('return-9', 'store-1', 'till-1', 9, '{}', '[]', 1, 'x', 'x')`,
      );
      expect((await pool.query(`SELECT collection, bytes FROM refused_documents`)).rows).toEqual([{ collection: 'sales', bytes: '0' }]);
    }));

  it('change nothing when run again', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool);
      const before = (await pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).rows;
      expect(await migratePostgres(pool)).toEqual({ from: POSTGRES_SCHEMA_VERSION, to: POSTGRES_SCHEMA_VERSION });
      expect((await pool.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).rows).toEqual(before);
    }));

  it('apply the schema once when several servers start on one database at the same moment', () =>
    withTestDatabase(async (database) => {
      const servers = [database.connect(), database.connect(), database.connect()];
      const outcomes = await Promise.all(servers.map((pool) => migratePostgres(pool)));
      // One of them built the schema; the others waited on the lock and found it built.
      expect(outcomes.map((outcome) => outcome.from).sort((a, b) => a - b)).toEqual([0, POSTGRES_SCHEMA_VERSION, POSTGRES_SCHEMA_VERSION]);
      expect(outcomes.every((outcome) => outcome.to === POSTGRES_SCHEMA_VERSION)).toBe(true);
      expect((await database.pool.query('SELECT count(*)::int AS count FROM schema_migrations')).rows).toEqual([{ count: POSTGRES_SCHEMA_VERSION }]);
      expect((await database.pool.query(`SELECT count(*)::int AS count FROM meta`)).rows).toEqual([{ count: 1 }]);
    }));

  it('refuse a database a newer release has migrated, naming both versions, and change nothing', () =>
    withTestDatabase(async ({ pool, name }) => {
      await migratePostgres(pool);
      const newer = POSTGRES_SCHEMA_VERSION + 1;
      await pool.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from a newer release')`, [newer]);

      const refusal = await migratePostgres(pool).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(NewerSchemaError);
      expect((refusal as Error).message).toBe(
        `the PostgreSQL database ${name} is at schema version ${newer}, newer than this server's ${POSTGRES_SCHEMA_VERSION}: ` +
          'a newer release of Kassa has used it. Run that release (or a later one) on it; this one leaves it untouched.',
      );
      expect(await schemaVersion(pool)).toBe(newer);
      // The refusal let go of the lock: another server can take it at once.
      expect((await pool.query('SELECT pg_try_advisory_lock($1) AS taken', [MIGRATION_LOCK_KEY])).rows).toEqual([{ taken: true }]);
    }));

  it('leave a database at the version before a migration that fails, and say which one failed', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 1 });
      // Something in the way of migration 2: a table of its name that someone made by hand.
      await pool.query('CREATE TABLE exceptions (note TEXT)');

      await expect(migratePostgres(pool)).rejects.toThrow(/^PostgreSQL migration 2 \(exceptions\) failed and was rolled back: relation "exceptions" already exists/);
      expect(await schemaVersion(pool)).toBe(1);
      expect(await tables(pool)).not.toContain('refused_documents');
    }));

  it('stop at the version asked for, and go on from there later', () =>
    withTestDatabase(async ({ pool }) => {
      expect(await migratePostgres(pool, { schemaVersion: 6 })).toEqual({ from: 0, to: 6 });
      expect(await tables(pool)).not.toContain('shift_events');
      expect(await migratePostgres(pool)).toEqual({ from: 6, to: POSTGRES_SCHEMA_VERSION });
      expect(await tables(pool)).toContain('customer_keys');
      await expect(migratePostgres(pool, { schemaVersion: POSTGRES_SCHEMA_VERSION + 1 })).rejects.toThrow(RangeError);
    }));

  it('index the documents a database at version 11 holds by (collection, store, seq) in migration 12, and a store’s pull reads them as before', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 11 });
      await pool.query(
        `INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body) VALUES
           ('stockLevels', 'chain-1', NULL, NULL, 1, false, '{"id":"chain-1"}'),
           ('stockLevels', 'store-2:p-1', 'store-2', NULL, 2, false, '{"id":"store-2:p-1"}'),
           ('stockLevels', 'store-1:p-1', 'store-1', NULL, 3, true, '{"id":"store-1:p-1"}'),
           ('stockLevels', 'store-1:till-2', 'store-1', 'till-2', 4, false, '{"id":"store-1:till-2"}'),
           ('stockLevels', 'store-1:p-2', 'store-1', NULL, 5, false, '{"id":"store-1:p-2"}')`,
      );
      expect(await migratePostgres(pool)).toEqual({ from: 11, to: POSTGRES_SCHEMA_VERSION });
      expect((await indexes(pool)).documents_by_store_seq).toBe('CREATE INDEX documents_by_store_seq ON documents (collection, store_id, seq)');
      const storage = PostgresStorage.fromPool(pool);
      expect(JSON.parse(await storage.documents.pullJson('stockLevels', { id: 'till-1', storeId: 'store-1' }, { seq: 1, id: 'chain-1' }, 10))).toEqual({
        documents: [
          { id: 'store-1:p-1', _deleted: true },
          { id: 'store-1:p-2', _deleted: false },
        ],
        checkpoint: { seq: 5, id: 'store-1:p-2' },
      });
    }));
  it('sum the sales and returns a database at version 17 holds per store, product and day in migration 18, and go on summing what is recorded after', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 17 });
      await pool.query(
        `INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at) VALUES
           ('store-1', 'milk', 'sale', NULL, '-2', '2026-12-02T08:00:00.000Z'),
           ('store-1', 'milk', 'return', NULL, '0.5', '2026-12-02T09:00:00.000Z'),
           ('store-1', 'milk', 'receipt', NULL, '24', '2026-12-02T10:00:00.000Z'),
           ('store-1', 'milk', 'sale', NULL, '-1', '2026-12-03T08:00:00.000Z'),
           ('store-2', 'milk', 'sale', NULL, '-7', '2026-12-02T08:00:00.000Z')`,
      );
      expect(await migratePostgres(pool)).toEqual({ from: 17, to: POSTGRES_SCHEMA_VERSION });
      const storage = PostgresStorage.fromPool(pool);
      // 1.5 and 1 sold: 2.5, squares 2.25 + 1.
      expect(await storage.ledger.netSales('store-1', '2026-12-01', '2026-12-03')).toEqual([{ productId: 'milk', total: '2.5', squares: '3.25' }]);
      await storage.transaction((tx) => tx.ledger.append([{ storeId: 'store-1', productId: 'milk', source: 'sale', documentId: null, quantity: '-1', recordedAt: '2026-12-03T18:00:00.000Z' }]));
      expect(await storage.ledger.netSales('store-1', '2026-12-01', '2026-12-03')).toEqual([{ productId: 'milk', total: '3.5', squares: '6.25' }]);
    }));
  it('keep the sales per store, product and day a database at version 22 holds when migration 23 puts each day’s quantity in the key, and go on summing what is recorded after', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 22 });
      await pool.query(
        `INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at) VALUES
           ('store-1', 'milk', 'sale', NULL, '-2', '2026-06-02T08:00:00.000Z'),
           ('store-1', 'milk', 'return', NULL, '0.5', '2026-12-02T09:00:00.000Z'),
           ('store-1', 'tea', 'sale', NULL, '-1', '2026-12-03T08:00:00.000Z')`,
      );
      expect(await migratePostgres(pool)).toEqual({ from: 22, to: POSTGRES_SCHEMA_VERSION });
      const storage = PostgresStorage.fromPool(pool);
      // A later sale on a day already held adds to its row through the new key.
      await storage.transaction((tx) =>
        tx.ledger.append([
          { storeId: 'store-1', productId: 'milk', source: 'sale', documentId: null, quantity: '-1.5', recordedAt: '2026-12-02T18:00:00.000Z' },
          { storeId: 'store-1', productId: 'tea', source: 'sale', documentId: null, quantity: '-2', recordedAt: '2026-12-04T08:00:00.000Z' },
        ]),
      );
      // What is appended waits as pending rows (migration 25) until a read of the sums folds them in.
      await storage.ledger.netSales('store-1', '2026-01-01', '2026-01-01');
      expect((await pool.query('SELECT product_id, day, quantity FROM stock_ledger_sales_days ORDER BY product_id, day')).rows).toEqual([
        { product_id: 'milk', day: '2026-06-02', quantity: '-2000' },
        { product_id: 'milk', day: '2026-12-02', quantity: '-1000' },
        { product_id: 'tea', day: '2026-12-03', quantity: '-1000' },
        { product_id: 'tea', day: '2026-12-04', quantity: '-2000' },
      ]);
      // A short window (hashed) and a year (read in key order) sum the same days alike.
      const sorted = (sums: { productId: string }[]) => sums.sort((a, b) => a.productId.localeCompare(b.productId));
      expect(sorted(await storage.ledger.netSales('store-1', '2026-12-01', '2026-12-04'))).toEqual([
        { productId: 'milk', total: '1', squares: '1' },
        { productId: 'tea', total: '3', squares: '5' },
      ]);
      expect(sorted(await storage.ledger.netSales('store-1', '2025-12-05', '2026-12-04'))).toEqual([
        { productId: 'milk', total: '3', squares: '5' },
        { productId: 'tea', total: '3', squares: '5' },
      ]);
    }));
  it('add every store’s product month sums a database at version 23 holds into the chain’s in migration 24', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 23 });
      const fact = (storeId: string, dimension: string, day: string, key: string, quantity: number, gross: number) => [storeId, dimension, day, key, 1, 0, quantity, gross, gross, 0, 0, 0, 0];
      const facts = [
        fact('store-1', 'product/month', '2026-11', 'milk', 2000, 30000),
        fact('store-2', 'product/month', '2026-11', 'milk', 5000, 70000),
        fact('store-2', 'product/month', '2026-12', 'tea', 1000, 25000),
        fact('store-1', 'product', '2026-11-03', 'milk', 2000, 30000),
        fact('store-1', 'category/month', '2026-11', 'Dairy', 2000, 30000),
      ];
      for (const row of facts) {
        await pool.query(`INSERT INTO report_facts (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net) VALUES (${facts[0].map((_, index) => `$${index + 1}`).join(', ')})`, row);
      }
      expect(await migratePostgres(pool)).toEqual({ from: 23, to: POSTGRES_SCHEMA_VERSION });
      const storage = PostgresStorage.fromPool(pool);
      const chain = (await storage.reports.sums(['*'], 'product/month', '2026-01', '2026-12', 'key')).map(({ group, sales, quantity, gross }) => ({ group, sales, quantity, gross }));
      expect(chain.sort((a, b) => a.group.localeCompare(b.group))).toEqual([
        { group: 'milk', sales: 2n, quantity: 7000n, gross: 100000n },
        { group: 'tea', sales: 1n, quantity: 1000n, gross: 25000n },
      ]);
      expect(await storage.reports.sums(['*'], 'category/month', '2026-01', '2026-12', 'key')).toEqual([]);
    }));
  it('give each stock position the last day its product sold in its store, from the facts a database at version 25 holds, pending ones too, in migration 26', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 25 });
      for (const [storeId, productId] of [['store-1', 'milk'], ['store-1', 'tea'], ['store-1', 'jam'], ['store-2', 'milk']]) {
        await pool.query(`INSERT INTO stock_positions (store_id, product_id, quantity) VALUES ($1, $2, 5000)`, [storeId, productId]);
      }
      const fact = (table: string, storeId: string, dimension: string, day: string, key: string, sales: number) =>
        pool.query(`INSERT INTO ${table} (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net) VALUES ($1, $2, $3, $4, $5, $6, 1000, 0, 0, 0, 0, 0, 0)`, [storeId, dimension, day, key, sales, 1 - sales]);
      // Milk sold in store 1 on the 2nd and (not folded yet) the 10th, in store 2 only taken back; jam's month sum is no day.
      await fact('report_facts', 'store-1', 'product', '2026-12-02', 'milk', 1);
      await fact('report_facts_pending', 'store-1', 'product', '2026-12-10', 'milk', 1);
      await fact('report_facts', 'store-2', 'product', '2026-12-10', 'milk', 0);
      await fact('report_facts', 'store-1', 'product', '2026-11-20', 'tea', 1);
      await fact('report_facts', 'store-1', 'product/month', '2026-12', 'jam', 1);
      expect(await migratePostgres(pool)).toEqual({ from: 25, to: POSTGRES_SCHEMA_VERSION });
      const storage = PostgresStorage.fromPool(pool);
      const slow = async (since: string) =>
        (await storage.reports.slowStock({ stores: [{ storeId: 'store-1', since, rank: 0 }, { storeId: 'store-2', since, rank: 1 }], products: new Map([['milk', 1n], ['tea', 1n], ['jam', 1n]]), limit: 10 })).top.map((position) => `${position.storeId} ${position.productId}`).sort();
      expect(await slow('2026-12-05')).toEqual(['store-1 jam', 'store-1 tea', 'store-2 milk']);
      expect(await slow('2026-11-01')).toEqual(['store-1 jam', 'store-2 milk']);
      expect(await slow('2026-12-11')).toEqual(['store-1 jam', 'store-1 milk', 'store-1 tea', 'store-2 milk']);
    }));
  it('fill each store’s stock positions from the stock levels and costs a database at version 21 holds, in migration 22, and keep them from then on', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 21 });
      const put = (collection: string, id: string, storeId: string, seq: number, body: Record<string, unknown>, deleted = false) =>
        pool.query(`INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body) VALUES ($1, $2, $3, NULL, $4, $5, $6)`, [collection, id, storeId, seq, deleted, JSON.stringify({ id, ...body })]);
      await put('stockLevels', 'store-1:milk', 'store-1', 1, { storeId: 'store-1', productId: 'milk', quantity: '12.5' });
      await put('stockLevels', 'store-1:tea', 'store-1', 2, { storeId: 'store-1', productId: 'tea', quantity: '-0.0005' });
      await put('stockLevels', 'store-2:milk', 'store-2', 3, { storeId: 'store-2', productId: 'milk', quantity: '3' }, true);
      await put('stockCosts', 'store-1:milk', 'store-1', 4, { storeId: 'store-1', productId: 'milk', averageCost: '0.71235' });
      expect(await migratePostgres(pool)).toEqual({ from: 21, to: POSTGRES_SCHEMA_VERSION });
      const storage = PostgresStorage.fromPool(pool);
      // Half away from zero past the places kept; a deleted level has no position.
      expect((await storage.documents.positions(null)).sort((a, b) => a.productId.localeCompare(b.productId))).toEqual([
        { storeId: 'store-1', productId: 'milk', quantity: 12500n, averageCost: 7124n },
        { storeId: 'store-1', productId: 'tea', quantity: -1n, averageCost: null },
      ]);
    }));
  it('fill a sale’s receipt number and shift columns from the sales a database at version 12 holds, in migration 13, and find them by both', () =>
    withTestDatabase(async ({ pool }) => {
      await migratePostgres(pool, { schemaVersion: 12 });
      const insert = `INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at) VALUES ($1, 'store-1', 'till-1', $2, $3, $2, 'x')`;
      await pool.query(insert, ['sale-1', 1, JSON.stringify({ id: 'sale-1', number: 1, receiptNumber: 'S1-T1-000001', shiftId: 'open-1' })]);
      await pool.query(insert, ['sale-2', 2, JSON.stringify({ id: 'sale-2', number: 2, receiptNumber: 'S1-T1-000002', shiftId: 'open-1' })]);
      await pool.query(insert, ['sale-3', 3, JSON.stringify({ id: 'sale-3', number: 3, receiptNumber: 'S1-T1-000003' })]);
      expect(await migratePostgres(pool)).toEqual({ from: 12, to: POSTGRES_SCHEMA_VERSION });
      expect((await pool.query('SELECT id, receipt_number, shift_id FROM sales ORDER BY id')).rows).toEqual([
        { id: 'sale-1', receipt_number: 'S1-T1-000001', shift_id: 'open-1' },
        { id: 'sale-2', receipt_number: 'S1-T1-000002', shift_id: 'open-1' },
        { id: 'sale-3', receipt_number: 'S1-T1-000003', shift_id: null },
      ]);
      const storage = PostgresStorage.fromPool(pool);
      expect((await storage.sales.byReceipt('store-1', 'S1-T1-000002')).map((sale) => sale.id)).toEqual(['sale-2']);
      expect((await storage.sales.ofShift('store-1', 'open-1')).map((sale) => sale.id)).toEqual(['sale-1', 'sale-2']);
      expect(await storage.sales.byReceipt('store-2', 'S1-T1-000002')).toEqual([]);
    }));
});
