/**
 * Head office's API, declared once: every /api/office route with what it takes and what it answers.
 * The server declares its routes against this map (a handler that answers otherwise does not
 * compile) and the office client calls them through it (see office-client.ts).
 *
 * Each route asks for what OFFICE_ROUTE_PERMISSIONS says: an account's session cookie whose role
 * grants it (and, for a store's route, an account that works in that store), or
 * `authorization: Bearer <office key>` (scripts, acting as the owner). Errors are a SyncErrorBody
 * with a 4xx or 500.
 */
import type { AuditEntry, AuditQuery, NewOfficeAccount, OfficeAccount, OfficeAccountChanges, OfficeMe, OfficePermission, OwnerSetup } from './office-accounts.js';
import type { CashierChanges, CashierView, NewCashier } from '../cashier.js';
import type { CustomerChanges, CustomerFields } from '../customer.js';
import type { StreamMessage } from '../protocol.js';
import type { CatalogueImportReport, PriceChangeInput, ProductFields } from '../catalogue.js';
import type { Customer, Product, Store, TaxClass, Till } from '../schemas/index.js';
import type { StockDocument } from '../stock-document.js';
import type { StockCountEntryInput, StockCountLine, StockCountOpen, StockCountView, StoredStockCount, UncountedChoice } from '../stock-count.js';
import type { TransferReceiptInput, TransferSend, TransferView } from '../transfer.js';
import type { Supplier, SupplierFields, SupplierProduct, SupplierProductFields, SupplierProductView } from '../purchasing/supplier.js';
import type { PurchaseOrder, PurchaseOrderLineInput } from '../purchasing/purchase-order.js';
import type { ReorderRule, ReorderSuggestion } from '../purchasing/reorder.js';
import type { StockValuation } from '../purchasing/valuation.js';
import type {
  AccountingReport,
  ControlReport,
  CustomerOrder,
  CustomersReport,
  Dashboard,
  MarginsReport,
  ProductOrder,
  ProductsReport,
  RunningLowReport,
  SalesGrouping,
  SalesReport,
  SlowMoversReport,
  StockValue,
} from '../reports/report.js';
import type { StoreSettingsChange } from '../store-settings.js';
import type {
  CustomerListing,
  OfficeSummary,
  PairingCode,
  ReceivedSale,
  RecordedStockDocument,
  RefusedDocument,
  ShiftDetail,
  ShiftSummary,
  StockException,
  StockReport,
  TillView,
} from './office-views.js';

/** Most lists are of one store. */
interface OfStore {
  store: string;
}

/** A list of one store, newest first, of at most `limit` entries (1 to 1000; each list has its default). */
interface OfStoreLimited extends OfStore {
  limit?: number;
}

/** Head office adds a customer (no id, or one not used yet) or changes one (the id of a held customer). */
export type OfficeCustomerInput = (CustomerFields & { storeId: string; id?: string }) | (CustomerChanges & { id: string; storeId?: string });

export interface OfficeApi {
  /** Trades an account's e-mail and password for a session cookie; wrong passwords are rate-limited. */
  'POST /api/office/login': { body: { email: string; password: string }; response: { account: OfficeAccount } };
  /** Ends the session the cookie carries. */
  'POST /api/office/logout': { response: { ok: true } };
  /** Who is calling, with the role that applies to this very request. */
  'GET /api/office/me': { response: OfficeMe };
  /** Whether the owner's account is still to be created (the server printed a one-time link). */
  'GET /api/office/setup': { response: { needed: boolean } };
  /** Creates the owner's account with the one-time token, once, and logs the owner in. */
  'POST /api/office/setup': { body: OwnerSetup; response: { account: OfficeAccount } };
  'GET /api/office/accounts': { response: OfficeAccount[] };
  'POST /api/office/accounts': { body: NewOfficeAccount; response: OfficeAccount };
  'PUT /api/office/accounts/:id': { body: OfficeAccountChanges; response: OfficeAccount };
  /** Every office write, newest first (at most `limit`, default 200); a manager sees their stores'. */
  'GET /api/office/audit': { query: AuditQuery; response: AuditEntry[] };

