import { cashierSchema } from './cashier.schema.js';
import { customerSchema } from './customer.schema.js';
import { productSchema } from './product.schema.js';
import { refusalSchema } from './refusal.schema.js';
import { saleSchema } from './sale.schema.js';
import { shiftEventSchema } from './shift-event.schema.js';
import { stockLevelSchema } from './stock-level.schema.js';
import { storeSchema } from './store.schema.js';
import { taxClassSchema } from './tax-class.schema.js';
import { tillSchema } from './till.schema.js';

export * from './cashier.schema.js';
export * from './common.js';
export * from './customer.schema.js';
export * from './product.schema.js';
export * from './refusal.schema.js';
export * from './sale.schema.js';
export * from './shift-event.schema.js';
export * from './stock-level.schema.js';
export * from './store.schema.js';
export * from './tax-class.schema.js';
export * from './till.schema.js';

/** Every replicated collection with its schema: the one source of the data's shape. */
export const collectionSchemas = {
  stores: storeSchema,
  taxClasses: taxClassSchema,
  products: productSchema,
  tills: tillSchema,
  stockLevels: stockLevelSchema,
  refusals: refusalSchema,
  cashiers: cashierSchema,
  sales: saleSchema,
  shiftEvents: shiftEventSchema,
  customers: customerSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;

/** Master data and projections flow from the server down; tills never write them. */
export const DOWNSTREAM_COLLECTIONS = ['stores', 'taxClasses', 'products', 'tills', 'stockLevels', 'refusals', 'cashiers'] as const;
export type DownstreamCollection = (typeof DOWNSTREAM_COLLECTIONS)[number];

/** Documents made at the till flow up; the server stores each once. */
export const UPSTREAM_COLLECTIONS = ['sales', 'shiftEvents'] as const;
export type UpstreamCollection = (typeof UPSTREAM_COLLECTIONS)[number];

/** Written at tills and at head office alike, merged field by field on the server. */
export const TWO_WAY_COLLECTIONS = ['customers'] as const;
export type TwoWayCollection = (typeof TWO_WAY_COLLECTIONS)[number];

const RXDB_ONLY_KEYWORDS = new Set(['version', 'primaryKey', 'indexes', 'keyCompression', 'encrypted', 'internalIndexes', 'attachments']);

/**
 * The schema as plain JSON Schema for the server's validator: RxDB's own keywords removed.
 * RxDB-internal fields (`_deleted`, `_meta`, ...) are stripped from a document before validation.
 */
export function toValidationSchema(schema: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !RXDB_ONLY_KEYWORDS.has(key)));
}
