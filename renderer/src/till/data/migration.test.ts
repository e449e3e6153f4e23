import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { expect, it } from 'vitest';
import { buildCashSale, DEFAULT_PRICING_RULES, productSchema, saleSchema, storeLimits, storeSchema, taxClassSchema, type Store } from '../../../../shared/src/index.js';
import { createTillDatabase } from './database.js';

/**
 * A till that sold before returns existed keeps its sales when it is updated: its IndexedDB holds the
 * sales collection at schema version 0, and opening it with version 1 migrates every document.
 */
it('opens a till database made with the sales schema before returns, keeping every sale', async () => {
  const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>;
  const { kind: _kind, returnOf: _returnOf, ...oldProperties } = saleSchema.properties;
  const { restock: _restock, ...oldLineProperties } = saleSchema.properties.lines.items.properties;
  const versionZero = {
    ...saleSchema,
    version: 0,
    properties: { ...oldProperties, lines: { ...saleSchema.properties.lines, items: { ...saleSchema.properties.lines.items, properties: oldLineProperties } }, stockMovements: { ...saleSchema.properties.stockMovements, minItems: 1 } },
    indexes: ['number'],
  };
  const { kind: _saleKind, ...oldSale } = buildCashSale(
    [{ product: { id: 'p-1', sku: 'SKU-1', name: 'Tea', unit: 'piece', price: '2.50', taxClass: 'reduced' }, quantity: '2', taxRatePercent: '7' }],
    '10',
    {
      id: 'old-sale',
      number: 1,
      store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'c1', name: 'Ada' },
      completedAt: '2026-11-01T10:00:00.000Z',
    },
  );
  const before = await createRxDatabase({ name: 'till-before-returns', storage, multiInstance: false });
  await before.addCollections({ sales: { schema: versionZero as never } });
  await before.sales.insert(oldSale);
  await before.close();

  const db = await createTillDatabase({ name: 'till-before-returns', storage });
  try {
    const kept = await db.sales.findOne({ selector: { receiptNumber: 'S1-T1-000001' } }).exec();
    expect(kept?.toJSON()).toMatchObject({ id: 'old-sale', number: 1, totals: { gross: '5.00' } });
    expect(kept?.kind).toBeUndefined();
  } finally {
    await db.close();
  }
});

/** A till updated to the store schema with limits keeps the store it had; the defaults apply until head office sets some. */
it('opens a till database made with the store schema before limits, keeping the store and its settings', async () => {
  const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>;
  const { limits: _limits, ...oldProperties } = storeSchema.properties;
  const versionTwo = { ...storeSchema, version: 2, properties: oldProperties };
  const before = await createRxDatabase({ name: 'till-before-limits', storage, multiInstance: false });
  await before.addCollections({ stores: { schema: versionTwo as never } });
  await before.stores.insert({ id: 'store-1', code: 'S1', name: 'Shop', currency: 'EUR', pricing: DEFAULT_PRICING_RULES, negativeStock: 'warn', cashRounding: '0.05' });
  await before.close();

  const db = await createTillDatabase({ name: 'till-before-limits', storage });
  try {
    const kept = (await db.stores.findOne('store-1').exec())?.toJSON() as Store | undefined;
    expect(kept).toMatchObject({ id: 'store-1', code: 'S1', cashRounding: '0.05' });
    expect(storeLimits(kept!)).toEqual({ lineQuantity: '10000', documentAmount: '1000000' });
  } finally {
    await db.close();
  }
});

/** A till updated to the product schema with price changes keeps its catalogue: products sell at the price they had. */
it('opens a till database made with the product schema before price changes, keeping every product', async () => {
  const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>;
  const { priceChanges: _priceChanges, ...oldProperties } = productSchema.properties;
  const versionZero = { ...productSchema, version: 0, properties: oldProperties };
  const before = await createRxDatabase({ name: 'till-before-price-changes', storage, multiInstance: false });
  await before.addCollections({ products: { schema: versionZero as never } });
  await before.products.insert({ id: 'p-1', sku: 'TEA-1', name: 'Tea', barcodes: ['4006381333931'], unit: 'piece', taxClass: 'reduced', price: '2.50', cost: '1.10', active: true, updatedAt: '2026-11-01T10:00:00.000Z' });
  await before.close();

  const db = await createTillDatabase({ name: 'till-before-price-changes', storage });
  try {
    expect((await db.products.findOne('p-1').exec())?.toJSON()).toMatchObject({ id: 'p-1', sku: 'TEA-1', price: '2.50' });
    // And takes a product with price changes as head office now writes it.
    await db.products.insert({ id: 'p-2', sku: 'TEA-2', name: 'Green tea', barcodes: [], unit: 'piece', taxClass: 'reduced', price: '3.00', cost: '1.20', active: true, updatedAt: '2026-12-01T10:00:00.000Z', priceChanges: [{ from: '2026-12-24T00:00:00.000Z', storeId: null, price: '2.00', at: '2026-12-01T10:00:00.000Z' }] });
    expect((await db.products.findOne('p-2').exec())?.priceChanges).toHaveLength(1);
  } finally {
    await db.close();
  }
});