  'GET /api/office/stores': { response: Store[] };
  /** Opens a store (the owner's) with another store's settings and tax classes (`copyFrom`, else the first store's). */
  'POST /api/office/stores': { body: { code: string; name: string; copyFrom?: string }; response: Store };
  /** Renames a store or changes its code (receipts printed keep theirs). */
  'PUT /api/office/stores/:store': { body: { code?: string; name?: string }; response: Store };
  /** Adds a till to a store (201); a device is paired with it from the Tills page. */
  'POST /api/office/tills': { body: { storeId: string; code: string; name: string }; response: Till };
  /** Renames a till; its code stays, as it is in every receipt number the till prints. */
  'PUT /api/office/tills/:till': { body: { name: string }; response: Till };
  /** The layout a store's scales print labels in; the store's tills hear of it at once. */
  'PUT /api/office/stores/:store/scale-barcodes': { body: NonNullable<Store['scaleBarcodes']>; response: Store };
  /** Discount limits, cash rounding, limits, receipt texts, locale and time zone, largest note, blind close, quick keys. */
  'PUT /api/office/stores/:store/settings': { body: StoreSettingsChange; response: Store };

  /** The chain's catalogue, withdrawn products too, by SKU. */
  'GET /api/office/products': { response: Product[] };
  'GET /api/office/products/:id': { response: Product };
  /** The product's stock in every store the caller may see (a chain-wide view). */
  'GET /api/office/products/:id/stock': { response: { storeId: string; storeCode: string; storeName: string; quantity: string; onOrder: string }[] };
  /** Adds a product (201); a SKU or barcode another product has is refused, naming that product. */
  'POST /api/office/products': { body: ProductFields; response: Product };
  /** Changes a product as loaded at `updatedAt`; saved by someone else since: 409 naming who changed what. */
  'PUT /api/office/products/:id': { body: { updatedAt: string; fields: ProductFields }; response: Product };
  /**
   * Changes a product's price from a time on, for the chain (storeId null) or one store (price null:
   * back to the chain's); the tills apply it at that time by their own clocks, offline too.
   */
  'POST /api/office/products/:id/prices': { body: PriceChangeInput; response: Product };
  /**
   * Imports a catalogue CSV (CATALOGUE_CSV_COLUMNS): `apply` none previews, valid stores the valid
   * rows, all stores every row or nothing. Matched by SKU, so the same file again changes nothing.
   */
  'POST /api/office/products/import': { body: { csv: string; apply: CatalogueImportReport['apply'] }; response: CatalogueImportReport };
  /** The catalogue as CSV, in the format the import reads (a download, not JSON). */
  'GET /api/office/catalogue.csv': { download: 'text/csv' };
  /** Takes a product out of sale (tills no longer find or scan it), or puts it back. */
  'POST /api/office/products/:id/withdraw': { response: Product };
  'POST /api/office/products/:id/restore': { response: Product };

  /** The chain's suppliers, inactive ones too, by name. */
  'GET /api/office/suppliers': { response: Supplier[] };
  'POST /api/office/suppliers': { body: SupplierFields; response: Supplier };
  /** Changes a supplier as loaded at `updatedAt` (409 when someone saved it since); `active` false stops new orders. */
  'PUT /api/office/suppliers/:id': { body: { updatedAt: string; fields: SupplierFields & { active?: boolean } }; response: Supplier };
  /** What a supplier supplies, by SKU. */
  'GET /api/office/suppliers/:id/products': { response: SupplierProductView[] };
  /** Records (or changes) what a supplier supplies of a product; preferred makes it the product's one preferred supplier. */
  'PUT /api/office/suppliers/:id/products/:productId': { body: Omit<SupplierProductFields, 'productId'>; response: SupplierProduct };
  'POST /api/office/suppliers/:id/products/:productId/remove': { response: { removed: true } };
  /** Who supplies a product, the preferred supplier first. */
  'GET /api/office/products/:id/suppliers': { response: SupplierProductView[] };

