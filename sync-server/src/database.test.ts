import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_MIGRATION_NUMBERS, type SqliteDatabase } from './database.js';
import { SqliteStorage } from './storage/sqlite/sqlite-storage.js';
import { temporaryDatabaseFile, testStorageKind } from './testing.js';

/**
 * Migrations run on databases that shops already have: each is tested from the schema the release
 * before left, with the rows it held, not only from an empty file.
 */
let db: SqliteDatabase | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

// SQLite's own migrations: the run on PostgreSQL (KASSA_TEST_STORAGE=postgres) leaves them to the SQLite run.
describe.skipIf(testStorageKind() === 'postgres')('migration 10: pushed ids get owners, refusals their till and size', () => {
  it('gives every held id to the till and collection that holds it, stored documents before refusals', () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 9 });
    const insertSale = before.prepare(`INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at) VALUES (?, 'store-1', ?, ?, '{}', 1, 'x')`);
    insertSale.run('sale-1', 'till-1', 1);
    before.prepare(`INSERT INTO shift_events (id, store_id, till_id, shift_id, kind, sequence, body, received_seq, received_at) VALUES ('open-1', 'store-1', 'till-2', 'open-1', 'open', 1, '{}', 2, 'x')`).run();
    before.prepare(`INSERT INTO documents (collection, id, store_id, seq, body) VALUES ('customers', 'cust-1', 'store-1', 3, '{}')`).run();
    const refuse = before.prepare(
      `INSERT INTO refused_documents (id, store_id, till_id, collection, number, body, problems, attempts, first_refused_at, last_refused_at) VALUES (?, 'store-1', ?, ?, 0, ?, '[]', 1, 'x', 'x')`,
    );
    refuse.run('return-9', 'till-1', 'sales', '{"id":"return-9"}');
    // Left by the hole this migration closes: another till's customer refusal under a stored sale's id.
    refuse.run('sale-1', 'till-2', 'customers', '{"id":"sale-1","name":""}');
    refuse.run('cust-1', 'till-2', 'customers', '{"id":"cust-1"}');
    before.prepare(`INSERT INTO documents (collection, id, store_id, seq, body) VALUES ('refusals', 'return-9', 'store-1', 4, '{"id":"return-9","tillId":"till-1"}')`).run();
    before.close();

    db = openDatabase(file);
    expect(db.prepare(`SELECT id, collection, store_id, till_id FROM document_ids ORDER BY id`).all()).toEqual([
      { id: 'cust-1', collection: 'customers', store_id: 'store-1', till_id: null },
      { id: 'open-1', collection: 'shiftEvents', store_id: 'store-1', till_id: 'till-2' },
      { id: 'return-9', collection: 'sales', store_id: 'store-1', till_id: 'till-1' },
      { id: 'sale-1', collection: 'sales', store_id: 'store-1', till_id: 'till-1' },
    ]);
    expect(db.prepare(`SELECT id, till_id FROM documents WHERE collection = 'refusals'`).all()).toEqual([{ id: 'return-9', till_id: 'till-1' }]);
    expect(db.prepare(`SELECT id, bytes FROM refused_documents WHERE id = 'return-9'`).get()).toEqual({ id: 'return-9', bytes: '{"id":"return-9"}'.length });
  });
});

describe.skipIf(testStorageKind() === 'postgres')('migration 12: documents by store', () => {
  it('indexes the documents a release before left by (collection, store, seq), and a store’s pull reads them as before', async () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 11 });
    const insert = before.prepare(`INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body) VALUES ('stockLevels', ?, ?, ?, ?, ?, ?)`);
    insert.run('chain-1', null, null, 1, 0, '{"id":"chain-1"}');
    insert.run('store-2:p-1', 'store-2', null, 2, 0, '{"id":"store-2:p-1"}');
    insert.run('store-1:p-1', 'store-1', null, 3, 1, '{"id":"store-1:p-1"}');
    insert.run('store-1:till-2', 'store-1', 'till-2', 4, 0, '{"id":"store-1:till-2"}');
    insert.run('store-1:p-2', 'store-1', null, 5, 0, '{"id":"store-1:p-2"}');
    before.close();

    db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATION_NUMBERS.at(-1));
    expect((db.pragma('index_info(documents_by_store_seq)') as { name: string }[]).map((column) => column.name)).toEqual(['collection', 'store_id', 'seq']);
    const storage = new SqliteStorage(db);
    expect(JSON.parse(await storage.documents.pullJson('stockLevels', { id: 'till-1', storeId: 'store-1' }, { seq: 1, id: 'chain-1' }, 10))).toEqual({
      documents: [
        { id: 'store-1:p-1', _deleted: true },
        { id: 'store-1:p-2', _deleted: false },
      ],
      checkpoint: { seq: 5, id: 'store-1:p-2' },
    });
  });
});

