import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  productSchema,
  refusalSchema,
  saleSchema,
  stockLevelSchema,
  storeSchema,
  taxClassSchema,
  tillSchema,
  type Product,
  type Refusal,
  type Sale,
  type StockLevel,
  type Store,
  type TaxClass,
  type Till,
} from '../../../shared/src/index.js';

export type TillCollections = {
  stores: RxCollection<Store>;
  taxClasses: RxCollection<TaxClass>;
  products: RxCollection<Product>;
  tills: RxCollection<Till>;
  stockLevels: RxCollection<StockLevel>;
  refusals: RxCollection<Refusal>;
  sales: RxCollection<Sale>;
};

export type TillDatabase = RxDatabase<TillCollections>;

export interface TillDatabaseOptions {
  /** One database per till and server, so a till never mixes another's documents with its own. */
  name: string;
  storage: RxStorage<unknown, unknown>;
}

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
  await db.addCollections({
    // Version 1 added the scale-label layout; a store kept before is the same document.
    stores: { schema: storeSchema, migrationStrategies: { 1: (store: Store) => store } },
    taxClasses: { schema: taxClassSchema },
    products: { schema: productSchema },
    tills: { schema: tillSchema },
    stockLevels: { schema: stockLevelSchema },
    refusals: { schema: refusalSchema },
    sales: {
      schema: saleSchema,
      // Version 1 added returns (kind, returnOf, restock) and the receipt-number index; a sale
      // stored before is the same document, a sale by default.
      migrationStrategies: { 1: (sale: Sale) => sale },
    },
  });
  return db;
}