  /** A store's purchase orders, the newest first. */
  'GET /api/office/purchase-orders': { query: OfStore; response: PurchaseOrder[] };
  'GET /api/office/purchase-orders/:id': { response: PurchaseOrder };
  /** The order's lines as CSV, for the supplier. */
  'GET /api/office/purchase-orders/:id/csv': { download: 'text/csv' };
  /** A draft for a store from one supplier, in its packs. */
  'POST /api/office/purchase-orders': { body: { storeId: string; supplierId: string; lines: PurchaseOrderLineInput[]; note?: string }; response: PurchaseOrder };
  /** Changes a draft as loaded at `updatedAt`. */
  'PUT /api/office/purchase-orders/:id': { body: { updatedAt: string; lines: PurchaseOrderLineInput[]; note?: string }; response: PurchaseOrder };
  /** Sends a draft: it is on order from now, due the supplier's lead time later. */
  'POST /api/office/purchase-orders/:id/send': { body: { updatedAt: string }; response: PurchaseOrder };
  /** Cancels an order nothing has arrived against. */
  'POST /api/office/purchase-orders/:id/cancel': { body: { updatedAt: string }; response: PurchaseOrder };
  /** Closes a partly received order: what it still lacks is no longer on order (the backorder is dropped). */
  'POST /api/office/purchase-orders/:id/close': { body: { updatedAt: string }; response: PurchaseOrder };

  /** A store's stock valuation at the end of a day (`at`, YYYY-MM-DD; today when left out), by category. */
  'GET /api/office/valuation': { query: OfStore & { at?: string }; response: StockValuation };
  /** A store's reorder suggestions, the products that run out soonest first, each with its figures. */
  'GET /api/office/reorder': { query: OfStore & { windowDays?: number; reviewDays?: number; serviceLevel?: string }; response: ReorderSuggestion[] };
  /** A product's fixed min/max in a store (both null: back to automatic). */
  'PUT /api/office/reorder/rules/:store/:productId': { body: { min: string | null; max: string | null }; response: ReorderRule | null };
  /** Accepted suggestions as draft purchase orders, one per preferred supplier. */
  'POST /api/office/reorder/orders': { body: { storeId: string; lines: { productId: string; packs: string }[] }; response: PurchaseOrder[] };

  /**
   * Sales over the days `from` to `to` (YYYY-MM-DD, both included, each store's own days), per period,
   * hour of day, store, till, cashier, category, tender or tax rate, of the stores named in `stores`
   * (ids, comma-separated; every store the account works in when left out), with whether every till
   * has sent what it made by the period's end.
   */
  'GET /api/office/reports/sales': { query: { stores?: string; from: string; to: string; by: SalesGrouping }; response: SalesReport };
  /** Today's and the period's figures, and the period day by day. */
  'GET /api/office/reports/dashboard': { query: { stores?: string; from: string; to: string }; response: Dashboard };
  /** What the stores' stock is worth now at cost (the dashboard's tile, read apart: it reads every stock level). */
  'GET /api/office/reports/stock-value': { query: { stores?: string }; response: StockValue };
  /** What sells: the products sold in the period, the first `limit` (default 50, at most 1,000) by units, revenue or margin. */
  'GET /api/office/reports/products': { query: { stores?: string; from: string; to: string; order?: ProductOrder; limit?: string }; response: ProductsReport };
  /** Products on hand that have not sold in the last `days` days (default 60), the most stock value first. */
  'GET /api/office/reports/slow-movers': { query: { stores?: string; days?: string; limit?: string }; response: SlowMoversReport };
  /** Margins per category, and the products whose margin is negative, below `target` percent (default 30) or pushed below it by discounts. */
  'GET /api/office/reports/margins': { query: { stores?: string; from: string; to: string; target?: string }; response: MarginsReport };
  /** Products out of stock (with the sales lost), at or below their reorder point, or with less than `coverDays` days of cover (default 7) at the sales of the last `windowDays` (default 28); the first `limit` listed (default 500, at most 20,000), all counted. */
  'GET /api/office/reports/running-low': { query: { stores?: string; windowDays?: string; coverDays?: string; limit?: string }; response: RunningLowReport };
  /** Customers by what they spent, how often or how lately they bought, with recency, frequency and monetary scores, new and returning. */
  'GET /api/office/reports/customers': { query: { stores?: string; from: string; to: string; order?: CustomerOrder; limit?: string }; response: CustomersReport };
  /** Discounts, overrides, voids, refunds and cash differences per cashier. */
  'GET /api/office/reports/control': { query: { stores?: string; from: string; to: string }; response: ControlReport };
  /** Daily totals per tax rate and per tender, for the accountant. */
  'GET /api/office/reports/accounting': { query: { stores?: string; from: string; to: string }; response: AccountingReport };

