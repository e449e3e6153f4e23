import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../../sync-server/src/demo.js';
import { startServer, type RunningServer } from '../../sync-server/src/testing.js';
import type { Product, Refusal, StockLevel } from '../../shared/src/index.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';
import { whileStopped } from './office-storage.js';
import { StockBook } from '../../sync-server/src/stock/stock-book.js';

/**
 * The till's real data layer and RxDB's real replication client against a real sync server on
 * 127.0.0.1 over a real SQLite file. Only the UI is left out (see the Playwright scenarios for that).
 */
let server: RunningServer;
const tills: NodeTill[] = [];

async function till(tillId: 'till-1' | 'till-2'): Promise<NodeTill> {
  const opened = await openNodeTill({ serverUrl: server.url, tillId, tillCode: tillId === 'till-1' ? 'T1' : 'T2' });
  tills.push(opened);
  await opened.sync.awaitInitialReplication();
  await eventually(() => expect(opened.catalog.store).toBeDefined());
  return opened;
}

async function centralQuantity(productId: string): Promise<string> {
  return (await server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:${productId}`))!.quantity;
}

beforeEach(async () => {
  server = await startServer({ products: 30 });
});
afterEach(async () => {
  for (const opened of tills.splice(0)) await opened.close();
  await server.stop().catch(() => undefined);
});

describe('replication with the real RxDB client', () => {
  it('brings the whole catalogue, the store, its tax classes and stock levels down to an empty till', async () => {
    const a = await till('till-1');
    expect(a.catalog.size).toBe(30);
    expect(a.catalog.store?.code).toBe('S1');
    expect(a.catalog.till?.code).toBe('T1');
    const product = a.catalog.product('p-000010')!;
    expect(a.catalog.taxRatePercent(product)).toBe(product.taxClass === 'standard' ? '20' : '7');
    expect(a.stock.quantity('p-000010')).toBe(await centralQuantity('p-000010'));
    expect(a.catalog.byBarcodeOrSku(product.barcodes[0])?.id).toBe('p-000010');
    expect(a.catalog.search(product.name.split(' ').slice(-3).join(' ')).map((found) => found.id)).toContain('p-000010');
  });

  it('takes a sale’s stock down at once, pushes it once, and shows the new level on the other till live', async () => {
    const a = await till('till-1');
    const b = await till('till-2');
    const opening = Number(await centralQuantity('p-000010'));

    const sale = await a.sell([['p-000010', '3']]);
    // At once, before any sync: the till's own figure includes its sale.
    expect(a.stock.quantity('p-000010')).toBe(String(opening - 3));
    expect(sale.number).toBe(1);
    expect(sale.receiptNumber).toBe('S1-T1-000001');

    await eventually(async () => expect(await centralQuantity('p-000010')).toBe(String(opening - 3)));
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    await eventually(() => expect(b.stock.quantity('p-000010')).toBe(String(opening - 3)));
    // Once the server's level includes the sale, till A stops adding it: still exactly -3, not -6.
    await eventually(() => expect(a.catalog.till?.lastNumber).toBe(1));
    await a.sync.awaitInSync();
    expect(a.stock.quantity('p-000010')).toBe(String(opening - 3));
    expect(a.stock.pendingDocuments).toBe(0);
  });

  it('keeps selling while the server is down and reconciles exactly once it is back', async () => {
    const a = await till('till-1');
    const b = await till('till-2');
    const opening = Number(await centralQuantity('p-000010'));
    const openingOther = Number(await centralQuantity('p-000011'));
    const { file, port } = server;
    await server.stop();

    await a.sell([['p-000010', '1']]);
    await a.sell([['p-000010', '2'], ['p-000011', '1']]);
    expect(a.stock.quantity('p-000010')).toBe(String(opening - 3));
    expect(a.stock.quantity('p-000011')).toBe(String(openingOther - 1));
    expect(a.stock.pendingDocuments).toBe(2);
    await eventually(() => expect(a.sync.status$.value.online).toBe(false));

    server = await startServer({ file, port });
    await eventually(async () => expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(2));
    await eventually(async () => expect(await centralQuantity('p-000010')).toBe(String(opening - 3)));
    expect(await centralQuantity('p-000011')).toBe(String(openingOther - 1));
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe(String(opening - 3));
    await eventually(() => expect(b.stock.quantity('p-000010')).toBe(String(opening - 3)));
    await eventually(() => expect(a.stock.pendingDocuments).toBe(0));
    expect(a.stock.quantity('p-000010')).toBe(String(opening - 3));
    await eventually(() => expect(a.sync.status$.value.online).toBe(true));
  });

  it('re-pushing every sale from scratch (a lost push checkpoint) stores and counts nothing twice', async () => {
    const a = await till('till-1');
    const opening = Number(await centralQuantity('p-000012'));
    for (let index = 0; index < 5; index++) await a.sell([['p-000012', '1']]);
    await eventually(async () => expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(5));
    await a.sync.stop();

    // A second replication of the same database with fresh checkpoints pushes all five again.
    const again = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1', db: a.db, credential: a.credential });
    tills.push(again);
    await again.sync.awaitInitialReplication();
    await again.sync.awaitInSync();
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(5);
    expect(await centralQuantity('p-000012')).toBe(String(opening - 5));
    expect(again.stock.quantity('p-000012')).toBe(String(opening - 5));
  });

  it('lets two offline tills each sell the last unit: both stand, central stock -1, head office sees an oversell', async () => {
    const { repository } = server;
    const last = { ...(await repository.getDocument<Product>('products', 'p-000020'))!, id: 'p-last', sku: 'LAST-1', name: 'Last Unit Lamp', barcodes: ['4000000777771'] };
    await repository.write(async (writer) => {
      await writer.put('products', last, null);
      await new StockBook(repository).openIn(writer, DEMO_STORE_ID, [{ productId: 'p-last', quantity: '1' }]);
    });
    const a = await till('till-1');
    const b = await till('till-2');
    await eventually(() => expect([a.stock.quantity('p-last'), b.stock.quantity('p-last')]).toEqual(['1', '1']));
    const { file, port } = server;
    await server.stop();

    // Paid with a note of 20, as at a counter: change above the largest note would be an exception of its own.
    await a.sell([['p-last', '1']], '20');
    await b.sell([['p-last', '1']], '20');
    expect([a.stock.quantity('p-last'), b.stock.quantity('p-last')]).toEqual(['0', '0']);

    server = await startServer({ file, port });
    await eventually(async () => expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(2));
    await eventually(async () => expect(await centralQuantity('p-last')).toBe('-1'));
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-last')).toBe('-1');
    expect((await server.repository.exceptions(DEMO_STORE_ID)).map((exception) => [exception.kind, exception.productId])).toEqual([['oversell', 'p-last']]);
    await eventually(() => expect([a.stock.quantity('p-last'), b.stock.quantity('p-last')]).toEqual(['-1', '-1']));
  });

  it('keeps a sale the server refuses on the till with the reason, holds nothing back, and takes it once when sent again', async () => {
    const a = await till('till-1');
    const openingKept = Number(await centralQuantity('p-000014'));
    const openingRefused = Number(await centralQuantity('p-000015'));
    const { file, port } = server;
    await server.stop();

    // Offline, the till sells a product head office then withdraws before the till is back.
    await a.sell([['p-000014', '1']]);
    const refusedSale = await a.sell([['p-000015', '2']]);
    await a.sell([['p-000014', '1']]);
    expect(a.stock.quantity('p-000015')).toBe(String(openingRefused - 2));
    const withdrawn = await whileStopped(file, async (office) => {
      const product = (await office.getDocument<Product>('products', 'p-000015'))!;
      await office.putDocument('products', product, null, true);
      return product;
    });

    server = await startServer({ file, port });
    // The sales behind the refused one are taken; the refused one is listed on the till with its reason.
    await eventually(async () => expect((await server.repository.till('till-1'))!.lastNumber).toBe(3));
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(2);
    expect(await centralQuantity('p-000014')).toBe(String(openingKept - 2));
    expect(await centralQuantity('p-000015')).toBe(String(openingRefused));
    const openRefusals = async () => (await a.db.refusals.find({ selector: { tillId: 'till-1', status: 'open' } }).exec()).map((doc) => doc.toJSON() as Refusal);
    await eventually(async () => expect(await openRefusals()).toEqual([expect.objectContaining({ id: refusedSale.id, number: 2, problems: ['unknown product "p-000015"'] })]));
    // The till's own figures leave out what the server did not take, and nothing waits.
    await eventually(() => expect(a.stock.pendingDocuments).toBe(0));
    expect(a.stock.quantity('p-000015')).toBe(String(openingRefused));
    expect(a.stock.quantity('p-000014')).toBe(String(openingKept - 2));
    expect(await a.db.sales.findOne(refusedSale.id).exec()).not.toBeNull();
    // The till reported how many documents wait; head office counts the refused one.
    await eventually(async () => expect((await server.repository.tills(DEMO_STORE_ID)).find((entry) => entry.id === 'till-1')).toMatchObject({ waiting: 0, refused: 1 }));

    // Head office restores the product; the cashier sends the sale again.
    await server.repository.putDocument('products', withdrawn, null);
    server.feed.notify(DEMO_STORE_ID, ['products']);
    expect(await a.sync.resend([refusedSale.id])).toEqual([]);
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(3);
    expect(await centralQuantity('p-000015')).toBe(String(openingRefused - 2));
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000015')).toBe(String(openingRefused - 2));
    await eventually(async () => expect(await openRefusals()).toEqual([]));
    await eventually(() => expect(a.stock.quantity('p-000015')).toBe(String(openingRefused - 2)));
    // A later sale of the product, back in the till's catalogue, counts once too.
    await eventually(() => expect(a.catalog.product('p-000015')).toBeDefined());
    await a.sell([['p-000015', '1']]);
    await eventually(async () => expect(await centralQuantity('p-000015')).toBe(String(openingRefused - 3)));
    await eventually(() => expect(a.stock.quantity('p-000015')).toBe(String(openingRefused - 3)));
  });

  it('backs off while the server is away, and sends at once when it is back', async () => {
    let pushes = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/api/sync/sales/push')) pushes++;
      return fetch(input, init);
    };
    const a = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1', fetch: counting });
    tills.push(a);
    await a.sync.awaitInitialReplication();
    await eventually(() => expect(a.catalog.store).toBeDefined());
    const { file, port } = server;
    await server.stop();

    await a.sell([['p-000016', '1']]);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    // Tried every 200 ms without backoff, that would be about 20 pushes; doubling waits make about 6.
    expect(pushes).toBeGreaterThanOrEqual(2);
    expect(pushes).toBeLessThanOrEqual(10);

    server = await startServer({ file, port });
    await eventually(async () => expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1));
  });

  it('numbers a till’s sales gaplessly even when completions overlap', async () => {
    const a = await till('till-1');
    const sales = await Promise.all([1, 2, 3, 4, 5, 6].map(() => a.sell([['p-000013', '1']])));
    expect(sales.map((sale) => sale.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    await eventually(async () => expect((await server.repository.till('till-1'))!.lastNumber).toBe(6));
  });
});
