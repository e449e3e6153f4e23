/**
 * The storage port: every read and write the sync server makes, as one async interface with one
 * adapter per database (SQLite for a shop, PostgreSQL for a chain). The domain (Repository and the
 * feature folders' rules) speaks only this; SQL lives in the adapters. One contract suite
 * (storage/contract.test.ts) runs against every adapter, and these comments are that contract.
 *
 * Rules every adapter keeps:
 * - **Writes happen in a transaction.** `StoragePort` offers reads; the `StorageTransaction` that
 *   `transaction(work)` hands to `work` offers the same reads and every write. What `work` wrote
 *   commits when its promise resolves and is undone, all of it, when it rejects.
 * - **Reads outside a transaction see only committed data**, never the writes of a transaction
 *   still running (on SQLite's one connection the adapter must see to this: it queues them behind
 *   the running transaction, or reads on a connection of its own).
 * - **No driver's row counts or row ids leak out.** Where the domain must know whether a write took
 *   effect (an insert that may meet a row already there, an update that may match none), the
 *   operation answers it in its type: `inserted: boolean`, `accepted: boolean`.
 * - **Bodies are the documents themselves**, parsed: the adapter stores them as JSON text or JSONB
 *   and gives back what was stored. A document's bytes are `Buffer.byteLength(JSON.stringify(body))`.
 * - **Times are ISO 8601 strings** as the domain's clock gave them; the adapter never reads a clock.
 */
import type {
  AuditEntry,
  Checkpoint,
  DuplicateKey,
  ExceptionKind,
  OfficeRole,
  ReportFact,
  ReportMeasures,
  Sale,
  ShiftEvent,
  StoredDimension,
  StockDocument,
} from '../../../shared/src/index.js';
import type { PushedCollection } from '../ownership.js';
import type { DocumentCollection, ServedCollection } from '../repository.js';

/** What a stock ledger row records: where the movement came from. */
export type LedgerSource = 'opening' | 'receipt' | 'adjustment' | 'sale' | 'return' | 'transfer' | 'count';

/** A document the tills pull, as stored: deleted ones are kept (a till must hear of the deletion). */
export interface StoredDocument<T = Record<string, unknown>> {
  collection: DocumentCollection;
  id: string;
  /** null: every store's tills pull it (products, say). */
  storeId: string | null;
  /** Set for a document that only one till pulls (its refusals). */
  tillId: string | null;
  /** The change sequence it was last written under. */
  seq: number;
  deleted: boolean;
  body: T;
}

/**
 * The server-wide change sequence. Pulls page by it (a till keeps `{ seq, id }` per collection), so
 * it must never let a pull skip a write: no number may commit after a higher number was readable.
 */
export interface SequenceOperations {
  /**
   * Takes the next `count` numbers (count ≥ 1) and answers the first; the transaction uses
   * `first .. first + count - 1`. The counter row is locked from here to the transaction's end
   * (`UPDATE meta SET value = value + count WHERE key = 'seq' RETURNING value` on PostgreSQL), so
   * transactions that write documents commit in the order of their numbers, whatever the number of
   * server processes. Numbers of a transaction that rolls back are never seen; gaps are harmless.
   * Take them as late as possible in a transaction (after its reads and judgements), since every
   * other writer waits for the lock meanwhile. Numbers the transaction was given as it began
   * (`transaction(work, { sequenceBlock })`) are handed out first, without asking the counter again,
   * while they last; a count larger than what is left of them is taken from the counter.
   */
  allocate(count: number): Promise<number>;
}

export interface SequenceReads {
  /** The highest number committed: a snapshot's checkpoint. */
  current(): Promise<number>;
}

/** How a document's field is read: a string (or a decimal string), or true/false. */
export type FieldKind = 'text' | 'boolean';

/** A document's fields as documents.fieldsAfter reads them. */
export interface ChangedFields<T> {
  id: string;
  seq: number;
  deleted: boolean;
  fields: T;
}