  /** The store's tax classes, each with its first rate and the rates dated after it. */
  'GET /api/office/tax-classes': { query: OfStore; response: TaxClass[] };
  /** Adds a tax class to a store (products name it by its code). */
  'POST /api/office/tax-classes': { body: { storeId: string; code: string; name: string; ratePercent: string }; response: TaxClass };
  /** Renames a class; its code stays. */
  'PUT /api/office/tax-classes/:id': { body: { name: string }; response: TaxClass };
  /** Dates a new rate for a class: from `from` on, tills tax at it by their own clocks. */
  'POST /api/office/tax-classes/:id/rates': { body: { from: string; ratePercent: string }; response: TaxClass };
  'GET /api/office/tills': { query: OfStore; response: TillView[] };
  /** A one-time code for the till, valid 15 minutes; an earlier unused one stops working. */
  'POST /api/office/tills/:till/pairing-code': { response: PairingCode };
  /** Stops the till at once: its credentials are revoked and its live stream closed. */
  'POST /api/office/tills/:till/revoke': { response: { revoked: number } };

  'GET /api/office/stock': { query: OfStore; response: StockReport };
  'GET /api/office/exceptions': { query: OfStore; response: StockException[] };
  'GET /api/office/stock-documents': { query: OfStoreLimited; response: RecordedStockDocument[] };
  /** Records a goods receipt or adjustment (201), or nothing when the same one is recorded already (200). */
  'POST /api/office/stock-documents': { body: StockDocument; response: { document: StockDocument; recorded: boolean } };
  /** Transfers a store sent or is sent, newest first. */
  'GET /api/office/transfers': { query: OfStore; response: TransferView[] };
  /** Sends stock to another store: out of the sender at once (201), or nothing when the same send is recorded already (200). */
  'POST /api/office/transfers': { body: TransferSend; response: { transfer: TransferView; recorded: boolean } };
  /** Receives a transfer at the store it was sent to, line by line (201), or nothing when the same receipt is recorded already (200). */
  'POST /api/office/transfers/:id/receive': { body: TransferReceiptInput; response: { transfer: TransferView; recorded: boolean } };

  /** A store's stock counts, newest first (without their lines). */
  'GET /api/office/counts': { query: OfStore; response: StoredStockCount[] };
  /** Opens a count sheet (201), or answers the one held when the same one is opened again (200). */
  'POST /api/office/counts': { body: StockCountOpen; response: StockCountView };
  /** The sheet: every product on it with what is counted; what the ledger expected is hidden on a blind count until it is posted. */
  'GET /api/office/counts/:id': { response: StockCountView };
  /** Adds what was counted of one product (a scan, a typed quantity, or a negative correction); the same entry again counts once. */
  'POST /api/office/counts/:id/entries': { body: StockCountEntryInput; response: StockCountLine };
  /** Posts the count: each counted line's difference moves stock; products not counted are left or counted as none. */
  'POST /api/office/counts/:id/post': { body: { uncounted: UncountedChoice }; response: StockCountView };
  /** Cancels an open count: nothing it counted moves stock. */
  'POST /api/office/counts/:id/cancel': { response: StockCountView };

  'GET /api/office/refusals': { query: OfStore; response: RefusedDocument[] };
  /** Takes a refused sale as it is (the store's rules waived for it), with a reason for the audit log. */
  'POST /api/office/refusals/:id/accept': { body: { reason: string }; response: { stored: number } };
  'GET /api/office/summary': { query: OfStore; response: OfficeSummary };
  'GET /api/office/sales': { query: OfStoreLimited; response: ReceivedSale[] };