/** A till updated to the tax-class schema with dated rates keeps its tax classes as they were. */
it('opens a till database made with the tax-class schema before dated rates, keeping every class', async () => {
  const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>;
  const { rates: _rates, ...oldProperties } = taxClassSchema.properties;
  const versionZero = { ...taxClassSchema, version: 0, properties: oldProperties };
  const before = await createRxDatabase({ name: 'till-before-dated-rates', storage, multiInstance: false });
  await before.addCollections({ taxClasses: { schema: versionZero as never } });
  await before.taxClasses.insert({ id: 'store-1:standard', storeId: 'store-1', code: 'standard', name: 'Standard', ratePercent: '19' });
  await before.close();

  const db = await createTillDatabase({ name: 'till-before-dated-rates', storage });
  try {
    expect((await db.taxClasses.findOne('store-1:standard').exec())?.toJSON()).toMatchObject({ code: 'standard', ratePercent: '19' });
  } finally {
    await db.close();
  }
});

/**
 * A till updated to the schemas with the units g, l and m keeps its products and sales in pieces and
 * kg as they were, and then takes a product sold by the metre and a sale of it.
 */
it('opens a till database made before the units g, l and m, keeping products and sales, and takes a product sold by the metre', async () => {
  const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>;
  const pieceOrKg = { type: 'string', enum: ['piece', 'kg'] };
  const oldProducts = { ...productSchema, version: 1, properties: { ...productSchema.properties, unit: pieceOrKg } };
  const lineItems = saleSchema.properties.lines.items;
  const oldSales = {
    ...saleSchema,
    version: 3,
    properties: { ...saleSchema.properties, lines: { ...saleSchema.properties.lines, items: { ...lineItems, properties: { ...lineItems.properties, unit: pieceOrKg } } } },
  };
  const apples = { id: 'p-1', sku: 'APL', name: 'Apples', barcodes: [], unit: 'kg' as const, taxClass: 'reduced', price: '2.40', cost: '1.10', active: true, updatedAt: '2026-11-01T10:00:00.000Z' };
  const sale = (id: string, number: number, product: { id: string; sku: string; name: string; unit: 'kg' | 'm'; price: string; taxClass: string }, quantity: string) =>
    buildCashSale([{ product, quantity, taxRatePercent: '7' }], '20', {
      id,
      number,
      store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'c1', name: 'Ada' },
      completedAt: '2026-11-01T10:00:00.000Z',
    });
  const before = await createRxDatabase({ name: 'till-before-units', storage, multiInstance: false });
  await before.addCollections({ products: { schema: oldProducts as never }, sales: { schema: oldSales as never } });
  await before.products.insert(apples);
  await before.sales.insert(sale('old-sale', 1, apples, '0.750'));
  await before.close();

  const db = await createTillDatabase({ name: 'till-before-units', storage });
  try {
    expect((await db.products.findOne('p-1').exec())?.unit).toBe('kg');
    expect((await db.sales.findOne('old-sale').exec())?.toJSON()).toMatchObject({ lines: [{ unit: 'kg', quantity: '0.750', gross: '1.80' }] });
    const cable = { ...apples, id: 'p-2', sku: 'CBL', name: 'Cable', unit: 'm' as const, price: '1.25' };
    await db.products.insert(cable);
    await db.sales.insert(sale('new-sale', 2, cable, '2.35'));
    expect((await db.sales.findOne('new-sale').exec())?.toJSON()).toMatchObject({ lines: [{ unit: 'm', quantity: '2.35', gross: '2.94' }] });
  } finally {
    await db.close();
  }
});
