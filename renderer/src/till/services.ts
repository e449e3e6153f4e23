import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Catalog } from './checkout/catalog.js';
import { CashierDirectory } from './shift/cashiers.js';
import { CustomerBook } from './customers/customers.js';
import { createTillDatabase, type TillDatabase } from './data/database.js';
import { ParkedCarts } from './checkout/parked.js';
import { SaleRecorder } from './checkout/sales.js';
import { ShiftBook } from './shift/shifts.js';
import { IndexedDbSnapshotStore } from './sync/snapshot.js';
import { keepSnapshots } from './sync/snapshot-keeper.js';
import { StockView } from './checkout/stock-view.js';
import type { TillSettings } from './settings.js';
import { fetchEventStream } from './sync/event-stream.js';
import { useCart } from './checkout/cart.js';
import { setStoreFormat } from './format.js';
import { SyncEngine } from './sync/engine.js';

/** Everything the till screen works with, opened once per window. */
export interface TillServices {
  settings: TillSettings;
  db: TillDatabase;
  sync: SyncEngine;
  catalog: Catalog;
  stock: StockView;
  recorder: SaleRecorder;
  /** The till's cash sessions: which shift is open, cash in and out, X and Z reports. */
  shifts: ShiftBook;
  cashiers: CashierDirectory;
  customers: CustomerBook;
  parked: ParkedCarts;
  persistentStorage: boolean;
}

let opening: Promise<TillServices> | undefined;

/** Opens the till's IndexedDB database, its in-memory views and replication. Memoized. */
export function openTill(settings: TillSettings, credential: string): Promise<TillServices> {
  opening ??= (async () => {
    // Ask the browser not to evict the till's database under storage pressure: sales live there
    // until the server has them.
    const persistentStorage = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    const name = `kassa-${settings.tillId}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
    const db = await createTillDatabase({ name, storage: getRxStorageDexie() as RxStorage<unknown, unknown> });
    performance.mark('kassa:database-open');
    const snapshots = new IndexedDbSnapshotStore(`${name}-snapshots`);
    const catalog = new Catalog(settings.storeId, settings.tillId, snapshots);
    const stock = new StockView(settings.storeId, settings.tillId, snapshots);
    await Promise.all([
      catalog.open(db).then(() => performance.mark('kassa:catalog-loaded')),
      stock.open(db).then(() => performance.mark('kassa:stock-loaded')),
    ]);

    performance.mark('kassa:data-loaded');
    // Every screen writes dates and amounts as the store does, from the store document as it arrives
    // and whenever head office changes it; subscribed before any screen, so it is set before they render.
    catalog.version$.subscribe(() => setStoreFormat(catalog.store));
    const recorder = new SaleRecorder(db);
    // Which shift is open is known before the till screen shows, so it never asks for a float by mistake.
    const shifts = new ShiftBook(db, undefined, undefined, () => catalog.till?.lastShiftSequence ?? 0);
    const customers = new CustomerBook(db, settings.storeId, settings.tillId);
    await Promise.all([shifts.load(), customers.open()]);
    const sync = new SyncEngine({
      db,
      serverUrl: settings.serverUrl,
      tillId: settings.tillId,
      credential,
      openEventStream: fetchEventStream(fetch.bind(window), 2000),
      isBusy: () => useCart.getState().paying,
      // A new till sells from the server's snapshot as soon as it arrives, while it is being stored.
      onSnapshot: (collections) => {
        catalog.preload(collections);
        stock.preload(collections.stockLevels ?? []);
        performance.mark('kassa:snapshot-loaded');
      },
      waiting: () => recorder.knownLastNumber - (catalog.till?.lastNumber ?? 0),
    });
    sync.start();
    void sync.awaitInitialReplication().then(() => performance.mark('kassa:initial-sync'));
    keepSnapshots([catalog, stock], undefined, () => sync.active);
    const services = { settings, db, sync, catalog, stock, recorder, shifts, customers, cashiers: new CashierDirectory(db, settings.storeId), parked: new ParkedCarts(settings.tillId), persistentStorage };
    // Benchmarks and diagnostics reach the till's own objects only when asked for in the address.
    if (new URLSearchParams(location.search).has('diagnostics')) (window as unknown as { kassaTill: TillServices }).kassaTill = services;
    return services;
  })();
  return opening;
}