export interface DocumentReads {
  /** The document, deleted or not; undefined when there never was one. */
  get<T>(collection: DocumentCollection, id: string): Promise<StoredDocument<T> | undefined>;
  /** Several documents of one collection at once, deleted or not, by id; ids never stored are absent. */
  getMany<T>(collection: DocumentCollection, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>>;
  /**
   * `getMany` of several collections in one go (one round trip on PostgreSQL: a push reads its till,
   * the stock levels and the stock costs it moves together). Each request is named; the answer holds,
   * under each name, its documents by id, deleted or not; ids never stored are absent.
   */
  getAcross<T extends Record<string, unknown>>(requests: { [Name in keyof T]: DocumentRequest }): Promise<{ [Name in keyof T]: Map<string, StoredDocument<T[Name]>> }>;
  /** A store's documents of a collection (its own and the chain's, `storeId` null), not deleted. */
  list<T>(collection: DocumentCollection, storeId: string): Promise<T[]>;
  /** Every store's documents of a collection, not deleted (head office's list of stores). */
  all<T>(collection: DocumentCollection): Promise<T[]>;
  /**
   * Some top-level fields of a collection's documents, not deleted: a store's (its own and the
   * chain's) or, with `storeId` null, every store's. Each field is named with its kind: text (absent
   * reads undefined) or boolean. Taken out in the database, so a list of 100,000 documents need not
   * be parsed whole where a few fields of each will do.
   */
  fields<T>(collection: DocumentCollection, storeId: string | null, fields: { [Field in keyof T]: FieldKind }): Promise<T[]>;
  /**
   * What changed in a collection, every store's, after sequence number `afterSeq`: each document
   * written since (deleted ones too, flagged) with its id and some top-level fields, as `fields`
   * takes them out. With 0, every document the collection holds.
   */
  fieldsAfter<T>(collection: DocumentCollection, afterSeq: number, fields: { [Field in keyof T]: FieldKind }): Promise<ChangedFields<T>[]>;
  /**
   * The documents of a collection, not deleted, whose stored JSON text holds any of `needles`, ASCII
   * letters in any case: a coarse search (one scan) for the few documents a rule must then check
   * exactly, such as the products that may already have a SKU or a barcode.
   */
  containing<T>(collection: DocumentCollection, needles: readonly string[]): Promise<T[]>;
  /**
   * The highest sequence number a collection's documents hold (0 for none): every write of one of
   * them, a deletion included, takes a higher one, so it tells whether anything there changed since.
   */
  lastSeq(collection: DocumentCollection): Promise<number>;
  /**
   * Each product's stock position in a store, or with `storeId` null in every store: the quantity of
   * its stock level and its moving average cost, in whole units, from a narrow table kept with every
   * write of a stock level or a stock cost (storage/stock-positions.ts). A head office report over a
   * chain reads 500,000 of them, where parsing as many documents took seconds.
   */
  positions(storeId: string | null): Promise<StockPosition[]>;
  /**
   * The stock on hand of the products named summed over the stores given, per product, in whole
   * thousandths, from the stock positions; a product with no stock level in any of them is left out.
   * What a report's rows show beside their products, without reading a stock level document for
   * every store and product.
   */
  onHand(storeIds: readonly string[], productIds: readonly string[]): Promise<Map<string, bigint>>;
  /**
   * What the stores' stock on hand (quantities above nothing) is worth, summed in the database over
   * their positions: `valued`, Σ quantity × average cost of those with an average (thousandths ×
   * ten-thousandths: whole ten-millionths, exact), and per product the Σ quantity of those without
   * one, which head office's cost values.
   */
  stockValueSums(storeIds: readonly string[]): Promise<{ valued: bigint; unvalued: Map<string, bigint> }>;
  /**
   * A page for a till to pull: the documents of `collection` with a sequence above `after.seq`, in
   * sequence order, at most `limit`, that the till may see (its store's or the chain's, and those
   * kept for it alone), deleted ones included. Answers the page as JSON text
   * `{"documents":[{...,"_deleted":false}],"checkpoint":{"seq":n,"id":"..."}}` put together from the
   * stored text without parsing it (a first sync is hundreds of pages); the checkpoint is the last
   * document's, or `after` when the page is empty.
   */
  pullJson(collection: ServedCollection, till: { id: string; storeId: string }, after: Checkpoint | null, limit: number): Promise<string>;
}

/** A product's stock in a store as DocumentReads.positions reads it. */
export interface StockPosition {
  storeId: string;
  productId: string;
  /** The stock level's quantity in thousandths; null where the store has no stock level for it. */
  quantity: bigint | null;
  /** The moving average cost in ten-thousandths; null where no delivery has set one. */
  averageCost: bigint | null;
}

/** What ReportReads.slowStock looks at. */
export interface SlowStockQuery {
  /** Each store with the first day (YYYY-MM-DD, its own) of the window it must have sold in, and its rank in the order the rows are listed in (lower first; equal ranks are listed together). */
  stores: readonly { storeId: string; since: string; rank: number }[];
  /** The products looked at (others' positions are left out), each with its cost in ten-thousandths, which values a position without an average cost; null: none. */
  products: ReadonlyMap<string, bigint | null>;
  /** How many of the most worth are wanted. */
  limit: number;
}

/** A slow position with what it is worth: its quantity × its average cost, or × its product's cost (whole ten-millionths); null: no cost known. */
export interface SlowPosition extends StockPosition {
  quantity: bigint;
  value: bigint | null;
  /** The last day its product sold in its store (the store's own day); null: never, as far as the facts go. */
  lastSold: string | null;
}

/** Slow stock (ReportReads.slowStock). */
export interface SlowStock {
  /** How many slow positions there are. */
  count: number;
  /** Σ of their worth, those with no cost known counting nothing (whole ten-millionths, exact). */
  value: bigint;
  /**
   * The first `limit` of them in the order the report lists them, as far as the database orders it:
   * the most worth first, no cost known last, then by their store's rank; and every other one tied
   * with the last of those on both (the caller orders the ties). Any order; may hold more.
   */
  top: SlowPosition[];
}

/** Which documents of one collection to read (DocumentReads.getAcross). */
export interface DocumentRequest {
  collection: DocumentCollection;
  ids: readonly string[];
}

export interface DocumentWrites {
  /** Writes a document under a sequence number taken in this transaction (insert or replace). */
  put<T extends { id: string }>(document: DocumentWrite<T>): Promise<void>;
  /** `put` for several documents in one statement (a push's stock levels); later ones win over earlier ones of the same id. */
  putMany(documents: readonly DocumentWrite[]): Promise<void>;
}

export interface DocumentWrite<T extends { id: string } = { id: string }> {
  collection: DocumentCollection;
  body: T;
  storeId: string | null;
  tillId?: string | null;
  seq: number;
  deleted?: boolean;
}

/** A sale or return as the server stored it. */
export interface StoredSale {
  sale: Sale;
  receivedSeq: number;
  receivedAt: string;
  /** When it was counted in stock; null while it waits behind a gap in its till's numbering. */
  appliedAt: string | null;
}

export interface SaleReads {
  get(id: string): Promise<StoredSale | undefined>;
  /** Several sales at once by id (a push's retried sales); ids never stored are absent. */
  getMany(ids: readonly string[]): Promise<Map<string, StoredSale>>;
  byNumber(tillId: string, number: number): Promise<StoredSale | undefined>;
  /**
   * What holds the numbers of a till's sales numbering from `number` on, in one go: each number in
   * turn, up to the first that nothing holds (excluded) and at most `limit` of them, with the sale
   * stored under it, or `sale` undefined where only an open refused sale holds it (RefusalReads.holdsNumber).
   * Empty when nothing holds `number` itself.
   */
  heldFrom(tillId: string, number: number, limit: number): Promise<{ number: number; sale?: StoredSale }[]>;
  /** The returns stored against a sale. */
  returnsOf(saleId: string): Promise<Sale[]>;
  /** A store's sales and returns whose receipt number is `receiptNumber` (more than one only in old data). */
  byReceipt(storeId: string, receiptNumber: string): Promise<Sale[]>;
  /** The sales and returns made in a shift, by till and number. */
  ofShift(storeId: string, shiftId: string): Promise<Sale[]>;
  /** A store's newest sales, newest first by the order the server received them. */
  recent(storeId: string, limit: number): Promise<StoredSale[]>;
  count(storeId: string): Promise<number>;
  /**
   * Every store's sales and returns counted in stock, by till and number, after the till and number
   * given (from the first with null): at most `limit`, read along the (till, number) index.
   */
  appliedAfter(after: { tillId: string; number: number } | null, limit: number): Promise<StoredSale[]>;
}

export interface SaleWrites {
  /**
   * Stores a sale unless one with its id, or its till and number, is stored: `inserted` false then,
   * and nothing written (the caller tells a retry from a used number by reading).
   */
  insert(sale: Sale, receivedSeq: number, receivedAt: string): Promise<{ inserted: boolean }>;
  /**
   * `insert` for several sales in one statement, in the order given (of two under one id, or one
   * till's number, the first is stored): answers the ids stored; the others wrote nothing.
   */
  insertMany(sales: readonly { sale: Sale; receivedSeq: number }[], receivedAt: string): Promise<Set<string>>;
  /**
   * Marks sales counted in stock at `at`, and appends `ledger`, the rows that count them (as
   * LedgerWrites.append), in the same statement on PostgreSQL.
   */
  markApplied(saleIds: readonly string[], at: string, ledger?: readonly LedgerEntry[]): Promise<void>;
}

export interface LedgerEntry {
  storeId: string;
  productId: string;
  source: LedgerSource;
  /** The sale, return or stock document that moved it; null for an opening balance. */
  documentId: string | null;
  /** A decimal string, negative for goods out. */
  quantity: string;
  recordedAt: string;
  /**
   * Cost per unit, before tax, in the store's currency: for a sale or return the product's moving
   * average cost when the server applied it (so a margin never changes afterwards), for a receipt
   * the delivery's cost; null or absent where none was known (openings, adjustments, transfers).
   */
  unitCost?: string | null;
}

/**
 * The lines below which a product sold lately may run low (LedgerReads.toWatch). Worked out in
 * floating point with margins of a hundredth and more, far wider than its rounding, so that every
 * product the exact arithmetic could find low is among those found: a product is left out only when
 * its stock on hand is above nothing, covers its average daily sales (net, over the days) for 1.01 ×
 * `coverDays` days, and covers 1.01 × its average over `leadDays` days plus `z` × 1.01 × the spread of
 * its daily sales (its variance taken 1 % larger, and more) × √`leadDays`. `leadDays`: the longest
 * lead time of any supplier (0: none, and no reorder point to meet).
 */
export interface WatchLines {
  coverDays: number;
  leadDays: number;
  z: number;
}

/**
 * A product's net sales (sales less returns: a sale's ledger row is negative, a return's positive)
 * over a span of days, from its figure per calendar day (UTC, by the day the server recorded each
 * row): what the average and the spread of its daily sales are worked out from.
 */
export interface NetSales {
  productId: string;
  /** The sum of the day figures: the units sold net over the span, a decimal string. */
  total: string;
  /** The sum of the squares of the day figures, a decimal string. */
  squares: string;
}

/**
 * A product's stock at the end of a moment, from its ledger rows up to then: the quantity, and each
 * receipt with a cost in the order written, with the quantity on hand just before it (what the
 * moving average replay needs).
 */
export interface StockAt {
  productId: string;
  quantity: string;
  receipts: { before: string; quantity: string; unitCost: string }[];
}

export interface LedgerReads {
  /** Every row of a store's ledger (stock report), or of one product (its balance). */
  entries(storeId: string, productId?: string): Promise<LedgerEntry[]>;
  /** The rows of several products of a store, in ledger order: one read for a report's few hundred. */
  entriesOf(storeId: string, productIds: readonly string[]): Promise<LedgerEntry[]>;
  /**
   * Net sales per product over the days `fromDay` to `toDay` (YYYY-MM-DD, both included), summed in
   * the database per product and day; only products with a sale or return in the span. Ledger
   * quantities have at most 3 decimals (a unit's finest), so SQLite sums them exactly as thousandths.
   */
  netSales(storeId: string, fromDay: string, toDay: string): Promise<NetSales[]>;
  /**
   * What may run low in a store, found in the database: its positions with nothing on hand, those of
   * the products named, and those of the products sold over the days `fromDay` to `toDay` whose stock
   * on hand does not surely cover `lines.coverDays` days of their average sales, nor the automatic
   * reorder point over `lines.leadDays` days at service factor `lines.z` (see WatchLines). With the
   * net sales over the days (as netSales) of every product found that has any. A running low report
   * reads these, not the thousands of products a store sold lately and holds plenty of.
   */
  toWatch(storeId: string, fromDay: string, toDay: string, named: readonly string[], lines: WatchLines): Promise<{ positions: StockPosition[]; sales: NetSales[] }>;
  /**
   * Every product's stock from the rows recorded up to `until` (an ISO time, included), in ledger
   * order; only products with a row by then.
   */
  stockAt(storeId: string, until: string): Promise<StockAt[]>;
}

/** How report sums are grouped: by the facts' key, their day, their store, or their day and key. */
export type ReportGroup = 'key' | 'day' | 'store' | 'day-key';
export const REPORT_GROUPS = ['key', 'day', 'store', 'day-key'] as const satisfies readonly ReportGroup[];

/** One group's sums of the report facts (shared/src/reports/facts.ts). */
export interface ReportSum extends ReportMeasures {
  /** The key, day or store; grouped by day and key, the day (and `key` the key). */
  group: string;
  key?: string;
  /** The first and last day (or month) of the facts summed. */
  firstDay: string;
  lastDay: string;
}

/** report_facts' column of a measure (MEASURES). */
export function measureColumn(measure: keyof ReportMeasures): string {
  return measure === 'costedNet' ? 'costed_net' : measure;
}

/** The SQL expression a group's rows are grouped by (days hold no space, so a day and key are told apart at the first). */
export function reportGroupColumn(group: ReportGroup): string {
  return group === 'store' ? 'store_id' : group === 'day-key' ? "day || ' ' || key" : group;
}

/** A summed row as the adapters read it, its group told apart into day and key where grouped by both. */
export function reportSumOf(group: ReportGroup, grouped: string, firstDay: string, lastDay: string, measures: ReportMeasures): ReportSum {
  if (group !== 'day-key') return { group: grouped, firstDay, lastDay, ...measures };
  const space = grouped.indexOf(' ');
  return { group: grouped.slice(0, space), key: grouped.slice(space + 1), firstDay, lastDay, ...measures };
}

export interface ReportReads {
  /**
   * The facts of one dimension in the stores given over the days `fromDay` to `toDay` (YYYY-MM-DD,
   * both included; months, YYYY-MM, for a month-sums dimension), summed per group; only groups with a fact.
   */
  sums(storeIds: readonly string[], dimension: StoredDimension, fromDay: string, toDay: string, group: ReportGroup): Promise<ReportSum[]>;
  /**
   * Slow stock, worked out in the database: the positions with stock on hand (a quantity above
   * nothing) of the products in `query.products` that have not sold in their store since its day in
   * `query.stores` (no fact of the product on that day or later with a sale in it; the last day each
   * product sold in each store is kept as the facts are added). See SlowStockQuery and SlowStock.
   */
  slowStock(query: SlowStockQuery): Promise<SlowStock>;
  /**
   * Of the customers given, those with a fact with a sale in any of the stores over the days given
   * (as `sums`): whether a report's customers bought before its days, asked of them alone, by an
   * index of the customers' facts by customer.
   */
  customersWhoBought(storeIds: readonly string[], customerIds: readonly string[], fromDay: string, toDay: string): Promise<Set<string>>;
  /** Whether any fact is held. */
  any(): Promise<boolean>;
  /** Whether any fact of the dimension is held in the stores over the days given (as `sums`). */
  held(storeIds: readonly string[], dimension: StoredDimension, fromDay: string, toDay: string): Promise<boolean>;
}

export interface ReportWrites {
  /**
   * Adds facts of days (dimensions of REPORT_DIMENSIONS) to those held with the same store,
   * dimension, day and key, and their month sums and the chain's as `withMonthSums` makes them
   * (shared/src/reports/facts.ts): the storage keeps those. One call for a whole push's facts, best
   * summed per key first (`mergeFacts`).
   */
  add(facts: readonly ReportFact[]): Promise<void>;
}

export interface LedgerWrites {
  /** Appends rows; the ledger is never changed or deleted from. One call for a whole push's rows. */
  append(entries: readonly LedgerEntry[]): Promise<void>;
}

/** A refused document kept with its reasons (table refused_documents). */
export interface StoredRefusal {
  id: string;
  storeId: string;
  tillId: string;
  collection: PushedCollection;
  /** Its number in its till's numbering (a sale's number, a shift event's sequence); 0 when none. */
  number: number;
  document: Record<string, unknown>;
  bytes: number;
  problems: string[];
  attempts: number;
  firstRefusedAt: string;
  lastRefusedAt: string;
  acceptedAt: string | null;
}

export interface RefusalReads {
  get(id: string): Promise<StoredRefusal | undefined>;
  /** A till's open refusals, counted, with their bytes (the refusal cap). */
  openTotals(tillId: string): Promise<{ count: number; bytes: number }>;
  /** Whether an open refused sale holds this number of the till's sales numbering. */
  holdsNumber(tillId: string, number: number): Promise<boolean>;
  /** A store's refusals, open ones first, newest first. */
  forStore(storeId: string, limit: number): Promise<StoredRefusal[]>;
  /** Open refusals per till of a store. */
  openCounts(storeId: string): Promise<Map<string, number>>;
}

export interface RefusalWrites {
  /** Writes a refusal (insert or replace), open. */
  put(refusal: Omit<StoredRefusal, 'acceptedAt'>): Promise<void>;
  /** Closes the till's open refusal of this id and collection; `accepted` false when there was none. */
  accept(id: string, tillId: string, collection: PushedCollection, at: string): Promise<{ accepted: boolean }>;
}

export interface ExceptionReads {
  /** A store's exceptions, newest first; ids increase in the order they were raised. */
  forStore(storeId: string, limit: number): Promise<{ id: number; kind: ExceptionKind; productId: string; documentId: string; tillId: string; details: Record<string, string>; raisedAt: string }[]>;
}

/** An exception for head office, as raised. */
export interface RaisedException {
  storeId: string;
  kind: ExceptionKind;
  productId: string;
  documentId: string;
  tillId: string;
  details: Record<string, string>;
  raisedAt: string;
}

export interface ExceptionWrites {
  raise(exception: RaisedException): Promise<void>;
  /** `raise` for several in one statement (a push's oversold products), their ids increasing in the order given. */
  raiseMany(exceptions: readonly RaisedException[]): Promise<void>;
}

export interface ShiftEventReads {
  get(id: string): Promise<{ tillId: string; event: ShiftEvent } | undefined>;
  /** The event of a till holding a sequence number, if any. */
  idAtSequence(tillId: string, sequence: number): Promise<string | undefined>;
  /** Another till that wrote to this shift, if any. */
  otherTill(storeId: string, shiftId: string, tillId: string): Promise<string | undefined>;
  closeOf(storeId: string, shiftId: string): Promise<{ id: string; sequence: number } | undefined>;
  /** A shift's events in its till's order, with when the server received each. */
  ofShift(storeId: string, shiftId: string): Promise<{ event: ShiftEvent; receivedAt: string }[]>;
  /** The store a shift belongs to, by its open event's id or any event of it. */
  storeOf(shiftId: string): Promise<string | undefined>;
  /** A store's open and close events, newest received first. */
  opensAndCloses(storeId: string): Promise<ShiftEvent[]>;
  /** A store's voided carts and closes, in the order received (what they add to the reports). */
  voidsAndCloses(storeId: string): Promise<ShiftEvent[]>;
}

export interface ShiftEventWrites {
  /** Stores an event unless its id or its till and sequence is held: `inserted` false then. */
  insert(event: ShiftEvent, receivedSeq: number, receivedAt: string): Promise<{ inserted: boolean }>;
}

export interface StockDocumentReads {
  get(id: string): Promise<StockDocument | undefined>;
  /** A store's goods receipts and adjustments, newest first. */
  forStore(storeId: string, limit: number): Promise<{ document: StockDocument; recordedAt: string }[]>;
}

export interface StockDocumentWrites {
  /** Stores it unless one with its id is stored: `inserted` false then, and nothing written. */
  insert(document: StockDocument, recordedAt: string): Promise<{ inserted: boolean }>;
}

/** One entry of a stock count (table stock_count_entries), immutable; see shared/src/stock-count.ts. */
export interface StockCountEntry {
  countId: string;
  /** Made by the client for what was counted (a retried request counts once); `late:<sale>:<product>` for a late sale. */
  entryId: string;
  storeId: string;
  productId: string;
  /** `counted`: units counted (negative corrects a miscount); `late`: the movement of a sale made before the product was counted that arrived after. */
  kind: 'counted' | 'late';
  quantity: string;
  /** `counted` only: on hand per the ledger when it was entered. */
  expected: string | null;
  /** `late` only: the sale or return. */
  documentId: string | null;
  /** `late` only: when the sale was made, by the server's clock. */
  madeAt: string | null;
  enteredAt: string;
  enteredBy: string;
}

export interface StockCountReads {
  /** A count's entries (of one product, given `productId`), in the order they were entered. */
  entries(countId: string, productId?: string): Promise<StockCountEntry[]>;
  /**
   * Per count and product: when the product was first counted on the count (its moment), for the
   * store's products among `productIds` whose moment is at or after `since`; the counts a sale made
   * at `since` or later may have been left out of.
   */
  countedSince(storeId: string, productIds: readonly string[], since: string): Promise<{ countId: string; productId: string; countedAt: string }[]>;
}

export interface StockCountWrites {
  /** Adds entries; one whose count and entry id are held is skipped. Answers the entry ids written. */
  add(entries: readonly StockCountEntry[]): Promise<Set<string>>;
}

/** When a till was last heard from (table till_contacts). */
export interface TillContact {
  tillId: string;
  lastContactAt: string;
  lastPushAt: string | null;
  waiting: number | null;
  waitingReportedAt: string | null;
  refusalsCappedAt: string | null;
}

export interface TillContactReads {
  all(): Promise<TillContact[]>;
  get(tillId: string): Promise<TillContact | undefined>;
}

/** A contact with a till to record; a field given as null keeps what was there. */
export interface TillContactWrite {
  tillId: string;
  at: string;
  pushAt: string | null;
  waiting: number | null;
  waitingAt: string | null;
}

export interface TillContactWrites {
  /** Records a contact; a field given as null keeps what was there. */
  touch(contact: TillContactWrite): Promise<void>;
  markRefusalsCapped(tillId: string, at: string): Promise<void>;
}

/** Who holds an id a till pushed (table document_ids; see ownership.ts for the rules). */
export interface IdOwner {
  collection: PushedCollection;
  storeId: string;
  /** null for customers, which belong to their store. */
  tillId: string | null;
}

export interface OwnerReads {
  get(id: string): Promise<IdOwner | undefined>;
}

export interface OwnerWrites {
  /** Claims an id unless it is held; answers the owner after the claim (the new one or the one before). */
  claim(id: string, owner: IdOwner): Promise<{ claimed: boolean; owner: IdOwner }>;
  /** `claim` for several ids in one go, in the order given (of an id given twice, the first claim counts): the answer per id. */
  claimMany(claims: readonly { id: string; owner: IdOwner }[]): Promise<Map<string, { claimed: boolean; owner: IdOwner }>>;
}

export interface CustomerKeyReads {
  /** The duplicate keys a customer not merged away is held under. */
  keysOf(customerId: string): Promise<DuplicateKey[]>;
  /** The customers of a store sharing a key. */
  sharing(storeId: string, key: DuplicateKey): Promise<string[]>;
  /** The customer a merged-away one was merged into, one step. */
  mergedInto(customerId: string): Promise<string | undefined>;
}

export interface CustomerKeyWrites {
  addKey(storeId: string, key: DuplicateKey, customerId: string): Promise<void>;
  forgetKey(customerId: string, key: DuplicateKey): Promise<void>;
  forgetKeys(customerId: string): Promise<void>;
  /** Records a merge, and points the merges into the merged-away customer at the one kept. */
  recordMerge(merge: { id: string; keptId: string; storeId: string; mergedAt: string }): Promise<void>;
}

/** Pairing codes and paired devices (tables pairing_codes, devices; devices/trust.ts). Only hashes. */
export interface DeviceReads {
  pairingCode(codeHash: string): Promise<{ tillId: string; expiresAt: string; usedAt: string | null } | undefined>;
  byCredential(credentialHash: string): Promise<{ id: string; tillId: string; revokedAt: string | null } | undefined>;
  /** Per till: when it was last paired and revoked, and whether a device is active. */
  summaries(): Promise<{ tillId: string; pairedAt: string; revokedAt: string | null; active: boolean }[]>;
}

export interface DeviceWrites {
  /** Expires the till's unused codes and stores a new one. */
  newPairingCode(code: { codeHash: string; tillId: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** Uses a code once: `used` false when it was used already (two tills racing for one code). */
  useCode(codeHash: string, at: string): Promise<{ used: boolean }>;
  /** Revokes the till's active devices. */
  revokeTill(tillId: string, at: string): Promise<void>;
  addDevice(device: { id: string; tillId: string; credentialHash: string; pairedAt: string }): Promise<void>;
}

/** A head-office account as stored (table office_accounts): the API's OfficeAccount and its password's hash. */
export interface StoredOfficeAccount {
  id: string;
  email: string;
  name: string;
  role: OfficeRole;
  storeIds: string[];
  /** scrypt's, with its salt and parameters (accounts/passwords.ts). */
  passwordHash: string;
  active: boolean;
  createdAt: string;
}

/** Head office's accounts, their login sessions (only a hash of each token) and the owner's setup token. */
export interface OfficeAccountReads {
  get(id: string): Promise<StoredOfficeAccount | undefined>;
  /** By e-mail as stored (lower-cased and trimmed by the caller). */
  byEmail(email: string): Promise<StoredOfficeAccount | undefined>;
  /** Every account, in the order they were made. */
  all(): Promise<StoredOfficeAccount[]>;
  /** Whether any account, active or not, is an owner. */
  hasOwner(): Promise<boolean>;
  /** The session held under this token hash with its account, expired or not (one round trip: every office request asks). */
  session(tokenHash: string): Promise<{ expiresAt: string; account: StoredOfficeAccount } | undefined>;
  /** The hash of the owner's one-time setup token, while one is waiting. */
  setupToken(): Promise<string | undefined>;
}

export interface OfficeAccountWrites {
  /** Stores a new account unless its e-mail is taken: `inserted` false then, and nothing written. */
  insert(account: StoredOfficeAccount): Promise<{ inserted: boolean }>;
  /** Replaces an account's fields but its id, e-mail and creation time. */
  update(account: StoredOfficeAccount): Promise<void>;
  addSession(session: { tokenHash: string; accountId: string; createdAt: string; expiresAt: string }): Promise<void>;
  endSession(tokenHash: string): Promise<void>;
  /** Ends every session of an account (it was deactivated). */
  endSessionsOf(accountId: string): Promise<void>;
  /** Forgets sessions that expired before `at`. */
  forgetExpired(at: string): Promise<void>;
  /** Keeps a new setup token's hash in place of any earlier one, or none (null: the owner exists). */
  setSetupToken(tokenHash: string | null): Promise<void>;
}

/** Which audit entries to read: every filter optional; `storeIds` limits them to entries of those stores. */
export interface AuditFilter {
  /** An account's id, or null for the office key's entries. */
  actorId?: string | null;
  kind?: string;
  /** ISO times, inclusive. */
  from?: string;
  to?: string;
  storeIds?: readonly string[];
  limit: number;
}

export interface AuditReads {
  /** Newest first (by id, which increases in the order entries were written). */
  list(filter: AuditFilter): Promise<AuditEntry[]>;
}

export interface AuditWrites {
  /** Appends an entry; the log is never changed or deleted from. `before` and `after` are stored as JSON. */
  record(entry: Omit<AuditEntry, 'id'>): Promise<void>;
}

/** The reads every storage object offers, inside a transaction or not. */
export interface StorageReads {
  sequence: SequenceReads;
  documents: DocumentReads;
  sales: SaleReads;
  ledger: LedgerReads;
  reports: ReportReads;
  refusals: RefusalReads;
  exceptions: ExceptionReads;
  shiftEvents: ShiftEventReads;
  stockDocuments: StockDocumentReads;
  stockCounts: StockCountReads;
  tillContacts: TillContactReads;
  owners: OwnerReads;
  customerKeys: CustomerKeyReads;
  devices: DeviceReads;
  officeAccounts: OfficeAccountReads;
  audit: AuditReads;
}

/**
 * One transaction: the reads, which see its own writes, and every write. It is valid only until the
 * promise of the `work` it was handed settles; using it later throws.
 */
export interface StorageTransaction {
  sequence: SequenceReads & SequenceOperations;
  documents: DocumentReads & DocumentWrites;
  sales: SaleReads & SaleWrites;
  ledger: LedgerReads & LedgerWrites;
  reports: ReportReads & ReportWrites;
  refusals: RefusalReads & RefusalWrites;
  exceptions: ExceptionReads & ExceptionWrites;
  shiftEvents: ShiftEventReads & ShiftEventWrites;
  stockDocuments: StockDocumentReads & StockDocumentWrites;
  stockCounts: StockCountReads & StockCountWrites;
  tillContacts: TillContactReads & TillContactWrites;
  owners: OwnerReads & OwnerWrites;
  customerKeys: CustomerKeyReads & CustomerKeyWrites;
  devices: DeviceReads & DeviceWrites;
  officeAccounts: OfficeAccountReads & OfficeAccountWrites;
  audit: AuditReads & AuditWrites;
}

export interface StoragePort extends StorageReads {
  /**
   * Records a contact with a till (TillContactWrites.touch) on its own, outside any transaction: the
   * one write that may, since it is one row that orders nothing, reads nothing else and is the same
   * whichever of two racing writers lands last. A till pulls every few seconds and a pull writes its
   * contact; taking the write lock for each would make pulls wait behind pushes.
   */
  touchTill(contact: TillContactWrite): Promise<void>;
  /**
   * Runs `work` in one transaction and answers what it answers. Everything `work` writes through
   * `tx` commits together when its promise resolves, or not at all when it rejects (the rejection
   * is passed on).
   *
   * **Write transactions run one at a time, across every server process.** A push reads (the till's
   * last number, a stock level) and writes what follows from it; two at once would both read 10 and
   * both write 9. So an adapter serialises them: SQLite runs one at a time on its one connection
   * (`BEGIN IMMEDIATE`); PostgreSQL takes one transaction-scoped advisory lock as the first statement
   * of every transaction, in READ COMMITTED, so each statement after it sees every transaction that
   * committed before. That also makes sequence numbers commit in the order they are handed out.
   * What runs in parallel is everything outside `work`: parsing and judging a push, pulls, the office
   * pages. Keep `work` short and its awaits few: a whole push is one transaction, its rows written
   * with the batch operations, not a transaction per document.
   *
   * When the database cannot be reached, or the connection is lost during `work`, the adapter
   * rejects with StorageUnavailableError (storage/errors.ts) and nothing of `work` is committed; the
   * server answers 503 with retry-after and the till sends again. No adapter retries `work` itself.
   * (A connection lost while COMMIT itself is under way leaves it unknown whether the transaction
   * committed; what makes sending again safe is that every push is idempotent: a sale, an event, a
   * stock document is stored once under its id.)
   *
   * A statement that fails inside `work` fails the whole transaction on PostgreSQL, even when `work`
   * catches the error: `work` must not use a failed write as a question (read first instead).
   *
   * `sequenceBlock`: how many sequence numbers `work` will take (SequenceOperations.allocate), when
   * known beforehand; an adapter may take them as the transaction begins (PostgreSQL does, in the
   * round trip that takes the write lock). Numbers it leaves unused are a harmless gap.
   */
  transaction<T>(work: (tx: StorageTransaction) => Promise<T>, options?: { sequenceBlock?: number }): Promise<T>;
  /** Closes the database; nothing may be called afterwards. */
  close(): Promise<void>;
}
