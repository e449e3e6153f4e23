import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product, StockLevel } from '../../../../shared/src/index.js';
import { Catalog } from '../checkout/catalog.js';
import { createTillDatabase, type TillDatabase } from '../data/database.js';
import { IndexedDbSnapshotStore, MemorySnapshotStore, type SnapshotStore } from './snapshot.js';
import { StockView } from '../checkout/stock-view.js';

let db: TillDatabase;
let counter = 0;

const product = (index: number, overrides: Partial<Product> = {}): Product => ({
  id: `p${index}`,
  sku: `SKU-${index}`,
  name: `Product number ${index}`,
  barcodes: [String(4000000000000 + index)],
  unit: 'piece',
  taxClass: 'standard',
  price: '1.00',
  cost: '0.50',
  active: true,
  updatedAt: '2026-11-27T00:00:00.000Z',
  ...overrides,
});

const level = (index: number, quantity: string): StockLevel => ({ id: `store-1:p${index}`, storeId: 'store-1', productId: `p${index}`, quantity, applied: {} });

beforeEach(async () => {
  db = await createTillDatabase({ name: `snapshot-${process.pid}-${++counter}`, storage: getRxStorageMemory() as RxStorage<unknown, unknown> });
  await db.products.bulkInsert(Array.from({ length: 50 }, (_, index) => product(index)));
  await db.stockLevels.bulkInsert(Array.from({ length: 50 }, (_, index) => level(index, '10')));
});
afterEach(async () => {
  await db.close();
});

async function openViews(snapshots: SnapshotStore) {
  const catalog = new Catalog('store-1', 'till-1', snapshots);
  const stock = new StockView('store-1', 'till-1', snapshots);
  await catalog.open(db);
  await stock.open(db);
  return { catalog, stock, close: () => (catalog.close(), stock.close()) };
}

describe.each([
  ['in memory', () => new MemorySnapshotStore()],
  ['in IndexedDB', () => new IndexedDbSnapshotStore(`snapshots-${++counter}`, new IDBFactory(), IDBKeyRange)],
])('a till opened from a snapshot kept %s', (_where, makeStore) => {
  it('sees exactly what the database holds: the snapshot plus every change made after it', async () => {
    const snapshots = makeStore();
    const first = await openViews(snapshots);
    await first.catalog.saveSnapshot();
    await first.stock.saveSnapshot();
    expect(first.catalog.changesSinceSnapshot).toBe(0);
    first.close();

    // Changes after the snapshot: a renamed product, a removed one, a new one, a new stock level.
    await db.products.upsert(product(3, { name: 'Renamed chocolate', barcodes: ['4999999999999'] }));
    await (await db.products.findOne('p7').exec())!.remove();
    await db.products.insert(product(77));
    await db.stockLevels.upsert(level(3, '4'));

    const second = await openViews(snapshots);
    expect(second.catalog.size).toBe(50);
    expect(second.catalog.product('p3')?.name).toBe('Renamed chocolate');
    expect(second.catalog.byBarcodeOrSku('4999999999999')?.id).toBe('p3');
    expect(second.catalog.byBarcodeOrSku(String(4000000000003))).toBeUndefined();
    expect(second.catalog.product('p7')).toBeUndefined();
    expect(second.catalog.product('p77')?.name).toBe('Product number 77');
    expect(second.catalog.search('chocolate').map((found) => found.id)).toEqual(['p3']);
    expect(second.stock.quantity('p3')).toBe('4');
    expect(second.stock.quantity('p4')).toBe('10');

    // And it keeps following changes live, like a till opened without a snapshot.
    await db.products.upsert(product(4, { price: '2.50' }));
    expect(second.catalog.product('p4')?.price).toBe('2.50');
    second.close();
  });

  it('opens without a snapshot (first start) from the database alone', async () => {
    const views = await openViews(makeStore());
    expect(views.catalog.size).toBe(50);
    expect(views.stock.quantity('p49')).toBe('10');
    views.close();
  });
});

it('reads every document of a bulk larger than one catch-up page, even though they share one write time', async () => {
  await db.products.bulkInsert(Array.from({ length: 4500 }, (_, index) => product(1000 + index)));
  const snapshots = new MemorySnapshotStore();
  const first = await openViews(snapshots);
  expect(first.catalog.size).toBe(4550);
  expect(first.catalog.readOnOpen).toBe(4550);
  await first.catalog.saveSnapshot();
  first.close();
  await db.products.bulkUpsert(Array.from({ length: 2500 }, (_, index) => product(1000 + index, { price: '9.99' })));
  const second = await openViews(snapshots);
  expect(second.catalog.readOnOpen).toBe(2500);
  expect(second.catalog.product('p3499')?.price).toBe('9.99');
  expect(second.catalog.product('p3500')?.price).toBe('1.00');
  second.close();
});

describe('search as you type', () => {
  it('ranks matches at the start of words above matches inside words, and narrows correctly while typing', async () => {
    await db.products.bulkUpsert([
      product(1, { name: 'Oat Milk 1 l', sku: 'OAT-1' }),
      product(2, { name: 'Buttermilk 500 ml', sku: 'BUT-2' }),
      product(3, { name: 'Milk Chocolate', sku: 'CHO-3' }),
      product(4, { name: 'Crème fraîche', sku: 'CRE-4' }),
    ]);
    const { catalog, close } = await openViews(new MemorySnapshotStore());
    const ids = (query: string) => catalog.search(query).map((found) => found.id);
    expect(ids('mi')).toEqual(['p1', 'p3', 'p2']);
    expect(ids('milk')).toEqual(['p1', 'p3', 'p2']);
    expect(ids('milk choc')).toEqual(['p3']);
    // Deleting back to a shorter query widens again.
    expect(ids('milk')).toEqual(['p1', 'p3', 'p2']);
    expect(ids('butter')).toEqual(['p2']);
    // Accents and case do not matter; SKUs are searched too.
    expect(ids('CREME')).toEqual(['p4']);
    expect(ids('cho-3')).toEqual(['p3']);
    close();
  });
});
