/**
 * How the load test reaches Kassa: starting the sync server, asking head office (with the office key
 * SyncServerProcess gives the server), pairing a till for its device credential, opening a till.
 * Nothing else in e2e/load/ knows how, so this file is the one place to change when any of it does.
 * The server keeps its default per-device request limit: a till that hits it shows as failed pushes.
 */
import fs from 'node:fs';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Catalog } from '../../renderer/src/data/catalog.js';
import { createTillDatabase, type TillDatabase } from '../../renderer/src/data/database.js';
import { SaleRecorder } from '../../renderer/src/data/sales.js';
import { StockView } from '../../renderer/src/data/stock-view.js';
import { SyncEngine } from '../../renderer/src/sync/engine.js';
import { fetchEventStream } from '../../renderer/src/sync/event-stream.js';
import { syncPaths, type Sale } from '../../shared/src/index.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../support/processes.js';

/** The store the demo seeds; every load-test till belongs to it. */
export const LOAD_STORE_ID = 'store-1';

export interface LoadServer {
  url: string;
  /** GET on head office's API, e.g. `/api/office/summary?store=store-1`. */
  office<T>(pathAndQuery: string): Promise<T>;
  /** Pairs a till as head office and the till would, and returns its device credential. */
  pair(tillId: string): Promise<string>;
  /** Stops the server process and removes its data folder. */
  stop(): Promise<void>;
}

/** The till the demo seeds as number `index` (1-based): till-1/T1 .. till-N/TN. */
export function loadTill(index: number): { tillId: string; tillCode: string } {
  return { tillId: `till-${index}`, tillCode: `T${index}` };
}

/** The real sync server in its own process on 127.0.0.1, a fresh data folder, a demo store with `tills` tills. */
export async function startLoadServer(options: { products: number; tills: number }): Promise<LoadServer> {
  const server = new SyncServerProcess(temporaryFolder('kassa-load-'), await freePort(), [
    '--demo-products',
    String(options.products),
    '--demo-tills',
    String(options.tills),
  ]);
  const stop = async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
  try {
    await server.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: server.url,
    office: (pathAndQuery) => server.json(pathAndQuery),
    async pair(tillId) {
      const code = await server.pairingCode(tillId);
      // The server lets one address pair ten tills at once, then one every few seconds.
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${server.url}${syncPaths.pair}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
        if (response.ok) return ((await response.json()) as { credential: string }).credential;
        if (response.status !== 429 || attempt >= 20) throw new Error(`pairing ${tillId} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 6) * 1000));
      }
    },
    stop,
  };
}

/** A till's data layer in Node (as e2e/sync/node-till.ts), with the fetch its replication uses supplied. */
export interface LoadTill {
  db: TillDatabase;
  sync: SyncEngine;
  catalog: Catalog;
  stock: StockView;
  sell(lines: [productId: string, quantity: string][]): Promise<Sale>;
  close(): Promise<void>;
}

/**
 * Opens a till on RxDB's memory storage with the real replication client, like openNodeTill but
 * with `fetch` passed to the sync engine (and its event stream), so the load test can time each push.
 */
export async function openLoadTill(options: { serverUrl: string; tillId: string; tillCode: string; credential: string; fetch: typeof fetch }): Promise<LoadTill> {
  const db = await createTillDatabase({
    name: `load-${options.tillId}-${process.pid}`,
    storage: getRxStorageMemory() as RxStorage<unknown, unknown>,
  });
  const catalog = new Catalog(LOAD_STORE_ID, options.tillId);
  const recorder = new SaleRecorder(db);
  const sync = new SyncEngine({
    db,
    serverUrl: options.serverUrl,
    tillId: options.tillId,
    credential: options.credential,
    fetch: options.fetch,
    openEventStream: fetchEventStream(options.fetch, 200),
    retryMs: 200,
    waiting: () => recorder.knownLastNumber - (catalog.till?.lastNumber ?? 0),
  });
  sync.start();
  const stock = new StockView(LOAD_STORE_ID, options.tillId);
  await catalog.open(db);
  await stock.open(db);
  return {
    db,
    sync,
    catalog,
    stock,
    async sell(lines) {
      const store = catalog.store;
      if (!store) throw new Error('the till has no store yet: not synced');
      const items = lines.map(([productId, quantity]) => {
        const product = catalog.product(productId);
        if (!product) throw new Error(`no product ${productId}`);
        return { product, quantity, taxRatePercent: catalog.taxRatePercent(product)! };
      });
      // Five lines of at most 3 units of the demo's prices stay far below 1,000.
      return recorder.completeCashSale(items, '1000', {
        store,
        till: { id: options.tillId, code: options.tillCode },
        cashier: { id: 'cashier-1', name: 'Load Cashier' },
        serverLastNumber: () => catalog.till?.lastNumber ?? 0,
      });
    },
    async close() {
      await sync.stop();
      catalog.close();
      stock.close();
      await db.close();
    },
  };
}