  'GET /api/office/cashiers': { query: OfStore; response: CashierView[] };
  /** Adds a cashier (201); the PIN is hashed before anything is kept and never comes back. */
  'POST /api/office/cashiers': { body: NewCashier; response: CashierView };
  'PUT /api/office/cashiers/:id': { body: CashierChanges; response: CashierView };

  'GET /api/office/customers': { query: OfStore; response: CustomerListing };
  /** Adds (201) or changes (200) a customer. */
  'POST /api/office/customers': { body: OfficeCustomerInput; response: Customer };
  /** Merges the customer `merge` into `keep`; the other is deleted at the store's tills. */
  'POST /api/office/customers/merge': { body: { keep: string; merge: string }; response: { kept: Customer; merged: string } };

  'GET /api/office/shifts': { query: OfStoreLimited; response: ShiftSummary[] };
  'GET /api/office/shifts/:shiftId': { response: ShiftDetail };

  /**
   * Server-sent events: which collections of the store changed, or of any of the stores named
   * (comma-separated, a report's), as an EventSource, not a JSON answer.
   */
  'GET /api/office/events': { query: { store: string; stores?: undefined } | { store?: undefined; stores: string }; events: StreamMessage };
}

export type OfficeRoute = keyof OfficeApi;

/** What each route asks of its caller (see OfficePermission); the server enforces it, the app shows it. */
export const OFFICE_ROUTE_PERMISSIONS: Record<OfficeRoute, OfficePermission> = {
  'POST /api/office/login': 'open',
  'POST /api/office/logout': 'open',
  'GET /api/office/me': 'read',
  'GET /api/office/setup': 'open',
  'POST /api/office/setup': 'open',
  'GET /api/office/accounts': 'accounts',
  'POST /api/office/accounts': 'accounts',
  'PUT /api/office/accounts/:id': 'accounts',
  'GET /api/office/audit': 'manage',
  'GET /api/office/stores': 'read',
  'POST /api/office/stores': 'accounts',
  'PUT /api/office/stores/:store': 'manage',
  'POST /api/office/tills': 'manage',
  'PUT /api/office/tills/:till': 'manage',
  'PUT /api/office/stores/:store/scale-barcodes': 'manage',
  'PUT /api/office/stores/:store/settings': 'manage',
  'GET /api/office/products': 'read',
  'GET /api/office/products/:id': 'read',
  'GET /api/office/products/:id/stock': 'read',
  'POST /api/office/products': 'manage',
  'PUT /api/office/products/:id': 'manage',
  'POST /api/office/products/:id/prices': 'manage',
  'POST /api/office/products/import': 'manage',
  'GET /api/office/catalogue.csv': 'read',
  'POST /api/office/products/:id/withdraw': 'manage',
  'POST /api/office/products/:id/restore': 'manage',
  'GET /api/office/suppliers': 'read',
  'POST /api/office/suppliers': 'manage',
  'PUT /api/office/suppliers/:id': 'manage',
  'GET /api/office/suppliers/:id/products': 'read',
  'PUT /api/office/suppliers/:id/products/:productId': 'manage',
  'POST /api/office/suppliers/:id/products/:productId/remove': 'manage',
  'GET /api/office/products/:id/suppliers': 'read',
  'GET /api/office/purchase-orders': 'read',
  'GET /api/office/purchase-orders/:id': 'read',
  'GET /api/office/purchase-orders/:id/csv': 'read',
  'POST /api/office/purchase-orders': 'manage',
  'PUT /api/office/purchase-orders/:id': 'manage',
  'POST /api/office/purchase-orders/:id/send': 'manage',
  'POST /api/office/purchase-orders/:id/cancel': 'manage',
  'POST /api/office/purchase-orders/:id/close': 'manage',
  'GET /api/office/valuation': 'read',
  'GET /api/office/reorder': 'read',
  'PUT /api/office/reorder/rules/:store/:productId': 'manage',
  'POST /api/office/reorder/orders': 'manage',
  'GET /api/office/reports/sales': 'read',
  'GET /api/office/reports/dashboard': 'read',
  'GET /api/office/reports/stock-value': 'read',
  'GET /api/office/reports/products': 'read',
  'GET /api/office/reports/slow-movers': 'read',
  'GET /api/office/reports/margins': 'read',
  'GET /api/office/reports/running-low': 'read',
  'GET /api/office/reports/customers': 'read',
  'GET /api/office/reports/control': 'read',
  'GET /api/office/reports/accounting': 'read',
  'GET /api/office/tax-classes': 'read',
  'POST /api/office/tax-classes': 'manage',
  'PUT /api/office/tax-classes/:id': 'manage',
  'POST /api/office/tax-classes/:id/rates': 'manage',
  'GET /api/office/tills': 'read',
  'POST /api/office/tills/:till/pairing-code': 'manage',
  'POST /api/office/tills/:till/revoke': 'manage',
  'GET /api/office/stock': 'read',
  'GET /api/office/exceptions': 'read',
  'GET /api/office/stock-documents': 'read',
  'POST /api/office/stock-documents': 'stock',
  'GET /api/office/transfers': 'read',
  'POST /api/office/transfers': 'stock',
  'POST /api/office/transfers/:id/receive': 'stock',
  'GET /api/office/counts': 'read',
  'POST /api/office/counts': 'stock',
  'GET /api/office/counts/:id': 'read',
  'POST /api/office/counts/:id/entries': 'stock',
  'POST /api/office/counts/:id/post': 'manage',
  'POST /api/office/counts/:id/cancel': 'manage',
  'GET /api/office/refusals': 'read',
  'POST /api/office/refusals/:id/accept': 'manage',
  'GET /api/office/summary': 'read',
  'GET /api/office/sales': 'read',
  'GET /api/office/cashiers': 'read',
  'POST /api/office/cashiers': 'manage',
  'PUT /api/office/cashiers/:id': 'manage',
  'GET /api/office/customers': 'read',
  'POST /api/office/customers': 'manage',
  'POST /api/office/customers/merge': 'manage',
  'GET /api/office/shifts': 'read',
  'GET /api/office/shifts/:shiftId': 'read',
  'GET /api/office/events': 'read',
};
export type OfficeMethod = 'GET' | 'POST' | 'PUT';

