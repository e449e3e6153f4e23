import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalProblems, DEFAULT_PRICING_RULES, ean13, type Product, type Sale, type StockLevel } from '../../../../shared/src/index.js';
import { Catalog } from '../checkout/catalog.js';
import { createTillDatabase, type TillDatabase } from './database.js';
import { SaleRecorder } from '../checkout/sales.js';
import { StockView } from '../checkout/stock-view.js';

let db: TillDatabase;
let counter = 0;

function product(id: string, name: string, sku: string, barcode: string, overrides: Partial<Product> = {}): Product {
  return { id, sku, name, barcodes: [barcode], unit: 'piece', taxClass: 'standard', price: '2.50', cost: '1.20', active: true, updatedAt: '2026-11-27T00:00:00.000Z', ...overrides };
}

const level = (productId: string, quantity: string, applied: Record<string, number> = {}): StockLevel => ({
  id: `store-1:${productId}`,
  storeId: 'store-1',
  productId,
  quantity,
  applied,
});

beforeEach(async () => {
  db = await createTillDatabase({ name: `till-data-${process.pid}-${++counter}`, storage: getRxStorageMemory() as RxStorage<unknown, unknown> });
  await db.stores.insert({ id: 'store-1', code: 'S1', name: 'Shop', currency: 'EUR', pricing: DEFAULT_PRICING_RULES, negativeStock: 'warn' });
  await db.taxClasses.insert({ id: 'store-1:standard', storeId: 'store-1', code: 'standard', name: 'Standard', ratePercent: '20' });
  await db.tills.insert({ id: 'till-1', storeId: 'store-1', code: 'T1', name: 'Till 1', lastNumber: 0 });
  await db.products.bulkInsert([
    product('p1', 'Green Valley Whole Milk 1 l', 'GRE-00001', '4000000000017'),
    product('p2', 'Nordhof Whole Milk 1 l', 'NOR-00002', '4000000000024'),
    product('p3', 'Nordhof Dark Chocolate 100 g', 'NOR-00003', '4000000000031'),
    product('p4', 'Old Mill Rye Bread', 'OLD-00004', '4000000000048', { active: false }),
  ]);
});
afterEach(async () => {
  await db.close();
});

