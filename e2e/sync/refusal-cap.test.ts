import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Product, StockLevel } from '../../shared/src/index.js';
import { DEMO_STORE_ID } from '../../sync-server/src/demo.js';
import { startServer, type RunningServer } from '../../sync-server/src/testing.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';
import { whileStopped } from './office-storage.js';
import { StockBook } from '../../sync-server/src/stock/stock-book.js';

/**
 * A till that reaches its cap of refused documents, with the real replication client: its push is
 * refused whole (nothing of it stored, the documents stay on the till, the status says why) and waits
 * as the server asks, while the till goes on pulling head office's changes. Once the cause is fixed
 * the same documents are taken, each once.
 */
let server: RunningServer;
let till: NodeTill | undefined;
afterEach(async () => {
  await till?.close();
  till = undefined;
  await server.stop().catch(() => undefined);
});

async function centralQuantity(productId: string): Promise<string> {
  return (await server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:${productId}`))!.quantity;
}

it('holds a push past the refusal cap on the till, keeps pulling, and sends it whole once the cause is fixed', async () => {
  // A cap of one refused document, so two sales of a withdrawn product reach it.
  const cap = { count: 1, bytes: 1024 * 1024 };
  server = await startServer({ products: 30, refusalCap: cap });
  till = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1' });
  await till.sync.awaitInitialReplication();
  await eventually(() => expect(till!.catalog.store).toBeDefined());
  const opening = { withdrawn: Number(await centralQuantity('p-000015')), kept: Number(await centralQuantity('p-000014')) };
  const { file, port } = server;
  await server.stop();

  // Offline, the till sells a product head office withdraws meanwhile, twice, and another once.
  await till.sell([['p-000015', '1']]);
  await till.sell([['p-000015', '1']]);
  await till.sell([['p-000014', '1']]);
  const withdrawn = await whileStopped(file, async (office) => {
    const product = (await office.getDocument<Product>('products', 'p-000015'))!;
    await office.putDocument('products', product, null, true);
    return product;
  });

  server = await startServer({ file, port, refusalCap: cap });
  // One refused sale may be kept (the cap); a push that would keep a second is refused whole and
  // the till says why. No sale is stored. (Whether the first was pushed on its own, and kept, depends
  // on how the replication batched them while the server was away.)
  await eventually(() => expect(till!.sync.status$.value.sendingHeld).toMatch(/keeps 1 refused documents on the server, as many as it may/));
  expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
  expect((await server.repository.exceptions(DEMO_STORE_ID)).map((exception) => exception.kind)).toEqual(['refusals_capped']);
  // The till still counts its own sales, which wait on it.
  expect(till.stock.quantity('p-000014')).toBe(String(opening.kept - 1));
  expect(await till.db.sales.count().exec()).toBe(3);

  // Pulls go on meanwhile: head office's goods receipt reaches the till.
  const received = (await new StockBook(server.repository).record({
    id: randomUUID(),
    kind: 'receipt',
    storeId: DEMO_STORE_ID,
    reference: 'delivery 7',
    recordedBy: 'office',
    lines: [{ productId: 'p-000014', quantity: '10' }],
  }));
  expect(received.recorded).toBe(true);
  server.feed.notify(DEMO_STORE_ID, ['stockLevels']);
  await eventually(() => expect(till!.stock.quantity('p-000014')).toBe(String(opening.kept + 10 - 1)));

  // Head office restores the product; the till's next try (here: the server back after a restart)
  // sends the held sales, each taken once, and the cashier sends any refused one again.
  await server.repository.putDocument('products', withdrawn, null);
  await server.stop();
  server = await startServer({ file, port, refusalCap: cap });
  await eventually(async () => expect((await server.repository.till('till-1'))!.lastNumber).toBe(3));
  const open = (await server.repository.refusals(DEMO_STORE_ID)).filter((refusal) => refusal.acceptedAt === null);
  expect(open.length).toBeLessThanOrEqual(1);
  expect(await till.sync.resend(open.map((refusal) => refusal.id))).toEqual([]);
  expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(3);
  expect(await centralQuantity('p-000015')).toBe(String(opening.withdrawn - 2));
  expect(await centralQuantity('p-000014')).toBe(String(opening.kept + 10 - 1));
  await eventually(() => expect(till!.stock.pendingDocuments).toBe(0));
  expect(till.sync.status$.value.sendingHeld).toBeNull();
});
