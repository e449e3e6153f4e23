import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, expect, it } from 'vitest';
import { createTillDatabase } from '../../renderer/src/till/data/database.js';
import { DEMO_STORE_ID } from '../../sync-server/src/demo.js';
import { startServer, type RunningServer } from '../../sync-server/src/testing.js';
import type { StockLevel } from '../../shared/src/index.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';

/**
 * One smoke test on the till's real storage (RxDB's Dexie storage over an IndexedDB implementation):
 * a sale made offline survives closing and reopening the till, then syncs once. The logic tests use
 * RxDB's memory storage because fake-indexeddb is far too slow for more (see docs/architecture.md, "How it is tested"); the browser
 * scenarios in e2e/ cover Chromium's real IndexedDB.
 */
let server: RunningServer | undefined;
const opened: NodeTill[] = [];

afterEach(async () => {
  for (const till of opened.splice(0)) await till.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
});

it('keeps an offline sale across a restart of the till on Dexie storage, then syncs it once', async () => {
  server = await startServer({ products: 12 });
  const indexedDB = new IDBFactory();
  const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
  const name = 'smoke-till-1';
  const first = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1', storage, name });
  opened.push(first);
  await first.sync.awaitInitialReplication();
  await eventually(() => expect(first.catalog.store).toBeDefined());
  const opening = Number(first.stock.quantity('p-000008'));

  const { file, port } = server;
  await server.stop();
  server = undefined;
  const sale = await first.sell([['p-000008', '2']]);
  expect(first.stock.quantity('p-000008')).toBe(String(opening - 2));
  await first.close();
  opened.pop();

  // The till restarts, still offline: same database, same sale, same stock.
  const db = await createTillDatabase({ name, storage });
  const reopened = await openNodeTill({ serverUrl: `http://127.0.0.1:${port}`, tillId: 'till-1', tillCode: 'T1', db, credential: first.credential });
  opened.push(reopened);
  expect((await db.sales.findOne(sale.id).exec())?.receiptNumber).toBe(sale.receiptNumber);
  expect(reopened.stock.quantity('p-000008')).toBe(String(opening - 2));

  server = await startServer({ file, port });
  const running = server;
  await eventually(async () => expect(await running.repository.salesCount(DEMO_STORE_ID)).toBe(1));
  await eventually(async () =>
    expect((await running.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:p-000008`))!.quantity).toBe(String(opening - 2)),
  );
  await eventually(() => expect(reopened.stock.pendingDocuments).toBe(0));
  expect(reopened.stock.quantity('p-000008')).toBe(String(opening - 2));
  await db.close();
});