describe('catalog', () => {
  it('finds products by the start of any word of their name or SKU, every word typed must match', async () => {
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    expect(catalog.search('milk').map((found) => found.id).sort()).toEqual(['p1', 'p2']);
    expect(catalog.search('nord mil').map((found) => found.id)).toEqual(['p2']);
    expect(catalog.search('choc').map((found) => found.id)).toEqual(['p3']);
    expect(catalog.search('nor-00003').map((found) => found.id)).toEqual(['p3']);
    expect(catalog.search('00002').map((found) => found.id)).toEqual(['p2']);
    // Inactive products are not offered.
    expect(catalog.search('rye')).toEqual([]);
    expect(catalog.search('   ')).toEqual([]);
    catalog.close();
  });

  it('sells at the price in force by the till’s own clock: a scheduled change from its time on, a store’s own price over the chain’s', async () => {
    let now = Date.parse('2026-12-23T23:59:00.000Z');
    const at = '2026-12-01T00:00:00.000Z';
    await db.products.bulkInsert([
      product('xmas', 'Stollen', 'STO-1', '4000000000055', {
        price: '9.99',
        priceChanges: [
          { from: '2026-12-24T00:00:00.000Z', storeId: null, price: '4.99', at },
          { from: '2026-12-24T00:00:00.000Z', storeId: 'store-2', price: '3.99', at },
        ],
      }),
      product('local', 'Local honey', 'HON-1', '4000000000062', { price: '6.00', priceChanges: [{ from: '2026-12-01T00:00:00.000Z', storeId: 'store-1', price: '5.50', at }] }),
    ]);
    const catalog = new Catalog('store-1', 'till-1', undefined, () => now);
    await catalog.open(db);
    const versions: number[] = [];
    const seen = catalog.version$.subscribe((version) => versions.push(version));
    expect(catalog.product('xmas')?.price).toBe('9.99');
    expect(catalog.product('local')?.price).toBe('5.50');
    expect(catalog.search('stollen')[0].price).toBe('9.99');

    // Nothing is due yet: the views are not told anything.
    catalog.checkPriceChanges();
    expect(versions).toHaveLength(1);
    now = Date.parse('2026-12-24T00:00:00.000Z');
    catalog.checkPriceChanges();
    expect(versions).toHaveLength(2);
    expect(catalog.product('xmas')?.price).toBe('4.99');
    expect(catalog.scan('4000000000055')).toEqual({ product: expect.objectContaining({ id: 'xmas', price: '4.99' }) });
    expect(catalog.search('stollen')[0].price).toBe('4.99');
    // Only once: the next check finds nothing more due.
    catalog.checkPriceChanges();
    expect(versions).toHaveLength(2);
    seen.unsubscribe();
    catalog.close();
  });

  it('taxes at a dated rate from its time on, by the till’s own clock', async () => {
    let now = Date.parse('2026-12-31T23:59:00.000Z');
    await (await db.taxClasses.findOne('store-1:standard').exec())!.incrementalPatch({ rates: [{ from: '2027-01-01T00:00:00.000Z', ratePercent: '21' }] });
    const catalog = new Catalog('store-1', 'till-1', undefined, () => now);
    await catalog.open(db);
    const versions: number[] = [];
    const seen = catalog.version$.subscribe((version) => versions.push(version));
    expect(catalog.taxRatePercent(catalog.product('p1')!)).toBe('20');
    now = Date.parse('2027-01-01T00:00:00.000Z');
    catalog.checkPriceChanges();
    expect(versions).toHaveLength(2);
    expect(catalog.taxRatePercent(catalog.product('p1')!)).toBe('21');
    seen.unsubscribe();
    catalog.close();
  });

  it('rings up a case’s barcode as the pieces it holds, and finds the product by it', async () => {
    await db.products.bulkInsert([product('cola', 'Cola 0.33 l', 'COLA-1', '4000000000079', { packs: [{ name: 'case', quantity: '24', barcode: '10012345678902' }] })]);
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    expect(catalog.scan('4000000000079')).toEqual({ product: expect.objectContaining({ id: 'cola' }) });
    expect(catalog.scan('10012345678902')).toEqual({ product: expect.objectContaining({ id: 'cola' }), quantity: '24', pack: 'case' });
    expect(catalog.search('10012345678902').map((found) => found.id)).toEqual(['cola']);
    // The case taken off the product: its barcode rings nothing up any more.
    await (await db.products.findOne('cola').exec())!.incrementalPatch({ packs: [] });
    await expect.poll(() => catalog.scan('10012345678902')).toEqual({ unknown: true });
    catalog.close();
  });

  it('rings up scale labels: the weight, or the price, of a weighed item; never a piece item', async () => {
    await db.products.bulkInsert([
      product('loose', 'Bananas (loose)', 'LOOSE-001', '4000000009008', { unit: 'kg', price: '2.49', barcodes: [ean13('210010100000'), ean13('230010100000')] }),
      product('box', 'Tea box', 'TEA-1', ean13('210020200000')),
      product('nuts', 'Pine nuts (loose)', 'LOOSE-003', '4000000009022', { unit: 'kg', price: '24.90', barcodes: [ean13('230010300000')] }),
    ]);
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    expect(catalog.scan(ean13('210010101234'))).toEqual({ product: expect.objectContaining({ id: 'loose' }), quantity: '1.234' });
    const byPrice = catalog.scan(ean13('230010100311'));
    expect(byPrice).toMatchObject({ product: { id: 'loose' } });
    expect(['1.248', '1.249']).toContain((byPrice as { quantity: string }).quantity);
    // At 24.90/kg every gram costs more than a cent: 10.38 is 0.417 kg, 10.39 no weight at all.
    expect(catalog.scan(ean13('230010301038'))).toMatchObject({ product: { id: 'nuts' }, quantity: '0.417' });
    expect(catalog.scan(ean13('230010301039'))).toEqual({ problem: expect.stringContaining('printed at another price') });
    expect(catalog.scan(ean13('210020200500'))).toEqual({ problem: 'Tea box is sold by the piece: a scale label cannot ring it up.' });
    expect(catalog.scan(ean13('210099901234'))).toEqual({ unknown: true });
    expect(catalog.scan('4000000000031')).toEqual({ product: expect.objectContaining({ id: 'p3' }) });

    // The store's own layout, as head office sets it: prefix 28 carries a weight, item of four digits.
    const store = (await db.stores.findOne('store-1').exec())!;
    await store.incrementalPatch({ scaleBarcodes: { prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 4 } });
    await db.products.insert(product('cheese', 'Cheese (by weight)', 'LOOSE-004', ean13('280123000000'), { unit: 'kg', price: '18.90' }));
    // The catalogue follows the change stream; wait (bounded) until it has both changes.
    for (let tries = 0; tries < 200 && !('product' in catalog.scan(ean13('280123012345'))); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(catalog.scan(ean13('280123012345'))).toMatchObject({ product: { id: 'cheese' }, quantity: '12.345' });
    expect(catalog.scan(ean13('210010101234'))).toEqual({ unknown: true });
    catalog.close();
  });

  it('looks up a scanned barcode or an exact SKU, and knows the store’s tax rate of a product', async () => {
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    expect(catalog.byBarcodeOrSku('4000000000031')?.id).toBe('p3');
    expect(catalog.byBarcodeOrSku('gre-00001')?.id).toBe('p1');
    expect(catalog.byBarcodeOrSku('4000000000000')).toBeUndefined();
    expect(catalog.taxRatePercent(catalog.product('p1')!)).toBe('20');
    expect(catalog.store?.code).toBe('S1');
    expect(catalog.till?.code).toBe('T1');
    catalog.close();
  });

  it('follows changes as they replicate in: a renamed product, a new barcode, a new price', async () => {
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    const versionBefore = catalog.version$.value;
    await db.products.upsert(product('p3', 'Nordhof Milk Chocolate 100 g', 'NOR-00003', '4000000000055', { price: '1.99' }));
    await db.products.insert(product('p5', 'Alpine Oat Milk 1 l', 'ALP-00005', '4000000000062'));
    expect(catalog.version$.value).toBeGreaterThan(versionBefore);
    expect(catalog.search('dark')).toEqual([]);
    expect(catalog.search('milk').map((found) => found.id).sort()).toEqual(['p1', 'p2', 'p3', 'p5']);
    expect(catalog.byBarcodeOrSku('4000000000031')).toBeUndefined();
    expect(catalog.byBarcodeOrSku('4000000000055')?.price).toBe('1.99');
    catalog.close();
  });
});

describe('stock view and sale recorder', () => {
  async function sell(recorder: SaleRecorder, catalog: Catalog, productId: string, quantity: string): Promise<Sale> {
    const item = catalog.product(productId)!;
    return recorder.completeCashSale([{ product: item, quantity, taxRatePercent: '20' }], '100', {
      store: catalog.store!,
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'c1', name: 'Alice' },
      serverLastNumber: () => catalog.till?.lastNumber ?? 0,
    });
  }

  it('shows the server level plus this till’s sales the level does not include yet, never twice', async () => {
    await db.stockLevels.bulkInsert([level('p1', '10'), level('p2', '5')]);
    const catalog = new Catalog('store-1', 'till-1');
    const stock = new StockView('store-1', 'till-1');
    await catalog.open(db);
    await stock.open(db);
    const recorder = new SaleRecorder(db);
    expect(stock.quantity('p1')).toBe('10');

    const first = await sell(recorder, catalog, 'p1', '3');
    const second = await sell(recorder, catalog, 'p1', '2');
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(stock.quantity('p1')).toBe('5');
    expect(stock.pendingDocuments).toBe(2);

    // The server applies sale 1 (and a sale of another till): its level arrives by replication.
    await db.stockLevels.upsert(level('p1', '6', { 'till-1': 1, 'till-2': 4 }));
    expect(stock.quantity('p1')).toBe('4');
    expect(stock.pendingDocuments).toBe(1);
    await db.stockLevels.upsert(level('p1', '4', { 'till-1': 2, 'till-2': 4 }));
    expect(stock.quantity('p1')).toBe('4');
    expect(stock.pendingDocuments).toBe(0);
    // A product without any level yet starts from zero.
    expect(stock.quantity('p3')).toBe('0');
    stock.close();
    catalog.close();
  });

  it('a reopened till finds its pending sales again', async () => {
    await db.stockLevels.bulkInsert([level('p1', '10')]);
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    const recorder = new SaleRecorder(db);
    await sell(recorder, catalog, 'p1', '4');
    const reopened = new StockView('store-1', 'till-1');
    await reopened.open(db);
    expect(reopened.quantity('p1')).toBe('6');
    reopened.close();
    catalog.close();
  });

  it('never reuses a number the server already holds, even on a till whose database was emptied', async () => {
    await db.tills.upsert({ id: 'till-1', storeId: 'store-1', code: 'T1', name: 'Till 1', lastNumber: 41 });
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    const sale = await sell(new SaleRecorder(db), catalog, 'p2', '1');
    expect(sale.number).toBe(42);
    expect(sale.receiptNumber).toBe('S1-T1-000042');
    catalog.close();
  });

  it('refuses to complete a sale that does not add up, and stores nothing', async () => {
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    const item = catalog.product('p1')!;
    const recorder = new SaleRecorder(db);
    await expect(
      recorder.completeCashSale([{ product: item, quantity: '1', taxRatePercent: '20' }], '1.00', {
        store: catalog.store!,
        till: { id: 'till-1', code: 'T1' },
        cashier: { id: 'c1', name: 'Alice' },
        serverLastNumber: () => 0,
      }),
    ).rejects.toThrow('1.50 is still to pay');
    expect(await db.sales.count().exec()).toBe(0);
    catalog.close();
  });

  it('refuses a sale the server would refuse on its approvals (a discount grown past the limit), and stores nothing', async () => {
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    const item = catalog.product('p1')!;
    const recorder = new SaleRecorder(db);
    const alice = { id: 'c1', name: 'Alice' };
    // 1.00 off what was 10 units is within a cashier's 10 %; on the one unit left it is 40 %.
    const sale = recorder.completeSale(
      { items: [{ product: item, quantity: '1', taxRatePercent: '20', discount: { amount: '1.00', reason: 'loyal', by: alice } }], payments: [{ tender: 'cash', tendered: '5' }] },
      {
        store: catalog.store!,
        till: { id: 'till-1', code: 'T1' },
        cashier: alice,
        serverLastNumber: () => 0,
        check: (document) => approvalProblems(document, catalog.store!, () => 'cashier'),
      },
    );
    await expect(sale).rejects.toThrow('is above a cashier’s limit and needs a manager');
    expect(await db.sales.count().exec()).toBe(0);
    catalog.close();
  });

  it('refuses a sale or a return above the store’s limits, naming the line, and takes no number', async () => {
    const catalog = new Catalog('store-1', 'till-1');
    await catalog.open(db);
    const milk = catalog.product('p1')!;
    const recorder = new SaleRecorder(db);
    const context = () => ({ store: catalog.store!, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'c1', name: 'Alice' }, serverLastNumber: () => 0 });
    // 10,001 at 2.50 = 25,002.50: within the receipt's 1,000,000, one piece above the line's 10,000.
    const above = 'line 1 (Green Valley Whole Milk 1 l): 10001 pieces, more than the 10000 store S1 allows on one line';
    await expect(recorder.completeCashSale([{ product: milk, quantity: '10001', taxRatePercent: '20' }], '30000', context())).rejects.toThrow(above);
    await expect(recorder.completeReturnWithoutReceipt([{ product: milk, quantity: '10001', taxRatePercent: '20', restock: true }], { id: 'm1', name: 'Morgan' }, context())).rejects.toThrow(above);
    // Cash handed over counts as well, up to what a drawer may hold: 2.50 paid with 1,000,000,000.01.
    await expect(recorder.completeCashSale([{ product: milk, quantity: '1', taxRatePercent: '20' }], '1000000000.01', context())).rejects.toThrow(
      'payment 1 (cash): handed over 1000000000.01, more than the 1000000000 store S1 allows in one drawer',
    );
    expect(await db.sales.count().exec()).toBe(0);

    // Head office raises the store's limits; the till follows its store document.
    await (await db.stores.findOne('store-1').exec())!.incrementalPatch({ limits: { lineQuantity: '50000', documentAmount: '5000000' } });
    for (let tries = 0; tries < 200 && !catalog.store?.limits; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    const sale = await recorder.completeCashSale([{ product: milk, quantity: '10001', taxRatePercent: '20' }], '30000', context());
    expect(sale.number).toBe(1);
    expect(sale.totals.gross).toBe('25002.50');
    catalog.close();
  });
});
