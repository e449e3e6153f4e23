import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { Catalog } from '../../renderer/src/till/checkout/catalog.js';
import { createTillDatabase, STOCK_COLLECTIONS, type TillCollectionName, type TillDatabase } from '../../renderer/src/till/data/database.js';
import { SaleRecorder } from '../../renderer/src/till/checkout/sales.js';
import { StockView } from '../../renderer/src/till/checkout/stock-view.js';
import { fetchEventStream } from '../../renderer/src/till/sync/event-stream.js';
import { SyncEngine, type SyncOptions } from '../../renderer/src/till/sync/engine.js';
import type { ReturnLine, Sale } from '../../shared/src/index.js';
import { pairTill } from '../../sync-server/src/testing.js';

let counter = 0;

/**
 * A till's own data layer (database, replication, catalog, stock view, sale recorder) running in Node
 * on RxDB's memory storage, against a real sync server. Only the UI is missing.
 */
export interface NodeTill {
  db: TillDatabase;
  credential: string;
  sync: SyncEngine;
  catalog: Catalog;
  stock: StockView;
  recorder: SaleRecorder;
  sell(lines: [productId: string, quantity: string][], tendered?: string): Promise<Sale>;
  /** A cash return against one of this till's receipts (or another till's, through the server). */
  returnGoods(receiptNumber: string, lines: ReturnLine[]): Promise<Sale>;
  close(): Promise<void>;
}

export async function openNodeTill(options: {
  serverUrl: string;
  tillId: string;
  tillCode: string;
  storeId?: string;
  storage?: RxStorage<unknown, unknown>;
  name?: string;
  db?: TillDatabase;
  /** The till's device credential; without one the till is paired first with a code from head office. */
  credential?: string;
  /** The office key used to make that pairing code (test servers' key by default). */
  officeKey?: string;
  /** The till's network, e.g. one a test can switch off; the global fetch by default. */
  fetch?: typeof fetch;
  /** The collections to open: what moving stock needs by default, so two tills fit in one process. */
  collections?: readonly TillCollectionName[];
  /** Retry timing and event stream other than a test till's quick defaults (a till at a real counter's, say). */
  sync?: Partial<Pick<SyncOptions, 'retryMs' | 'maxRetryMs' | 'openEventStream' | 'snapshot'>>;
}): Promise<NodeTill> {
  const credential = options.credential ?? (await pairTill(options.serverUrl, options.tillId, options.officeKey));
  const storeId = options.storeId ?? 'store-1';
  const db =
    options.db ??
    (await createTillDatabase({
      name: options.name ?? `till-${options.tillId}-${process.pid}-${++counter}`,
      storage: options.storage ?? (getRxStorageMemory() as RxStorage<unknown, unknown>),
      collections: options.collections ?? STOCK_COLLECTIONS,
    }));
  const catalog = new Catalog(storeId, options.tillId);
  const recorder = new SaleRecorder(db);
  const stock = new StockView(storeId, options.tillId);
  const sync = new SyncEngine({
    db,
    serverUrl: options.serverUrl,
    tillId: options.tillId,
    credential,
    fetch: options.fetch,
    openEventStream: fetchEventStream(options.fetch ?? fetch, 200),
    retryMs: 200,
    // Test tills back off as real ones do, but no further than 2 s, so a fault test's rounds stay short.
    maxRetryMs: 2000,
    ...options.sync,
    waiting: () => recorder.knownLastNumber - (catalog.till?.lastNumber ?? 0),
    // As the till does (services.ts): a new till sells from its snapshot while it is being stored.
    onSnapshot: (collections) => {
      catalog.preload(collections);
      stock.preload(collections.stockLevels ?? []);
    },
  });
  sync.start();
  await catalog.open(db);
  await stock.open(db);
  return {
    db,
    credential,
    sync,
    catalog,
    stock,
    recorder,
    async sell(lines, tendered = '1000') {
      const store = catalog.store;
      if (!store) throw new Error('the till has no store yet: not synced');
      const items = lines.map(([productId, quantity]) => {
        const product = catalog.product(productId);
        if (!product) throw new Error(`no product ${productId}`);
        return { product, quantity, taxRatePercent: catalog.taxRatePercent(product)! };
      });
      return recorder.completeCashSale(items, tendered, {
        store,
        till: { id: options.tillId, code: options.tillCode },
        cashier: { id: 'cashier-1', name: 'Alice' },
        serverLastNumber: () => catalog.till?.lastNumber ?? 0,
      });
    },
    async returnGoods(receiptNumber, lines) {
      const store = catalog.store;
      if (!store) throw new Error('the till has no store yet: not synced');
      const found = await recorder.findForReturn(receiptNumber, (receipt) => sync.saleByReceipt(receipt));
      if (!found) throw new Error(`no sale ${receiptNumber}`);
      return recorder.completeReturn(found, lines, {
        store,
        till: { id: options.tillId, code: options.tillCode },
        cashier: { id: 'cashier-1', name: 'Alice' },
        serverLastNumber: () => catalog.till?.lastNumber ?? 0,
      });
    },
    async close() {
      await sync.stop();
      catalog.close();
      stock.close();
      if (!options.db) await db.close();
    },
  };
}

/** Polls until `check` passes or the time is up; for waiting on replication, never for timing. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
