import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  cashierSchema,
  customerSchema,
  productSchema,
  shiftEventSchema,
  refusalSchema,
  saleSchema,
  stockLevelSchema,
  storeSchema,
  taxClassSchema,
  tillSchema,
  type Cashier,
  type Customer,
  type Product,
  type ShiftEvent,
  type Refusal,
  type Sale,
  type StockLevel,
  type Store,
  type TaxClass,
  type Till,
} from '../../../../shared/src/index.js';
import { customerConflictHandler } from '../customers/customers.js';

export type TillCollections = {
  stores: RxCollection<Store>;
  taxClasses: RxCollection<TaxClass>;
  products: RxCollection<Product>;
  tills: RxCollection<Till>;
  stockLevels: RxCollection<StockLevel>;
  refusals: RxCollection<Refusal>;
  cashiers: RxCollection<Cashier>;
  sales: RxCollection<Sale>;
  shiftEvents: RxCollection<ShiftEvent>;
  customers: RxCollection<Customer>;
};

export type TillDatabase = RxDatabase<TillCollections>;

export interface TillDatabaseOptions {
  /** One database per till and server, so a till never mixes another's documents with its own. */
  name: string;
  storage: RxStorage<unknown, unknown>;
  /**
   * Open only these collections. RxDB's open-source tier allows 14 open collections per JavaScript
   * process, so tests that run two tills' data layers in one Node process open just what moving stock
   * needs (STOCK_COLLECTIONS); the sync engine replicates whichever collections are open. A till
   * opens them all.
   */
  collections?: readonly TillCollectionName[];
}

export type TillCollectionName = keyof TillCollections;

/** What selling, returns and the stock projection need: master data, stock levels, refusals, sales. */
export const STOCK_COLLECTIONS: readonly TillCollectionName[] = ['stores', 'taxClasses', 'products', 'tills', 'stockLevels', 'refusals', 'sales'];

addRxPlugin(RxDBMigrationSchemaPlugin);

/** Opens the till's database with one collection per shared schema. */
export async function createTillDatabase(options: TillDatabaseOptions): Promise<TillDatabase> {
  const db = await createRxDatabase<TillCollections>({
    name: options.name,
    // No schema-validating storage wrapper: RxDB's compiles validators with eval, which the till's CSP
    // forbids. What the till writes itself (sales) is validated before the insert (see sales.ts);
    // what it pulls was validated by the server.
    storage: options.storage,
    // One till window per database: no cross-tab coordination or leader election to wait for.
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  const all = {
    // Version 1 added the scale-label layout, version 2 discount limits and cash rounding, version 3
    // the plausibility limits, version 4 the receipt header and footer, locale, time zone, largest
    // note, blind close and quick keys: a store kept before is the same document.
    stores: { schema: storeSchema, migrationStrategies: { 1: (store: Store) => store, 2: (store: Store) => store, 3: (store: Store) => store, 4: (store: Store) => store } },
    // Version 1 added dated rates (optional: older documents stay as they are).
    taxClasses: { schema: taxClassSchema, migrationStrategies: { 1: (taxClass: TaxClass) => taxClass } },
    // Version 1 added scheduled and per-store price changes (optional: older documents stay as they
    // are), version 2 the units g, l and m.
    products: { schema: productSchema, migrationStrategies: { 1: (product: Product) => product, 2: (product: Product) => product } },
    // Version 1 added the server's last shift-event sequence; a till kept before is the same document.
    tills: { schema: tillSchema, migrationStrategies: { 1: (till: Till) => till } },
    stockLevels: { schema: stockLevelSchema },
    // Version 1 names shift events and customers as refused collections too.
    refusals: { schema: refusalSchema, migrationStrategies: { 1: (refusal: Refusal) => refusal } },
    cashiers: { schema: cashierSchema },
    sales: {
      schema: saleSchema,
      // Version 1 added returns (kind, returnOf, restock) and the receipt-number index; a sale
      // stored before is the same document, a sale by default. Version 2 added discounts, price
      // overrides, voids, card and voucher tenders, cash rounding, shifts and customers, version 3
      // return reasons, how a weight was taken and weight overrides, all optional, version 4 the
      // units g, l and m (a line stored before is in pieces or kg, as it was).
      migrationStrategies: { 1: (sale: Sale) => sale, 2: (sale: Sale) => sale, 3: (sale: Sale) => sale, 4: (sale: Sale) => sale },
    },
    shiftEvents: { schema: shiftEventSchema },
    // Written here and at head office: when the server answers a push with its own version, the
    // till merges field by field as the server does (see customers.ts), never just drops its own.
    customers: { schema: customerSchema, conflictHandler: customerConflictHandler },
  };
  const wanted = options.collections ?? (Object.keys(all) as TillCollectionName[]);
  await db.addCollections(Object.fromEntries(wanted.map((name) => [name, all[name]])) as typeof all);
  return db;
}