describe.skipIf(testStorageKind() === 'postgres')('migration 13: receipt numbers and shifts as columns', () => {
  it('fills them from the sales a release before stored, and finds those sales by receipt and by shift', async () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 12 });
    const insert = before.prepare(`INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at) VALUES (?, 'store-1', 'till-1', ?, ?, ?, 'x')`);
    insert.run('sale-1', 1, JSON.stringify({ id: 'sale-1', number: 1, receiptNumber: 'S1-T1-000001', shiftId: 'open-1' }), 1);
    insert.run('sale-2', 2, JSON.stringify({ id: 'sale-2', number: 2, receiptNumber: 'S1-T1-000002', shiftId: 'open-1' }), 2);
    insert.run('sale-3', 3, JSON.stringify({ id: 'sale-3', number: 3, receiptNumber: 'S1-T1-000003' }), 3);
    before.close();

    db = openDatabase(file);
    expect(db.prepare(`SELECT id, receipt_number, shift_id FROM sales ORDER BY id`).all()).toEqual([
      { id: 'sale-1', receipt_number: 'S1-T1-000001', shift_id: 'open-1' },
      { id: 'sale-2', receipt_number: 'S1-T1-000002', shift_id: 'open-1' },
      { id: 'sale-3', receipt_number: 'S1-T1-000003', shift_id: null },
    ]);
    expect((db.pragma('index_info(sales_by_receipt)') as { name: string }[]).map((column) => column.name)).toEqual(['store_id', 'receipt_number']);
    expect((db.pragma('index_info(sales_by_shift)') as { name: string }[]).map((column) => column.name)).toEqual(['store_id', 'shift_id']);
    const storage = new SqliteStorage(db);
    expect((await storage.sales.byReceipt('store-1', 'S1-T1-000002')).map((sale) => sale.id)).toEqual(['sale-2']);
    expect((await storage.sales.ofShift('store-1', 'open-1')).map((sale) => sale.id)).toEqual(['sale-1', 'sale-2']);
    expect(await storage.sales.byReceipt('store-2', 'S1-T1-000002')).toEqual([]);
  });

  it('fills each store’s stock positions from the stock levels and costs a release before stored, in migration 22', async () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 21 });
    const insert = before.prepare(`INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body) VALUES (?, ?, ?, NULL, ?, ?, ?)`);
    const put = (collection: string, id: string, storeId: string, seq: number, body: Record<string, unknown>, deleted = 0) => insert.run(collection, id, storeId, seq, deleted, JSON.stringify({ id, ...body }));
    put('stockLevels', 'store-1:milk', 'store-1', 1, { storeId: 'store-1', productId: 'milk', quantity: '12.5' });
    put('stockLevels', 'store-1:tea', 'store-1', 2, { storeId: 'store-1', productId: 'tea', quantity: '-0.0005' });
    put('stockLevels', 'store-2:milk', 'store-2', 3, { storeId: 'store-2', productId: 'milk', quantity: '3' }, 1);
    put('stockCosts', 'store-1:milk', 'store-1', 4, { storeId: 'store-1', productId: 'milk', averageCost: '0.71235' });
    before.close();

    db = openDatabase(file);
    const storage = new SqliteStorage(db);
    // Half away from zero past the places kept, exactly (not through floating point); a deleted level has no position.
    expect((await storage.documents.positions(null)).sort((a, b) => a.productId.localeCompare(b.productId))).toEqual([
      { storeId: 'store-1', productId: 'milk', quantity: 12500n, averageCost: 7124n },
      { storeId: 'store-1', productId: 'tea', quantity: -1n, averageCost: null },
    ]);
  });

  it('adds every store’s product month sums a release before kept into the chain’s in migration 24, and keeps them from then on', async () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 23 });
    const fact = (storeId: string, dimension: string, day: string, key: string, quantity: number, gross: number) => [storeId, dimension, day, key, 1, 0, quantity, gross, gross, 0, 0, 0, 0];
    const facts = [
      fact('store-1', 'product/month', '2026-11', 'milk', 2000, 30000),
      fact('store-2', 'product/month', '2026-11', 'milk', 5000, 70000),
      fact('store-2', 'product/month', '2026-12', 'tea', 1000, 25000),
      fact('store-1', 'product', '2026-11-03', 'milk', 2000, 30000),
      fact('store-1', 'category/month', '2026-11', 'Dairy', 2000, 30000),
    ];
    const insert = before.prepare(`INSERT INTO report_facts (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net) VALUES (${Array(13).fill('?').join(', ')})`);
    for (const row of facts) insert.run(...row);
    before.close();

    db = openDatabase(file);
    const storage = new SqliteStorage(db);
    const chain = async () => (await storage.reports.sums(['*'], 'product/month', '2026-01', '2026-12', 'key')).map(({ group, sales, quantity, gross }) => ({ group, sales, quantity, gross })).sort((a, b) => a.group.localeCompare(b.group));
    // Only product month sums, each store's added together; the day and category sums have none.
    expect(await chain()).toEqual([
      { group: 'milk', sales: 2n, quantity: 7000n, gross: 100000n },
      { group: 'tea', sales: 1n, quantity: 1000n, gross: 25000n },
    ]);
    expect(await storage.reports.sums(['*'], 'category/month', '2026-01', '2026-12', 'key')).toEqual([]);
    expect(await storage.reports.sums(['*'], 'product', '2026-11-01', '2026-11-30', 'key')).toEqual([]);
  });

  it('gives each stock position the last day its product sold in its store, from the facts a release before kept, in migration 26', async () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 25 });
    const insertLevel = before.prepare(`INSERT INTO stock_positions (store_id, product_id, quantity) VALUES (?, ?, ?)`);
    for (const [storeId, productId] of [['store-1', 'milk'], ['store-1', 'tea'], ['store-1', 'jam'], ['store-2', 'milk']]) insertLevel.run(storeId, productId, 5000);
    const fact = (storeId: string, dimension: string, day: string, key: string, sales: number) => [storeId, dimension, day, key, sales, 1 - sales, 1000, 0, 0, 0, 0, 0, 0];
    const insert = before.prepare(`INSERT INTO report_facts (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net) VALUES (${Array(13).fill('?').join(', ')})`);
    // Milk sold in store 1 on the 2nd and the 10th, in store 2 only taken back; jam's month sum is no day.
    for (const row of [fact('store-1', 'product', '2026-12-02', 'milk', 1), fact('store-1', 'product', '2026-12-10', 'milk', 1), fact('store-2', 'product', '2026-12-10', 'milk', 0), fact('store-1', 'product', '2026-11-20', 'tea', 1), fact('store-1', 'product/month', '2026-12', 'jam', 1)]) insert.run(...row);
    before.close();

    db = openDatabase(file);
    const storage = new SqliteStorage(db);
    const slow = async (since: string) =>
      (await storage.reports.slowStock({ stores: [{ storeId: 'store-1', since, rank: 0 }, { storeId: 'store-2', since, rank: 1 }], products: new Map([['milk', 1n], ['tea', 1n], ['jam', 1n]]), limit: 10 })).top.map((position) => `${position.storeId} ${position.productId}`).sort();
    expect(await slow('2026-12-05')).toEqual(['store-1 jam', 'store-1 tea', 'store-2 milk']);
    expect(await slow('2026-11-01')).toEqual(['store-1 jam', 'store-2 milk']);
    expect(await slow('2026-12-11')).toEqual(['store-1 jam', 'store-1 milk', 'store-1 tea', 'store-2 milk']);
  });

  it('sums the sales and returns a release before recorded per store, product and day in migration 18, and goes on summing what is recorded after', async () => {
    const file = temporaryDatabaseFile();
    const before = openDatabase(file, { schemaVersion: 17 });
    const insert = before.prepare(`INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at) VALUES (?, ?, ?, NULL, ?, ?)`);
    insert.run('store-1', 'milk', 'sale', '-2', '2026-12-02T08:00:00.000Z');
    insert.run('store-1', 'milk', 'return', '0.5', '2026-12-02T09:00:00.000Z');
    insert.run('store-1', 'milk', 'receipt', '24', '2026-12-02T10:00:00.000Z');
    insert.run('store-1', 'milk', 'sale', '-1', '2026-12-03T08:00:00.000Z');
    insert.run('store-2', 'milk', 'sale', '-7', '2026-12-02T08:00:00.000Z');
    before.close();

    db = openDatabase(file);
    const storage = new SqliteStorage(db);
    // 1.5 and 1 sold: 2.5, squares 2.25 + 1.
    expect(await storage.ledger.netSales('store-1', '2026-12-01', '2026-12-03')).toEqual([{ productId: 'milk', total: '2.5', squares: '3.25' }]);
    await storage.transaction((tx) => tx.ledger.append([{ storeId: 'store-1', productId: 'milk', source: 'sale', documentId: null, quantity: '-1', recordedAt: '2026-12-03T18:00:00.000Z' }]));
    expect(await storage.ledger.netSales('store-1', '2026-12-01', '2026-12-03')).toEqual([{ productId: 'milk', total: '3.5', squares: '6.25' }]);
  });
});