/** The routes answered with JSON: every one but the event stream. */
export type OfficeJsonRoute = { [Route in OfficeRoute]: OfficeApi[Route] extends { response: unknown } ? Route : never }[OfficeRoute];

/** The paths of a method's JSON routes, as the client is called with them. */
export type OfficePath<Method extends OfficeMethod> = OfficeJsonRoute extends infer Route ? (Route extends `${Method} ${infer Path}` ? Path : never) : never;

/** The `:name` parts of a route's path. */
type ParamNames<Route> = Route extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<Rest> : Route extends `${string}:${infer Name}` ? Name : never;

export type OfficeParams<Route> = { [Name in ParamNames<Route>]: string };
export type OfficeQuery<Route> = Route extends OfficeRoute ? (OfficeApi[Route] extends { query: infer Query } ? Query : never) : never;
export type OfficeBody<Route> = Route extends OfficeRoute ? (OfficeApi[Route] extends { body: infer Body } ? Body : never) : never;
export type OfficeResponse<Route> = Route extends OfficeRoute ? (OfficeApi[Route] extends { response: infer Response } ? Response : never) : never;

type RequestParts<Route> = {
  params: [ParamNames<Route>] extends [never] ? never : OfficeParams<Route>;
  query: OfficeQuery<Route>;
  body: OfficeBody<Route>;
};

/** What a call of a route carries: its path's params, its query and its body, each only where it has one. */
export type OfficeRequest<Route> = { [Part in keyof RequestParts<Route> as [RequestParts<Route>[Part]] extends [never] ? never : Part]: RequestParts<Route>[Part] };

/** A route's method and the path Fastify matches: "GET /api/office/stores" is GET and "/api/office/stores". */
export function officeRouteParts(route: OfficeRoute): { method: OfficeMethod; path: string } {
  const [method, path] = route.split(' ') as [OfficeMethod, string];
  return { method, path };
}
