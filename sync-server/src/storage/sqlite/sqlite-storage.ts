import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statement } from 'better-sqlite3';
import { CHAIN_STORE, checkDayFacts, MEASURES, withMonthSums, type DuplicateKey, type ExceptionKind, type ReportMeasures, type Sale, type ShiftEvent, type StockDocument } from '../../../../shared/src/index.js';
import type { SqliteDatabase } from '../../database.js';
import type { PushedCollection } from '../../ownership.js';
import type { DocumentCollection } from '../../repository.js';
import type {
  NetSales,
  ChangedFields,
  DocumentRequest,
  DocumentWrite,
  FieldKind,
  IdOwner,
  LedgerEntry,
  LedgerSource,
  ReportGroup,
  ReportSum,
  SlowPosition,
  StockAt,
  StockPosition,
  StorageReads,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredRefusal,
  StoredSale,
  TillContact,
} from '../port.js';
import { measureColumn, REPORT_GROUPS, reportGroupColumn, reportSumOf } from '../port.js';
import {
  ACCOUNT_COLUMNS,
  accountValues,
  AUDIT_COLUMNS,
  auditEntry,
  auditValues,
  COUNT_ENTRY_COLUMNS,
  countEntry,
  countEntryRow,
  storedAccount,
  type AccountRow,
  type AuditRow,
  type CountEntryRow,
} from '../office-rows.js';
import { fieldNames, fieldsFromValues } from '../field-names.js';
import { salesWindow, scaledDecimal, surelyStockedSql } from '../ledger-sums.js';
import { likePattern } from '../like-pattern.js';
import { LastSales, positionWrites } from '../stock-positions.js';
import { wrapGroups } from '../wrap-groups.js';

/** A ledger quantity as whole thousandths: exact for the at most 3 decimals a quantity has. */
const THOUSANDTHS = 'CAST(ROUND(CAST(quantity AS REAL) * 1000) AS INTEGER)';

/** The sums of every measure, as columns named after MEASURES. */
const REPORT_SUMS = MEASURES.map((measure) => `SUM(${measureColumn(measure)}) AS ${measure}`).join(', ');

type ReportSumRow = { grouped: string; first_day: string; last_day: string } & Record<(typeof MEASURES)[number], bigint>;

function reportSum(group: ReportGroup, row: ReportSumRow): ReportSum {
  return reportSumOf(group, String(row.grouped), row.first_day, row.last_day, Object.fromEntries(MEASURES.map((measure) => [measure, BigInt(row[measure])])) as unknown as ReportMeasures);
}

/**
 * Whether the chain's month sums from `fromMonth` to `toMonth` are read faster in key order (every
 * month held, each summed as read) than by the primary key (the span's months, sorted by key): when
 * the span holds at least a third of the months held, as a row sorted costs about three read in order.
 */
export function chainSumsByKeyPays(firstHeld: string, lastHeld: string, fromMonth: string, toMonth: string): boolean {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  const held = index(lastHeld) - index(firstHeld) + 1;
  const read = index(toMonth < lastHeld ? toMonth : lastHeld) - index(fromMonth > firstHeld ? fromMonth : firstHeld) + 1;
  return read * 3 >= held;
}

/**
 * Whether the customers' sums of `storeCount` stores over the days from–to are read faster in
 * customer order (every customer fact held, each summed as read) than by store and day (the span's,
 * sorted by customer): when the span holds at least a third of the store-days held, taking the
 * facts as spread evenly over the stores and days.
 */
export function customerSumsByKeyPays(held: { stores: number; first: string; last: string }, storeCount: number, fromDay: string, toDay: string): boolean {
  const days = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
  const read = Math.min(storeCount, held.stores) * days(fromDay > held.first ? fromDay : held.first, toDay < held.last ? toDay : held.last);
  return read * 3 >= held.stores * days(held.first, held.last);
}

/** The parameters of toWatch's statement (see surelyStockedSql). */
type WatchParams = { store: string; from: string; to: string; named: string; days: number; cover: number; lead: number; z2: number };

/** A row of stock_ledger as read. */
interface LedgerRow {
  store_id: string;
  product_id: string;
  source: LedgerSource;
  document_id: string | null;
  quantity: string;
  recorded_at: string;
  unit_cost: string | null;
}

interface SaleRow {
  body: string;
  received_seq: number;
  received_at: string;
  applied_at: string | null;
}

interface RefusalRow {
  id: string;
  store_id: string;
  till_id: string;
  collection: PushedCollection;
  number: number;
  body: string;
  bytes: number;
  problems: string;
  attempts: number;
  first_refused_at: string;
  last_refused_at: string;
  accepted_at: string | null;
}

interface ContactRow {
  till_id: string;
  last_contact_at: string;
  last_push_at: string | null;
  waiting: number | null;
  waiting_reported_at: string | null;
  refusals_capped_at: string | null;
}

function storedSale(row: SaleRow): StoredSale {
  return { sale: JSON.parse(row.body) as Sale, receivedSeq: row.received_seq, receivedAt: row.received_at, appliedAt: row.applied_at };
}

function storedRefusal(row: RefusalRow): StoredRefusal {
  return {
    id: row.id,
    storeId: row.store_id,
    tillId: row.till_id,
    collection: row.collection,
    number: row.number,
    document: JSON.parse(row.body) as Record<string, unknown>,
    bytes: row.bytes,
    problems: JSON.parse(row.problems) as string[],
    attempts: row.attempts,
    firstRefusedAt: row.first_refused_at,
    lastRefusedAt: row.last_refused_at,
    acceptedAt: row.accepted_at,
  };
}

function tillContact(row: ContactRow): TillContact {
  return {
    tillId: row.till_id,
    lastContactAt: row.last_contact_at,
    lastPushAt: row.last_push_at,
    waiting: row.waiting,
    waitingReportedAt: row.waiting_reported_at,
    refusalsCappedAt: row.refusals_capped_at,
  };
}

/** A row of stock_positions, read raw, as the port's position. */
function stockPosition([storeId, productId, quantity, averageCost]: [string, string, bigint | null, bigint | null]): StockPosition {
  return { storeId, productId, quantity, averageCost };
}

/** The prepared statements, once per connection: better-sqlite3 compiles each once. */
/** `make(key)` once per key, kept. */
function memoised<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

function prepareStatements(db: SqliteDatabase) {
  return {
    allocate: db.prepare<[number], { last: number }>(`UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'seq' RETURNING CAST(value AS INTEGER) AS last`),
    currentSeq: db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'seq'`),
    getDocument: db.prepare<[string, string], { store_id: string | null; till_id: string | null; seq: number; deleted: number; body: string }>(
      `SELECT store_id, till_id, seq, deleted, body FROM documents WHERE collection = ? AND id = ?`,
    ),
    listDocuments: db.prepare<[string, string], { body: string }>(`SELECT body FROM documents WHERE collection = ? AND (store_id IS NULL OR store_id = ?) AND deleted = 0`),
    allDocuments: db.prepare<[string], { body: string }>(`SELECT body FROM documents WHERE collection = ? AND deleted = 0`),
    // Fields of each document as a JSON array, the body parsed once (json_extract with several paths;
    // one path would answer the bare value, so a single field is asked twice). A statement for each
    // store scope and list of field names, made once.
    documentFields: memoised((key: string) => {
      const [scope, ...names] = key.split(' ');
      const where = scope === 'store' ? '(store_id IS NULL OR store_id = ?)' : '? IS NULL';
      const paths = (names.length === 1 ? [names[0], names[0]] : names).map((name) => `'$.${name}'`).join(', ');
      return db.prepare<[string, string | null], string>(`SELECT json_extract(body, ${paths}) FROM documents WHERE collection = ? AND ${where} AND deleted = 0`).pluck();
    }),
    // The same, of every document written after a sequence number, deleted ones too.
    documentFieldsAfter: memoised((key: string) => {
      const names = key.split(' ');
      const paths = (names.length === 1 ? [names[0], names[0]] : names).map((name) => `'$.${name}'`).join(', ');
      return db.prepare<[string, number], { id: string; seq: number; deleted: number; fields: string }>(
        `SELECT id, seq, deleted, json_extract(body, ${paths}) AS fields FROM documents WHERE collection = ? AND seq > ?`,
      );
    }),
    // SQLite's LIKE ignores the case of ASCII letters; a statement for each number of patterns, made once.
    documentsContaining: memoised((count: number) =>
      db.prepare<string[], { body: string }>(`SELECT body FROM documents WHERE collection = ? AND deleted = 0 AND (${Array.from({ length: count }, () => `body LIKE ? ESCAPE '\\'`).join(' OR ')})`),
    ),
    // A document kept for one till (a refusal) goes to that till only. The till's store's documents
    // and the chain's (store_id NULL) are two ranges of documents_by_store_seq, each read only up to
    // the limit and merged in seq order, so a pull never steps over the chain's other stores' rows.
    pull: db.prepare<[{ collection: string; storeId: string; tillId: string; after: number; limit: number }], { id: string; seq: number; deleted: number; body: string }>(
      `SELECT id, seq, deleted, body FROM (
         SELECT * FROM (
           SELECT id, seq, deleted, body FROM documents
           WHERE collection = @collection AND store_id = @storeId AND (till_id IS NULL OR till_id = @tillId) AND seq > @after
           ORDER BY seq LIMIT @limit
         )
         UNION ALL
         SELECT * FROM (
           SELECT id, seq, deleted, body FROM documents
           WHERE collection = @collection AND store_id IS NULL AND (till_id IS NULL OR till_id = @tillId) AND seq > @after
           ORDER BY seq LIMIT @limit
         )
       )
       ORDER BY seq LIMIT @limit`,
    ),
    putDocument: db.prepare<[{ collection: string; id: string; storeId: string | null; tillId: string | null; seq: number; deleted: number; body: string }]>(
      `INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body) VALUES (@collection, @id, @storeId, @tillId, @seq, @deleted, @body)
       ON CONFLICT (collection, id) DO UPDATE SET store_id = excluded.store_id, till_id = excluded.till_id, seq = excluded.seq, deleted = excluded.deleted, body = excluded.body`,
    ),
    // A stock level's quantity and a stock cost's average in stock_positions (storage/stock-positions.ts).
    // With the last day the product sold there, when one was noted (LastSales): the later day is kept
    // (max() of a NULL is NULL, so either one alone is taken as it is).
    putPositionQuantity: db.prepare<[string, string, bigint | null, string | null]>(
      `INSERT INTO stock_positions (store_id, product_id, quantity, last_sold) VALUES (?, ?, ?, ?)
       ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity, last_sold = coalesce(max(last_sold, excluded.last_sold), last_sold, excluded.last_sold)`,
    ),
    putLastSold: db.prepare<[string, string, string]>(
      `INSERT INTO stock_positions (store_id, product_id, last_sold) VALUES (?, ?, ?)
       ON CONFLICT (store_id, product_id) DO UPDATE SET last_sold = coalesce(max(last_sold, excluded.last_sold), excluded.last_sold)`,
    ),
    putPositionCost: db.prepare<[string, string, bigint | null]>(
      `INSERT INTO stock_positions (store_id, product_id, average_cost) VALUES (?, ?, ?) ON CONFLICT (store_id, product_id) DO UPDATE SET average_cost = excluded.average_cost`,
    ),
    positionsOfStore: db.prepare<[string], [string, string, bigint | null, bigint | null]>(`SELECT store_id, product_id, quantity, average_cost FROM stock_positions WHERE store_id = ?`).raw().safeIntegers(),
    // Σ quantity × average cost of the stores' stock on hand, and how many positions are too large to
    // multiply in 64 bits (SQLite would carry on in floating point): any, and they are summed in JS.
    stockValued: db
      .prepare<[string], { valued: bigint | number | null; large: bigint }>(
        `SELECT SUM(quantity * average_cost) AS valued, SUM(abs(quantity) >= 3037000499 OR abs(average_cost) >= 3037000499) AS large
         FROM stock_positions WHERE store_id IN (SELECT value FROM json_each(?)) AND quantity > 0 AND average_cost IS NOT NULL`,
      )
      .safeIntegers(),
    stockValuedRows: db
      .prepare<[string], [bigint, bigint]>(`SELECT quantity, average_cost FROM stock_positions WHERE store_id IN (SELECT value FROM json_each(?)) AND quantity > 0 AND average_cost IS NOT NULL`)
      .raw()
      .safeIntegers(),
    stockUnvalued: db
      .prepare<[string], [string, bigint]>(
        `SELECT product_id, SUM(quantity) FROM stock_positions WHERE store_id IN (SELECT value FROM json_each(?)) AND quantity > 0 AND average_cost IS NULL GROUP BY product_id`,
      )
      .raw()
      .safeIntegers(),
    onHand: db
      .prepare<[string, string], [string, bigint]>(
        `SELECT product_id, SUM(quantity) FROM stock_positions
         WHERE store_id IN (SELECT value FROM json_each(?)) AND product_id IN (SELECT value FROM json_each(?)) AND quantity IS NOT NULL GROUP BY product_id`,
      )
      .raw()
      .safeIntegers(),
    positionsOfAll: db.prepare<[], [string, string, bigint | null, bigint | null]>(`SELECT store_id, product_id, quantity, average_cost FROM stock_positions`).raw().safeIntegers(),
    getSale: db.prepare<[string], SaleRow>(`SELECT body, received_seq, received_at, applied_at FROM sales WHERE id = ?`),
    saleByNumber: db.prepare<[string, number], SaleRow>(`SELECT body, received_seq, received_at, applied_at FROM sales WHERE till_id = ? AND number = ?`),
    // Number after number from @number while a sale or an open refused sale holds it (refusalAtNumber),
    // at most @limit of them; each with the sale stored under it, if any.
    salesHeldFrom: db.prepare<[{ tillId: string; number: number; limit: number }], { number: number } & { [Column in keyof SaleRow]: SaleRow[Column] | null }>(
      `WITH RECURSIVE held (number) AS (
         SELECT @number
         WHERE EXISTS (SELECT 1 FROM sales WHERE till_id = @tillId AND number = @number)
            OR EXISTS (SELECT 1 FROM refused_documents WHERE till_id = @tillId AND number = @number AND collection = 'sales' AND accepted_at IS NULL)
         UNION ALL
         SELECT held.number + 1 FROM held
         WHERE held.number + 1 < @number + @limit
           AND (EXISTS (SELECT 1 FROM sales WHERE till_id = @tillId AND number = held.number + 1)
             OR EXISTS (SELECT 1 FROM refused_documents WHERE till_id = @tillId AND number = held.number + 1 AND collection = 'sales' AND accepted_at IS NULL))
       )
       SELECT held.number AS number, s.body, s.received_seq, s.received_at, s.applied_at
       FROM held LEFT JOIN sales s ON s.till_id = @tillId AND s.number = held.number
       ORDER BY held.number`,
    ),
    returnsOf: db.prepare<[string], { body: string }>(`SELECT body FROM sales WHERE return_of = ?`),
    // The same expression as the index sales_by_receipt, so SQLite uses it.
    salesByReceipt: db.prepare<[string, string], { body: string }>(`SELECT body FROM sales WHERE store_id = ? AND receipt_number = ?`),
    // The same expression as the index sales_by_shift.
    salesOfShift: db.prepare<[string, string], { body: string }>(`SELECT body FROM sales WHERE store_id = ? AND shift_id = ? ORDER BY till_id, number`),
    appliedSalesAfter: db.prepare<[string, number, number], SaleRow>(
      `SELECT body, received_seq, received_at, applied_at FROM sales WHERE (till_id, number) > (?, ?) AND applied_at IS NOT NULL ORDER BY till_id, number LIMIT ?`,
    ),
    anyReportFact: db.prepare<[], { found: number }>(`SELECT 1 AS found FROM report_facts LIMIT 1`),
    // By the primary key: a seek a store.
    reportFactHeld: db.prepare<[string, string, string, string], [number]>(
      `SELECT 1 FROM report_facts WHERE store_id IN (SELECT value FROM json_each(?)) AND dimension = ? AND day >= ? AND day <= ? LIMIT 1`,
    ).raw(),
    recentSales: db.prepare<[string, number], SaleRow>(`SELECT body, received_seq, received_at, applied_at FROM sales WHERE store_id = ? ORDER BY received_seq DESC LIMIT ?`),
    countSales: db.prepare<[string], { count: number }>(`SELECT COUNT(*) AS count FROM sales WHERE store_id = ?`),
    insertSale: db.prepare<[{ id: string; storeId: string; tillId: string; number: number; body: string; seq: number; receivedAt: string; returnOf: string | null; receiptNumber: string | null; shiftId: string | null }]>(
      `INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at, return_of, receipt_number, shift_id)
       VALUES (@id, @storeId, @tillId, @number, @body, @seq, @receivedAt, @returnOf, @receiptNumber, @shiftId)
       ON CONFLICT DO NOTHING`,
    ),
    markApplied: db.prepare<[string, string]>(`UPDATE sales SET applied_at = ? WHERE id = ?`),
    ledgerForStore: db.prepare<[string], LedgerRow>(
      `SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost FROM stock_ledger WHERE store_id = ? ORDER BY entry`,
    ),
    ledgerForProducts: db.prepare<[string, string], LedgerRow>(
      `SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost FROM stock_ledger
       WHERE store_id = ? AND product_id IN (SELECT value FROM json_each(?)) ORDER BY entry`,
    ),
    ledgerForProduct: db.prepare<[string, string], LedgerRow>(
      `SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost FROM stock_ledger WHERE store_id = ? AND product_id = ? ORDER BY entry`,
    ),
    // Net sales per product from its net per day, in whole thousandths (a quantity has at most 3
    // decimals): exact integers where a sum of REALs would not be, read from
    // stock_ledger_sales_days in its own order. A day's square is summed only below 10^8
    // thousandths (366 of them stay within 64 bits); a product with a larger day is summed again
    // from its days (netSalesDays).
    // A short window reads its days by the day index; a long one the store's rows in product order
    // (the `+` keeps SQLite, which keeps no statistics here, from taking the day index and sorting
    // a year of rows).
    ...Object.fromEntries(
      (['short', 'long'] as const).map((window) => [
        `netSales_${window}`,
        db
          .prepare<[string, string, string], { product_id: string; total: bigint; squares: bigint; largest: bigint }>(
            `SELECT product_id, -SUM(quantity) AS total, SUM(CASE WHEN ABS(quantity) < 100000000 THEN quantity * quantity ELSE 0 END) AS squares, MAX(ABS(quantity)) AS largest
             FROM stock_ledger_sales_days ${window === 'short' ? 'INDEXED BY stock_ledger_sales_days_by_day' : ''}
             WHERE store_id = ? AND ${window === 'short' ? 'day >= ? AND day <= ?' : '+day >= ? AND +day <= ?'}
             GROUP BY product_id`,
          )
          .safeIntegers(),
      ]),
    ) as Record<'netSales_short' | 'netSales_long', Statement<[string, string, string], { product_id: string; total: bigint; squares: bigint; largest: bigint }>>,
    // What may run low in a store (LedgerReads.toWatch): its net sales per product over the window,
    // summed as netSales sums them, and of those only the products whose stock on hand does not surely
    // cover them (surelyStockedSql, against the position found by its key), with every position at or
    // below nothing and those of the products named. A day past 10^8 thousandths leaves its product in,
    // its squares to be summed again from its days.
    ...Object.fromEntries(
      (['short', 'long'] as const).map((window) => [
        `toWatch_${window}`,
        db
          .prepare<[WatchParams], [string, number, bigint | null, bigint | null, bigint | null, bigint | null, bigint | null]>(
            `WITH sold AS MATERIALIZED (
               SELECT product_id, -SUM(quantity) AS total, SUM(CASE WHEN ABS(quantity) < 100000000 THEN quantity * quantity ELSE 0 END) AS squares, MAX(ABS(quantity)) AS largest
               FROM stock_ledger_sales_days ${window === 'short' ? 'INDEXED BY stock_ledger_sales_days_by_day' : ''}
               WHERE store_id = @store AND ${window === 'short' ? 'day >= @from AND day <= @to' : '+day >= @from AND +day <= @to'}
               GROUP BY product_id),
             watched (product_id) AS (
               SELECT product_id FROM stock_positions WHERE store_id = @store AND quantity <= 0
               UNION SELECT value FROM json_each(@named)
               UNION SELECT sold.product_id FROM sold LEFT JOIN stock_positions AS p ON p.store_id = @store AND p.product_id = sold.product_id
                 WHERE NOT coalesce(sold.largest < 100000000 AND ${surelyStockedSql({ quantity: 'p.quantity', total: 'sold.total', squares: 'sold.squares' }, (expression) => `(${expression} * 1.0)`, 'max')}, 0))
             SELECT watched.product_id, p.product_id IS NOT NULL, p.quantity, p.average_cost, sold.total, sold.squares, sold.largest
             FROM watched LEFT JOIN stock_positions AS p ON p.store_id = @store AND p.product_id = watched.product_id LEFT JOIN sold ON sold.product_id = watched.product_id`,
          )
          .raw()
          .safeIntegers(),
      ]),
    ) as Record<'toWatch_short' | 'toWatch_long', Statement<[WatchParams], [string, number | bigint, bigint | null, bigint | null, bigint | null, bigint | null, bigint | null]>>,
    netSalesDays: db
      .prepare<[string, string, string, string], { day_total: bigint }>(
        `SELECT quantity AS day_total FROM stock_ledger_sales_days WHERE store_id = ? AND product_id = ? AND day >= ? AND day <= ?`,
      )
      .safeIntegers(),
    // A report fact added to the one held with its key (the columns in MEASURES order).
    addReportFact: db.prepare(
      `INSERT INTO report_facts (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (store_id, dimension, day, key) DO UPDATE SET
         sales = sales + excluded.sales, returns = returns + excluded.returns, quantity = quantity + excluded.quantity,
         gross = gross + excluded.gross, net = net + excluded.net, tax = tax + excluded.tax, discount = discount + excluded.discount,
         cost = cost + excluded.cost, costed_net = costed_net + excluded.costed_net`,
    ),
    // Report sums per key, day or store: the stores as a JSON array, each read from the primary key's range.
    ...Object.fromEntries(
      REPORT_GROUPS.map((group) => [
        `reportSumsBy_${group}`,
        db
          .prepare<[string, string, string, string], ReportSumRow>(
            `SELECT ${reportGroupColumn(group)} AS grouped, MIN(day) AS first_day, MAX(day) AS last_day, ${REPORT_SUMS} FROM report_facts
             WHERE store_id IN (SELECT value FROM json_each(?)) AND dimension = ? AND day >= ? AND day <= ?
             GROUP BY grouped`,
          )
          .safeIntegers(),
      ]),
    ) as Record<`reportSumsBy_${ReportGroup}`, Statement<[string, string, string, string], ReportSumRow>>,
    // The chain's month sums per key from report_facts_chain_by_key: read in key order, each key's months
    // summed as they come, with no sort of every row by key (a chain's two years are 230,000 rows: a
    // third of the time). The index holds every month, so it is taken only for a span over most of the
    // months held (chainSumsByKeyPays); the months it holds, first and last, from the primary key.
    chainSumsByKey: db
      .prepare<[string, string, string], ReportSumRow>(
        `SELECT key AS grouped, MIN(day) AS first_day, MAX(day) AS last_day, ${REPORT_SUMS} FROM report_facts INDEXED BY report_facts_chain_by_key
         WHERE store_id = '${CHAIN_STORE}' AND dimension = ? AND day >= ? AND day <= ?
         GROUP BY key`,
      )
      .safeIntegers(),
    chainMonthsHeld: db
      .prepare<[string, string], [string | null, string | null]>(
        `SELECT (SELECT MIN(day) FROM report_facts WHERE store_id = '${CHAIN_STORE}' AND dimension = ?), (SELECT MAX(day) FROM report_facts WHERE store_id = '${CHAIN_STORE}' AND dimension = ?)`,
      )
      .raw(),
    lastSeq: db.prepare<[string], { seq: number | null }>(`SELECT MAX(seq) AS seq FROM documents WHERE collection = ?`),
    ...slowStockStatements(db),
    // Customers' sums read in customer order from report_facts_customers (every customer fact, with its
    // figures), each summed as read, with no sort of every fact by customer: a chain's two years are
    // 150,000 of them. The index holds every store and day, so it is taken only for a span over most of
    // the stores and days held (customerSumsByKeyPays); the days held, first and last, a seek a store.
    customerSumsByKey: db
      .prepare<[string, string, string], ReportSumRow>(
        `SELECT key AS grouped, MIN(day) AS first_day, MAX(day) AS last_day, ${REPORT_SUMS} FROM report_facts INDEXED BY report_facts_customers
         WHERE dimension = 'customer' AND +store_id IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ?
         GROUP BY key`,
      )
      .safeIntegers(),
    customerDaysHeld: db
      .prepare<[], [number, string | null, string | null]>(
        `SELECT COUNT(*), MIN(first), MAX(last) FROM (
           SELECT (SELECT MIN(day) FROM report_facts WHERE store_id = stores.id AND dimension = 'customer') AS first,
                  (SELECT MAX(day) FROM report_facts WHERE store_id = stores.id AND dimension = 'customer') AS last
           FROM documents AS stores WHERE stores.collection = 'stores')`,
      )
      .raw(),
    // Each customer's days in the span by report_facts_customers: one seek a customer, however many
    // stores there are (unary +: the stores are checked, not looked up, so the primary key is not
    // taken instead).
    // Whether any customer bought in the stores over the days, by store and day (the dimension given as
    // a parameter, so the partial index is not taken for it): none, and nobody need be sought.
    anyCustomerBought: db.prepare<[string, string, string, string], [number]>(
      `SELECT 1 FROM report_facts WHERE store_id IN (SELECT value FROM json_each(?)) AND dimension = ? AND day >= ? AND day <= ? AND sales > 0 LIMIT 1`,
    ).raw(),
    customersWhoBought: db
      .prepare<[string, string, string, string], [string]>(
        `SELECT DISTINCT key FROM report_facts WHERE dimension = 'customer' AND key IN (SELECT value FROM json_each(?))
         AND +store_id IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ? AND sales > 0`,
      )
      .raw(),
    // Each product's quantity up to a moment, and its receipts with a cost with the running quantity
    // before each, in ledger order (thousandths), from stock_ledger_by_product_entry alone: two
    // passes, as a window function that also found each product's last row took half as long again.
    stockTotals: db
      .prepare<[string, string], { product_id: string; total: bigint }>(
        `SELECT product_id, SUM(${THOUSANDTHS}) AS total FROM stock_ledger WHERE store_id = ? AND recorded_at <= ? GROUP BY product_id`,
      )
      .safeIntegers(),
    costedReceipts: db
      .prepare<[string, string], { product_id: string; quantity: string; unit_cost: string; before: bigint }>(
        `SELECT product_id, quantity, unit_cost, after - moved AS before FROM (
           SELECT entry, product_id, source, quantity, unit_cost, ${THOUSANDTHS} AS moved,
             SUM(${THOUSANDTHS}) OVER (PARTITION BY product_id ORDER BY entry ROWS UNBOUNDED PRECEDING) AS after
           FROM stock_ledger WHERE store_id = ? AND recorded_at <= ?)
         WHERE source = 'receipt' AND unit_cost <> ''
         ORDER BY product_id, entry`,
      )
      .safeIntegers(),
    appendLedger: db.prepare<[string, string, string, string | null, string, string, string | null]>(
      `INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    getRefusal: db.prepare<[string], RefusalRow>(`SELECT * FROM refused_documents WHERE id = ?`),
    openRefusalTotals: db.prepare<[string], { count: number; bytes: number }>(
      `SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes FROM refused_documents WHERE till_id = ? AND accepted_at IS NULL`,
    ),
    // Only a refused sale holds a number of the till's sales numbering; shift events count their own.
    refusalAtNumber: db.prepare<[string, number], { found: number }>(
      `SELECT 1 AS found FROM refused_documents WHERE till_id = ? AND number = ? AND collection = 'sales' AND accepted_at IS NULL LIMIT 1`,
    ),
    refusalsForStore: db.prepare<[string, number], RefusalRow>(
      `SELECT * FROM refused_documents WHERE store_id = ? ORDER BY accepted_at IS NOT NULL, last_refused_at DESC LIMIT ?`,
    ),
    refusalCounts: db.prepare<[string], { till_id: string; count: number }>(
      `SELECT till_id, COUNT(*) AS count FROM refused_documents WHERE store_id = ? AND accepted_at IS NULL GROUP BY till_id`,
    ),
    putRefusal: db.prepare<[{ id: string; storeId: string; tillId: string; collection: string; number: number; body: string; bytes: number; problems: string; attempts: number; firstRefusedAt: string; lastRefusedAt: string }]>(
      `INSERT INTO refused_documents (id, store_id, till_id, collection, number, body, bytes, problems, attempts, first_refused_at, last_refused_at, accepted_at)
       VALUES (@id, @storeId, @tillId, @collection, @number, @body, @bytes, @problems, @attempts, @firstRefusedAt, @lastRefusedAt, NULL)
       ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, till_id = excluded.till_id, collection = excluded.collection, number = excluded.number,
         body = excluded.body, bytes = excluded.bytes, problems = excluded.problems, attempts = excluded.attempts, last_refused_at = excluded.last_refused_at, accepted_at = NULL`,
    ),
    acceptRefusal: db.prepare<[string, string, string, string]>(`UPDATE refused_documents SET accepted_at = ? WHERE id = ? AND till_id = ? AND collection = ? AND accepted_at IS NULL`),
    exceptionsForStore: db.prepare<[string, number], { id: number; kind: ExceptionKind; product_id: string; document_id: string; till_id: string; details: string; raised_at: string }>(
      `SELECT id, kind, product_id, document_id, till_id, details, raised_at FROM exceptions WHERE store_id = ? ORDER BY id DESC LIMIT ?`,
    ),
    raiseException: db.prepare<[{ storeId: string; kind: string; productId: string; documentId: string; tillId: string; details: string; raisedAt: string }]>(
      `INSERT INTO exceptions (store_id, kind, product_id, document_id, till_id, details, raised_at) VALUES (@storeId, @kind, @productId, @documentId, @tillId, @details, @raisedAt)`,
    ),
    getShiftEvent: db.prepare<[string], { till_id: string; body: string }>(`SELECT till_id, body FROM shift_events WHERE id = ?`),
    shiftEventAtSequence: db.prepare<[string, number], { id: string }>(`SELECT id FROM shift_events WHERE till_id = ? AND sequence = ?`),
    shiftOtherTill: db.prepare<[string, string, string], { till_id: string }>(`SELECT till_id FROM shift_events WHERE store_id = ? AND shift_id = ? AND till_id <> ? LIMIT 1`),
    shiftClose: db.prepare<[string, string], { id: string; sequence: number }>(`SELECT id, sequence FROM shift_events WHERE store_id = ? AND shift_id = ? AND kind = 'close' LIMIT 1`),
    shiftEvents: db.prepare<[string, string], { body: string; received_at: string }>(`SELECT body, received_at FROM shift_events WHERE store_id = ? AND shift_id = ? ORDER BY sequence`),
    // A shift's id is its open event's; before that event arrives, any event of the shift tells the store.
    shiftStoreById: db.prepare<[string], { store_id: string }>(`SELECT store_id FROM shift_events WHERE id = ?`),
    shiftStoreByShift: db.prepare<[string], { store_id: string }>(`SELECT store_id FROM shift_events WHERE shift_id = ? LIMIT 1`),
    shiftOpensAndCloses: db.prepare<[string], { body: string }>(`SELECT body FROM shift_events WHERE store_id = ? AND kind IN ('open', 'close') ORDER BY received_seq DESC`),
    shiftVoidsAndCloses: db.prepare<[string], { body: string }>(`SELECT body FROM shift_events WHERE store_id = ? AND kind IN ('void', 'close') ORDER BY received_seq`),
    insertShiftEvent: db.prepare<[{ id: string; storeId: string; tillId: string; shiftId: string; kind: string; sequence: number; body: string; seq: number; receivedAt: string }]>(
      `INSERT INTO shift_events (id, store_id, till_id, shift_id, kind, sequence, body, received_seq, received_at)
       VALUES (@id, @storeId, @tillId, @shiftId, @kind, @sequence, @body, @seq, @receivedAt) ON CONFLICT DO NOTHING`,
    ),
    getStockDocument: db.prepare<[string], { body: string }>(`SELECT body FROM stock_documents WHERE id = ?`),
    stockDocumentsForStore: db.prepare<[string, number], { body: string; recorded_at: string }>(
      `SELECT body, recorded_at FROM stock_documents WHERE store_id = ? ORDER BY recorded_at DESC, id LIMIT ?`,
    ),
    insertStockDocument: db.prepare<[{ id: string; storeId: string; kind: string; body: string; recordedAt: string }]>(
      `INSERT INTO stock_documents (id, store_id, kind, body, recorded_at) VALUES (@id, @storeId, @kind, @body, @recordedAt) ON CONFLICT DO NOTHING`,
    ),
    countEntries: db.prepare<[{ countId: string; productId: string | null }], CountEntryRow>(
      `SELECT ${COUNT_ENTRY_COLUMNS} FROM stock_count_entries WHERE count_id = @countId AND (@productId IS NULL OR product_id = @productId) ORDER BY entered_at, entry_id`,
    ),
    // The (count, product) pairs with an entry at or after the time first (the index's range), then
    // their first counted entry, which must be at or after it too.
    countedSince: db.prepare<[{ storeId: string; productIds: string; since: string }], { count_id: string; product_id: string; counted_at: string }>(
      `SELECT count_id, product_id, MIN(entered_at) AS counted_at FROM stock_count_entries
       WHERE store_id = @storeId AND kind = 'counted' AND (count_id, product_id) IN (
         SELECT count_id, product_id FROM stock_count_entries
         WHERE store_id = @storeId AND product_id IN (SELECT value FROM json_each(@productIds)) AND entered_at >= @since)
       GROUP BY count_id, product_id HAVING MIN(entered_at) >= @since`,
    ),
    addCountEntry: db.prepare<[CountEntryRow]>(
      `INSERT INTO stock_count_entries (${COUNT_ENTRY_COLUMNS})
       VALUES (@count_id, @entry_id, @store_id, @product_id, @kind, @quantity, @expected, @document_id, @made_at, @entered_at, @entered_by) ON CONFLICT DO NOTHING`,
    ),
    tillContacts: db.prepare<[], ContactRow>(`SELECT till_id, last_contact_at, last_push_at, waiting, waiting_reported_at, refusals_capped_at FROM till_contacts`),
    tillContact: db.prepare<[string], ContactRow>(`SELECT till_id, last_contact_at, last_push_at, waiting, waiting_reported_at, refusals_capped_at FROM till_contacts WHERE till_id = ?`),
    touchTill: db.prepare<[{ tillId: string; at: string; pushAt: string | null; waiting: number | null; waitingAt: string | null }]>(
      `INSERT INTO till_contacts (till_id, last_contact_at, last_push_at, waiting, waiting_reported_at) VALUES (@tillId, @at, @pushAt, @waiting, @waitingAt)
       ON CONFLICT (till_id) DO UPDATE SET last_contact_at = excluded.last_contact_at, last_push_at = COALESCE(excluded.last_push_at, last_push_at),
         waiting = COALESCE(excluded.waiting, waiting), waiting_reported_at = COALESCE(excluded.waiting_reported_at, waiting_reported_at)`,
    ),
    markRefusalsCapped: db.prepare<[{ tillId: string; at: string }]>(
      `INSERT INTO till_contacts (till_id, last_contact_at, refusals_capped_at) VALUES (@tillId, @at, @at)
       ON CONFLICT (till_id) DO UPDATE SET refusals_capped_at = excluded.refusals_capped_at`,
    ),
    owner: db.prepare<[string], { collection: PushedCollection; store_id: string; till_id: string | null }>(`SELECT collection, store_id, till_id FROM document_ids WHERE id = ?`),
    claim: db.prepare<[string, string, string, string | null]>(`INSERT INTO document_ids (id, collection, store_id, till_id) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
    keysOf: db.prepare<[string], DuplicateKey>(`SELECT field, value FROM customer_keys WHERE customer_id = ?`),
    sharingKey: db.prepare<[string, string, string], { customer_id: string }>(`SELECT customer_id FROM customer_keys WHERE store_id = ? AND field = ? AND value = ?`),
    addKey: db.prepare<[string, string, string, string]>(`INSERT OR IGNORE INTO customer_keys (store_id, field, value, customer_id) VALUES (?, ?, ?, ?)`),
    forgetKey: db.prepare<[string, string, string]>(`DELETE FROM customer_keys WHERE customer_id = ? AND field = ? AND value = ?`),
    forgetKeys: db.prepare<[string]>(`DELETE FROM customer_keys WHERE customer_id = ?`),
    mergedInto: db.prepare<[string], { kept_id: string }>(`SELECT kept_id FROM customer_merges WHERE id = ?`),
    recordMerge: db.prepare<[string, string, string, string]>(
      `INSERT INTO customer_merges (id, kept_id, store_id, merged_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kept_id = excluded.kept_id, merged_at = excluded.merged_at`,
    ),
    // Customers merged into the one now merged away follow it to the one kept.
    redirectMerges: db.prepare<[string, string]>(`UPDATE customer_merges SET kept_id = ? WHERE kept_id = ?`),
    pairingCode: db.prepare<[string], { till_id: string; expires_at: string; used_at: string | null }>(`SELECT till_id, expires_at, used_at FROM pairing_codes WHERE code_hash = ?`),
    expireCodes: db.prepare<[string, string]>(`UPDATE pairing_codes SET used_at = ? WHERE till_id = ? AND used_at IS NULL`),
    insertCode: db.prepare<[string, string, string, string]>(`INSERT INTO pairing_codes (code_hash, till_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
    useCode: db.prepare<[string, string]>(`UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL`),
    deviceByCredential: db.prepare<[string], { id: string; till_id: string; revoked_at: string | null }>(`SELECT id, till_id, revoked_at FROM devices WHERE credential_hash = ?`),
    deviceSummaries: db.prepare<[], { till_id: string; paired_at: string; revoked_at: string | null; active: number }>(
      `SELECT till_id, MAX(paired_at) AS paired_at, MAX(revoked_at) AS revoked_at, SUM(revoked_at IS NULL) AS active FROM devices GROUP BY till_id`,
    ),
    revokeTill: db.prepare<[string, string]>(`UPDATE devices SET revoked_at = ? WHERE till_id = ? AND revoked_at IS NULL`),
    addDevice: db.prepare<[string, string, string, string]>(`INSERT INTO devices (id, till_id, credential_hash, paired_at) VALUES (?, ?, ?, ?)`),
    accountById: db.prepare<[string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM office_accounts WHERE id = ?`),
    accountByEmail: db.prepare<[string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM office_accounts WHERE email = ?`),
    accounts: db.prepare<[], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM office_accounts ORDER BY created_at, id`),
    hasOwner: db.prepare<[], { found: number }>(`SELECT 1 AS found FROM office_accounts WHERE role = 'owner' LIMIT 1`),
    insertAccount: db.prepare<[string, string, string, string, string, string, number, string]>(
      `INSERT INTO office_accounts (${ACCOUNT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    updateAccount: db.prepare<[string, string, string, string, number, string]>(
      `UPDATE office_accounts SET name = ?, role = ?, store_ids = ?, password_hash = ?, active = ? WHERE id = ?`,
    ),
    session: db.prepare<[string], AccountRow & { expires_at: string }>(
      `SELECT s.expires_at, ${ACCOUNT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
       FROM office_sessions s JOIN office_accounts a ON a.id = s.account_id WHERE s.token_hash = ?`,
    ),
    addSession: db.prepare<[string, string, string, string]>(`INSERT INTO office_sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
    endSession: db.prepare<[string]>(`DELETE FROM office_sessions WHERE token_hash = ?`),
    endSessionsOf: db.prepare<[string]>(`DELETE FROM office_sessions WHERE account_id = ?`),
    forgetExpired: db.prepare<[string]>(`DELETE FROM office_sessions WHERE expires_at < ?`),
    setupToken: db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'owner_setup_token'`),
    setSetupToken: db.prepare<[string]>(`INSERT INTO meta (key, value) VALUES ('owner_setup_token', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    forgetSetupToken: db.prepare(`DELETE FROM meta WHERE key = 'owner_setup_token'`),
    recordAudit: db.prepare<[string, string | null, string, string, string, string, string | null, string | null, string | null]>(
      `INSERT INTO audit_log (${AUDIT_COLUMNS.replace('id, ', '')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Every filter optional: a null parameter lets every row through (anyActor 1: any actor; the
    // stores as a JSON array, or null for every store).
    audit: db.prepare<[{ anyActor: number; actorId: string | null; kind: string | null; from: string | null; to: string | null; stores: string | null; limit: number }], AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log
       WHERE (@anyActor = 1 OR actor_id IS @actorId)
         AND (@kind IS NULL OR kind = @kind)
         AND (@from IS NULL OR at >= @from)
         AND (@to IS NULL OR at <= @to)
         AND (@stores IS NULL OR store_id IN (SELECT value FROM json_each(@stores)))
       ORDER BY id DESC LIMIT @limit`,
    ),
  };
}

/** The largest whole number SQLite holds: a worth above it would go on in floating point. */
const INT64_MAX = 9223372036854775807n;

/**
 * Slow stock (ReportReads.slowStock): the stores as [id, since, rank] and the products as {id: cost
 * as text or null}, both JSON. The products are made a table of their own, which SQLite finds each
 * position's in by an index it builds, rather than scanning the JSON for every row. Every worth is
 * multiplied in 64 bits; `large` counts those that would not fit (SQLite would carry on in floating
 * point), and any makes the caller work them out from the rows instead.
 */
function slowStockStatements(db: SqliteDatabase) {
  const slow = `WITH stores (store_id, since, rank) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@stores)),
    products (product_id, cost) AS MATERIALIZED (SELECT key, CAST(value AS INTEGER) FROM json_each(@products)),
    slow AS MATERIALIZED (
      SELECT p.store_id, p.product_id, p.quantity, p.average_cost, p.last_sold, s.rank,
        p.quantity * coalesce(p.average_cost, products.cost) AS value,
        abs(p.quantity) > ${INT64_MAX} / abs(coalesce(p.average_cost, products.cost)) AS large
      FROM stores AS s JOIN stock_positions AS p ON p.store_id = s.store_id JOIN products ON products.product_id = p.product_id
      WHERE p.quantity > 0 AND (p.last_sold IS NULL OR p.last_sold < s.since))`;
  type Params = { stores: string; products: string; before: number };
  return {
    // The sums (the one row with no store), and the first `before` + 1 in the listing order with
    // every one tied with the last of them, found as the one at that place (edge).
    slowStock: db
      .prepare<[Params], [string | null, string | null, bigint, bigint | null, bigint | null, string | bigint | null]>(
        `${slow}, edge AS MATERIALIZED (SELECT value, rank FROM slow ORDER BY value IS NULL, value DESC, rank LIMIT 1 OFFSET @before)
         SELECT NULL, NULL, COUNT(*), SUM(value), SUM(large), NULL FROM slow
         UNION ALL
         SELECT store_id, product_id, quantity, average_cost, value, last_sold FROM slow
         WHERE NOT EXISTS (SELECT 1 FROM edge) OR (SELECT CASE
           WHEN edge.value IS NULL THEN slow.value IS NOT NULL OR slow.rank <= edge.rank
           ELSE slow.value > edge.value OR (slow.value = edge.value AND slow.rank <= edge.rank) END FROM edge)`,
      )
      .raw()
      .safeIntegers(),
    slowStockRows: db
      .prepare<[Omit<Params, 'before'>], [string, string, bigint, bigint | null, string | null]>(`${slow} SELECT store_id, product_id, quantity, average_cost, last_sold FROM slow`)
      .raw()
      .safeIntegers(),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * Every operation of the port, run synchronously on the connection. `StorageTransaction` is this
 * with each call checked against its transaction; the port's own reads are these queued.
 */
function operations(statements: Statements, lastSales: LastSales): StorageTransaction {
  const ledgerEntry = (row: LedgerRow): LedgerEntry => ({
    storeId: row.store_id,
    productId: row.product_id,
    source: row.source,
    documentId: row.document_id,
    quantity: row.quantity,
    recordedAt: row.recorded_at,
    unitCost: row.unit_cost,
  });
  /** Stores a sale unless its id or its till's number is taken; answers whether it did. */
  const insertSale = (sale: Sale, receivedSeq: number, receivedAt: string): boolean =>
    statements.insertSale.run({
      id: sale.id,
      storeId: sale.storeId,
      tillId: sale.tillId,
      number: sale.number,
      body: JSON.stringify(sale),
      seq: receivedSeq,
      receivedAt,
      returnOf: sale.returnOf?.saleId ?? null,
      receiptNumber: sale.receiptNumber ?? null,
      shiftId: sale.shiftId ?? null,
    }).changes === 1;
  /** Keeps stock_positions with the stock levels and costs among `writes`. */
  const putPositions = (writes: readonly DocumentWrite[]): void => {
    const { quantities, costs } = positionWrites(writes);
    for (const { storeId, productId, value } of quantities) statements.putPositionQuantity.run(storeId, productId, value, lastSales.take(storeId, productId));
    for (const { storeId, productId, value } of costs) statements.putPositionCost.run(storeId, productId, value);
  };
  return {
    sequence: {
      async allocate(count) {
        if (!Number.isInteger(count) || count < 1) throw new RangeError(`allocate takes a whole count of at least 1, not ${count}`);
        return statements.allocate.get(count)!.last - count + 1;
      },
      async current() {
        return Number(statements.currentSeq.get()!.value);
      },
    },
    documents: {
      async get<T>(collection: DocumentCollection, id: string): Promise<StoredDocument<T> | undefined> {
        const row = statements.getDocument.get(collection, id);
        return row && { collection, id, storeId: row.store_id, tillId: row.till_id, seq: row.seq, deleted: row.deleted === 1, body: JSON.parse(row.body) as T };
      },
      async getMany<T>(collection: DocumentCollection, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>> {
        const found = new Map<string, StoredDocument<T>>();
        for (const id of new Set(ids)) {
          const row = statements.getDocument.get(collection, id);
          if (row) found.set(id, { collection, id, storeId: row.store_id, tillId: row.till_id, seq: row.seq, deleted: row.deleted === 1, body: JSON.parse(row.body) as T });
        }
        return found;
      },
      async getAcross<T extends Record<string, unknown>>(requests: { [Name in keyof T]: DocumentRequest }) {
        const answer = {} as { [Name in keyof T]: Map<string, StoredDocument<T[Name]>> };
        for (const name of Object.keys(requests) as (keyof T & string)[]) {
          const { collection, ids } = requests[name];
          const found = new Map<string, StoredDocument<T[typeof name]>>();
          for (const id of new Set(ids)) {
            const row = statements.getDocument.get(collection, id);
            if (row) found.set(id, { collection, id, storeId: row.store_id, tillId: row.till_id, seq: row.seq, deleted: row.deleted === 1, body: JSON.parse(row.body) as T[typeof name] });
          }
          answer[name] = found;
        }
        return answer;
      },
      async list<T>(collection: DocumentCollection, storeId: string): Promise<T[]> {
        return statements.listDocuments.all(collection, storeId).map((row) => JSON.parse(row.body) as T);
      },
      async all<T>(collection: DocumentCollection): Promise<T[]> {
        return statements.allDocuments.all(collection).map((row) => JSON.parse(row.body) as T);
      },
      async fields<T>(collection: DocumentCollection, storeId: string | null, fields: Record<keyof T, FieldKind>): Promise<T[]> {
        const names = fieldNames(fields);
        const found = statements.documentFields(`${storeId === null ? 'all' : 'store'} ${names.join(' ')}`).all(collection, storeId);
        return found.map((text) => fieldsFromValues(fields, names, JSON.parse(text) as unknown[]));
      },
      async fieldsAfter<T>(collection: DocumentCollection, afterSeq: number, fields: Record<keyof T, FieldKind>): Promise<ChangedFields<T>[]> {
        const names = fieldNames(fields);
        return statements
          .documentFieldsAfter(names.join(' '))
          .all(collection, afterSeq)
          .map((row) => ({ id: row.id, seq: row.seq, deleted: row.deleted === 1, fields: fieldsFromValues(fields, names, JSON.parse(row.fields) as unknown[]) }));
      },
      async positions(storeId) {
        const found = storeId === null ? statements.positionsOfAll.all() : statements.positionsOfStore.all(storeId);
        return found.map(stockPosition);
      },
      async lastSeq(collection) {
        return statements.lastSeq.get(collection)?.seq ?? 0;
      },
      async onHand(storeIds, productIds) {
        if (storeIds.length === 0 || productIds.length === 0) return new Map();
        return new Map(statements.onHand.all(JSON.stringify(storeIds), JSON.stringify([...new Set(productIds)])));
      },
      async stockValueSums(storeIds) {
        const stores = JSON.stringify(storeIds);
        let valued: bigint;
        try {
          const sums = statements.stockValued.get(stores)!;
          if (sums.large > 0n || typeof sums.valued === 'number') throw new RangeError('beyond 64 bits');
          valued = sums.valued ?? 0n;
        } catch {
          // A sum or a product beyond 64 bits (SQLite refuses the one, floats the other): summed here.
          valued = statements.stockValuedRows.all(stores).reduce((total, [quantity, cost]) => total + quantity * cost, 0n);
        }
        return { valued, unvalued: new Map(statements.stockUnvalued.all(stores)) };
      },
      async containing<T>(collection: DocumentCollection, needles: readonly string[]) {
        if (needles.length === 0) return [];
        const patterns = needles.map(likePattern);
        return statements.documentsContaining(patterns.length).all(collection, ...patterns).map((row) => JSON.parse(row.body) as T);
      },
      async pullJson(collection, till, after, limit) {
        const rows = statements.pull.all({ collection, storeId: till.storeId, tillId: till.id, after: after?.seq ?? 0, limit });
        const last = rows.at(-1);
        // Every stored body is a JSON object written by JSON.stringify: "{...}" with at least one field.
        const documents = rows.map((row) => `${row.body.slice(0, -1)},"_deleted":${row.deleted === 1 ? 'true' : 'false'}}`);
        const checkpoint = last ? { seq: last.seq, id: last.id } : after;
        return `{"documents":[${documents.join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`;
      },
      async put({ collection, body, storeId, tillId = null, seq, deleted = false }) {
        statements.putDocument.run({ collection, id: body.id, storeId, tillId, seq, deleted: deleted ? 1 : 0, body: JSON.stringify(body) });
        putPositions([{ collection, body, storeId, seq, deleted }]);
      },
      async putMany(documents) {
        for (const { collection, body, storeId, tillId = null, seq, deleted = false } of documents) {
          statements.putDocument.run({ collection, id: body.id, storeId, tillId, seq, deleted: deleted ? 1 : 0, body: JSON.stringify(body) });
        }
        putPositions(documents);
      },
    },
    sales: {
      async get(id) {
        const row = statements.getSale.get(id);
        return row && storedSale(row);
      },
      async getMany(ids) {
        const found = new Map<string, StoredSale>();
        for (const id of new Set(ids)) {
          const row = statements.getSale.get(id);
          if (row) found.set(id, storedSale(row));
        }
        return found;
      },
      async byNumber(tillId, number) {
        const row = statements.saleByNumber.get(tillId, number);
        return row && storedSale(row);
      },
      async heldFrom(tillId, number, limit) {
        return statements.salesHeldFrom.all({ tillId, number, limit }).map((row) => ({ number: row.number, sale: row.body === null ? undefined : storedSale(row as SaleRow) }));
      },
      async returnsOf(saleId) {
        return statements.returnsOf.all(saleId).map((row) => JSON.parse(row.body) as Sale);
      },
      async byReceipt(storeId, receiptNumber) {
        return statements.salesByReceipt.all(storeId, receiptNumber).map((row) => JSON.parse(row.body) as Sale);
      },
      async ofShift(storeId, shiftId) {
        return statements.salesOfShift.all(storeId, shiftId).map((row) => JSON.parse(row.body) as Sale);
      },
      async recent(storeId, limit) {
        return statements.recentSales.all(storeId, limit).map(storedSale);
      },
      async count(storeId) {
        return statements.countSales.get(storeId)!.count;
      },
      async appliedAfter(after, limit) {
        return statements.appliedSalesAfter.all(after?.tillId ?? '', after?.number ?? 0, limit).map(storedSale);
      },
      async insert(sale, receivedSeq, receivedAt) {
        return { inserted: insertSale(sale, receivedSeq, receivedAt) };
      },
      async insertMany(sales, receivedAt) {
        return new Set(sales.filter(({ sale, receivedSeq }) => insertSale(sale, receivedSeq, receivedAt)).map(({ sale }) => sale.id));
      },
      async markApplied(saleIds, at, ledger = []) {
        for (const id of saleIds) statements.markApplied.run(at, id);
        for (const entry of ledger) statements.appendLedger.run(entry.storeId, entry.productId, entry.source, entry.documentId, entry.quantity, entry.recordedAt, entry.unitCost ?? null);
      },
    },
    ledger: {
      async entries(storeId, productId) {
        return (productId === undefined ? statements.ledgerForStore.all(storeId) : statements.ledgerForProduct.all(storeId, productId)).map(ledgerEntry);
      },
      async entriesOf(storeId, productIds) {
        if (productIds.length === 0) return [];
        return statements.ledgerForProducts.all(storeId, JSON.stringify([...new Set(productIds)])).map(ledgerEntry);
      },
      async netSales(storeId, fromDay, toDay) {
        return statements[`netSales_${salesWindow(fromDay, toDay)}`].all(storeId, fromDay, toDay).map((row) => {
          let squares = row.squares;
          if (row.largest >= 100_000_000n) {
            squares = 0n;
            for (const { day_total } of statements.netSalesDays.all(storeId, row.product_id, fromDay, toDay)) squares += day_total * day_total;
          }
          return { productId: row.product_id, total: scaledDecimal(row.total, 3), squares: scaledDecimal(squares, 6) };
        });
      },
      async toWatch(storeId, fromDay, toDay, named, lines) {
        const days = (Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000 + 1;
        const found = statements[`toWatch_${salesWindow(fromDay, toDay)}`].all({
          store: storeId,
          from: fromDay,
          to: toDay,
          named: JSON.stringify([...new Set(named)]),
          days,
          cover: lines.coverDays,
          lead: lines.leadDays,
          z2: lines.z * lines.z,
        });
        const positions: StockPosition[] = [];
        const sales: NetSales[] = [];
        for (const [productId, positioned, quantity, averageCost, total, squares, largest] of found) {
          if (Number(positioned) === 1) positions.push({ storeId, productId, quantity, averageCost });
          if (total === null || squares === null || largest === null) continue;
          let summed = squares;
          if (largest >= 100_000_000n) {
            summed = 0n;
            for (const { day_total } of statements.netSalesDays.all(storeId, productId, fromDay, toDay)) summed += day_total * day_total;
          }
          sales.push({ productId, total: scaledDecimal(total, 3), squares: scaledDecimal(summed, 6) });
        }
        return { positions, sales };
      },
      async stockAt(storeId, until) {
        const stock = new Map<string, StockAt>();
        for (const row of statements.stockTotals.all(storeId, until)) stock.set(row.product_id, { productId: row.product_id, quantity: scaledDecimal(row.total, 3), receipts: [] });
        for (const row of statements.costedReceipts.all(storeId, until)) stock.get(row.product_id)?.receipts.push({ before: scaledDecimal(row.before, 3), quantity: row.quantity, unitCost: row.unit_cost });
        return [...stock.values()];
      },
      async append(entries) {
        for (const entry of entries) statements.appendLedger.run(entry.storeId, entry.productId, entry.source, entry.documentId, entry.quantity, entry.recordedAt, entry.unitCost ?? null);
      },
    },
    reports: {
      async sums(storeIds, dimension, fromDay, toDay, group) {
        if (group === 'key' && dimension === 'customer' && storeIds.length > 0) {
          const [stores, first, last] = statements.customerDaysHeld.get()!;
          if (first !== null && last !== null && customerSumsByKeyPays({ stores, first, last }, storeIds.length, fromDay, toDay)) {
            return statements.customerSumsByKey.all(JSON.stringify(storeIds), fromDay, toDay).map((row) => reportSum(group, row));
          }
        }
        if (group === 'key' && storeIds.length === 1 && storeIds[0] === CHAIN_STORE) {
          const [first, last] = statements.chainMonthsHeld.get(dimension, dimension)!;
          if (first === null || last === null || fromDay > last || toDay < first) return [];
          if (chainSumsByKeyPays(first, last, fromDay, toDay)) return statements.chainSumsByKey.all(dimension, fromDay, toDay).map((row) => reportSum(group, row));
        }
        return statements[`reportSumsBy_${group}`].all(JSON.stringify(storeIds), dimension, fromDay, toDay).map((row) => reportSum(group, row));
      },
      async customersWhoBought(storeIds, customerIds, fromDay, toDay) {
        if (customerIds.length === 0 || storeIds.length === 0) return new Set();
        if (statements.anyCustomerBought.get(JSON.stringify(storeIds), 'customer', fromDay, toDay) === undefined) return new Set();
        return new Set(statements.customersWhoBought.all(JSON.stringify([...new Set(customerIds)]), JSON.stringify(storeIds), fromDay, toDay).map(([key]) => key));
      },
      async slowStock({ stores, products, limit }) {
        const params = {
          stores: JSON.stringify(stores.map(({ storeId, since, rank }) => [storeId, since, rank])),
          products: JSON.stringify(Object.fromEntries([...products].map(([productId, cost]) => [productId, cost === null ? null : cost.toString()]))),
        };
        // A cost past 64 bits, which SQLite could not even hold, takes the exact way at once.
        if (![...products.values()].some((cost) => cost !== null && (cost > INT64_MAX || -cost > INT64_MAX))) {
          try {
            const found = statements.slowStock.all({ ...params, before: Math.max(0, limit - 1) });
            const [, , count, value, large] = found.find(([storeId]) => storeId === null)!;
            if (large === null || large === 0n) {
              const top: SlowPosition[] = [];
              for (const [storeId, productId, quantity, averageCost, worth, lastSold] of found) {
                if (storeId !== null && productId !== null) top.push({ storeId, productId, quantity, averageCost, value: worth, lastSold: typeof lastSold === 'string' ? lastSold : null });
              }
              return { count: Number(count), value: value ?? 0n, top };
            }
          } catch (error) {
            // A sum past 64 bits, which SQLite refuses: worked out here.
            if (!/integer overflow/.test(String(error))) throw error;
          }
        }
        // Every slow position, each worth multiplied exactly here at the cost given.
        const top = statements.slowStockRows.all(params).map(([storeId, productId, quantity, averageCost, lastSold]): SlowPosition => {
          const by = averageCost ?? products.get(productId) ?? null;
          return { storeId, productId, quantity, averageCost, value: by === null ? null : quantity * by, lastSold };
        });
        return { count: top.length, value: top.reduce((total, { value }) => total + (value ?? 0n), 0n), top };
      },
      async any() {
        return statements.anyReportFact.get() !== undefined;
      },
      async held(storeIds, dimension, fromDay, toDay) {
        return storeIds.length > 0 && statements.reportFactHeld.get(JSON.stringify(storeIds), dimension, fromDay, toDay) !== undefined;
      },
      async add(facts) {
        checkDayFacts(facts);
        lastSales.note(facts);
        for (const fact of withMonthSums(facts)) {
          statements.addReportFact.run(fact.storeId, fact.dimension, fact.day, fact.key, ...MEASURES.map((measure) => fact[measure]));
        }
      },
    },
    refusals: {
      async get(id) {
        const row = statements.getRefusal.get(id);
        return row && storedRefusal(row);
      },
      async openTotals(tillId) {
        return statements.openRefusalTotals.get(tillId)!;
      },
      async holdsNumber(tillId, number) {
        return statements.refusalAtNumber.get(tillId, number) !== undefined;
      },
      async forStore(storeId, limit) {
        return statements.refusalsForStore.all(storeId, limit).map(storedRefusal);
      },
      async openCounts(storeId) {
        return new Map(statements.refusalCounts.all(storeId).map((row) => [row.till_id, row.count]));
      },
      async put(refusal) {
        statements.putRefusal.run({
          id: refusal.id,
          storeId: refusal.storeId,
          tillId: refusal.tillId,
          collection: refusal.collection,
          number: refusal.number,
          body: JSON.stringify(refusal.document),
          bytes: refusal.bytes,
          problems: JSON.stringify(refusal.problems),
          attempts: refusal.attempts,
          firstRefusedAt: refusal.firstRefusedAt,
          lastRefusedAt: refusal.lastRefusedAt,
        });
      },
      async accept(id, tillId, collection, at) {
        return { accepted: statements.acceptRefusal.run(at, id, tillId, collection).changes === 1 };
      },
    },
    exceptions: {
      async forStore(storeId, limit) {
        return statements.exceptionsForStore.all(storeId, limit).map((row) => ({
          id: row.id,
          kind: row.kind,
          productId: row.product_id,
          documentId: row.document_id,
          tillId: row.till_id,
          details: JSON.parse(row.details) as Record<string, string>,
          raisedAt: row.raised_at,
        }));
      },
      async raise(exception) {
        statements.raiseException.run({ ...exception, details: JSON.stringify(exception.details) });
      },
      async raiseMany(exceptions) {
        for (const exception of exceptions) statements.raiseException.run({ ...exception, details: JSON.stringify(exception.details) });
      },
    },
    shiftEvents: {
      async get(id) {
        const row = statements.getShiftEvent.get(id);
        return row && { tillId: row.till_id, event: JSON.parse(row.body) as ShiftEvent };
      },
      async idAtSequence(tillId, sequence) {
        return statements.shiftEventAtSequence.get(tillId, sequence)?.id;
      },
      async otherTill(storeId, shiftId, tillId) {
        return statements.shiftOtherTill.get(storeId, shiftId, tillId)?.till_id;
      },
      async closeOf(storeId, shiftId) {
        return statements.shiftClose.get(storeId, shiftId);
      },
      async ofShift(storeId, shiftId) {
        return statements.shiftEvents.all(storeId, shiftId).map((row) => ({ event: JSON.parse(row.body) as ShiftEvent, receivedAt: row.received_at }));
      },
      async storeOf(shiftId) {
        return (statements.shiftStoreById.get(shiftId) ?? statements.shiftStoreByShift.get(shiftId))?.store_id;
      },
      async opensAndCloses(storeId) {
        return statements.shiftOpensAndCloses.all(storeId).map((row) => JSON.parse(row.body) as ShiftEvent);
      },
      async voidsAndCloses(storeId) {
        return statements.shiftVoidsAndCloses.all(storeId).map((row) => JSON.parse(row.body) as ShiftEvent);
      },
      async insert(event, receivedSeq, receivedAt) {
        const result = statements.insertShiftEvent.run({
          id: event.id,
          storeId: event.storeId,
          tillId: event.tillId,
          shiftId: event.shiftId,
          kind: event.kind,
          sequence: event.sequence,
          body: JSON.stringify(event),
          seq: receivedSeq,
          receivedAt,
        });
        return { inserted: result.changes === 1 };
      },
    },
    stockDocuments: {
      async get(id) {
        const row = statements.getStockDocument.get(id);
        return row && (JSON.parse(row.body) as StockDocument);
      },
      async forStore(storeId, limit) {
        return statements.stockDocumentsForStore.all(storeId, limit).map((row) => ({ document: JSON.parse(row.body) as StockDocument, recordedAt: row.recorded_at }));
      },
      async insert(document, recordedAt) {
        const result = statements.insertStockDocument.run({ id: document.id, storeId: document.storeId, kind: document.kind, body: JSON.stringify(document), recordedAt });
        return { inserted: result.changes === 1 };
      },
    },
    stockCounts: {
      async entries(countId, productId) {
        return statements.countEntries.all({ countId, productId: productId ?? null }).map(countEntry);
      },
      async countedSince(storeId, productIds, since) {
        if (productIds.length === 0) return [];
        return statements.countedSince.all({ storeId, productIds: JSON.stringify(productIds), since }).map((row) => ({ countId: row.count_id, productId: row.product_id, countedAt: row.counted_at }));
      },
      async add(entries) {
        const written = new Set<string>();
        for (const entry of entries) if (statements.addCountEntry.run(countEntryRow(entry)).changes === 1) written.add(entry.entryId);
        return written;
      },
    },
    tillContacts: {
      async all() {
        return statements.tillContacts.all().map(tillContact);
      },
      async get(tillId) {
        const row = statements.tillContact.get(tillId);
        return row && tillContact(row);
      },
      async touch(contact) {
        statements.touchTill.run(contact);
      },
      async markRefusalsCapped(tillId, at) {
        statements.markRefusalsCapped.run({ tillId, at });
      },
    },
    owners: {
      async get(id) {
        const row = statements.owner.get(id);
        return row && { collection: row.collection, storeId: row.store_id, tillId: row.till_id };
      },
      async claim(id, owner) {
        if (statements.claim.run(id, owner.collection, owner.storeId, owner.tillId).changes === 1) return { claimed: true, owner };
        const row = statements.owner.get(id)!;
        const held: IdOwner = { collection: row.collection, storeId: row.store_id, tillId: row.till_id };
        return { claimed: false, owner: held };
      },
      async claimMany(claims) {
        const answers = new Map<string, { claimed: boolean; owner: IdOwner }>();
        for (const { id, owner } of claims) {
          if (answers.has(id)) continue;
          if (statements.claim.run(id, owner.collection, owner.storeId, owner.tillId).changes === 1) {
            answers.set(id, { claimed: true, owner });
            continue;
          }
          const row = statements.owner.get(id)!;
          answers.set(id, { claimed: false, owner: { collection: row.collection, storeId: row.store_id, tillId: row.till_id } });
        }
        return answers;
      },
    },
    customerKeys: {
      async keysOf(customerId) {
        return statements.keysOf.all(customerId);
      },
      async sharing(storeId, key) {
        return statements.sharingKey.all(storeId, key.field, key.value).map((row) => row.customer_id);
      },
      async mergedInto(customerId) {
        return statements.mergedInto.get(customerId)?.kept_id;
      },
      async addKey(storeId, key, customerId) {
        statements.addKey.run(storeId, key.field, key.value, customerId);
      },
      async forgetKey(customerId, key) {
        statements.forgetKey.run(customerId, key.field, key.value);
      },
      async forgetKeys(customerId) {
        statements.forgetKeys.run(customerId);
      },
      async recordMerge(merge) {
        statements.recordMerge.run(merge.id, merge.keptId, merge.storeId, merge.mergedAt);
        statements.redirectMerges.run(merge.keptId, merge.id);
      },
    },
    devices: {
      async pairingCode(codeHash) {
        const row = statements.pairingCode.get(codeHash);
        return row && { tillId: row.till_id, expiresAt: row.expires_at, usedAt: row.used_at };
      },
      async byCredential(credentialHash) {
        const row = statements.deviceByCredential.get(credentialHash);
        return row && { id: row.id, tillId: row.till_id, revokedAt: row.revoked_at };
      },
      async summaries() {
        return statements.deviceSummaries.all().map((row) => ({ tillId: row.till_id, pairedAt: row.paired_at, revokedAt: row.revoked_at, active: row.active > 0 }));
      },
      async newPairingCode(code) {
        statements.expireCodes.run(code.createdAt, code.tillId);
        statements.insertCode.run(code.codeHash, code.tillId, code.createdAt, code.expiresAt);
      },
      async useCode(codeHash, at) {
        return { used: statements.useCode.run(at, codeHash).changes === 1 };
      },
      async revokeTill(tillId, at) {
        statements.revokeTill.run(at, tillId);
      },
      async addDevice(device) {
        statements.addDevice.run(device.id, device.tillId, device.credentialHash, device.pairedAt);
      },
    },
    officeAccounts: {
      async get(id) {
        const row = statements.accountById.get(id);
        return row && storedAccount(row);
      },
      async byEmail(email) {
        const row = statements.accountByEmail.get(email);
        return row && storedAccount(row);
      },
      async all() {
        return statements.accounts.all().map(storedAccount);
      },
      async hasOwner() {
        return statements.hasOwner.get() !== undefined;
      },
      async session(tokenHash) {
        const row = statements.session.get(tokenHash);
        return row && { expiresAt: row.expires_at, account: storedAccount(row) };
      },
      async setupToken() {
        return statements.setupToken.get()?.value;
      },
      async insert(account) {
        return { inserted: statements.insertAccount.run(...accountValues(account)).changes === 1 };
      },
      async update(account) {
        statements.updateAccount.run(account.name, account.role, JSON.stringify(account.storeIds), account.passwordHash, account.active ? 1 : 0, account.id);
      },
      async addSession(session) {
        statements.addSession.run(session.tokenHash, session.accountId, session.createdAt, session.expiresAt);
      },
      async endSession(tokenHash) {
        statements.endSession.run(tokenHash);
      },
      async endSessionsOf(accountId) {
        statements.endSessionsOf.run(accountId);
      },
      async forgetExpired(at) {
        statements.forgetExpired.run(at);
      },
      async setSetupToken(tokenHash) {
        if (tokenHash === null) statements.forgetSetupToken.run();
        else statements.setSetupToken.run(tokenHash);
      },
    },
    audit: {
      async list(filter) {
        return statements.audit
          .all({
            anyActor: filter.actorId === undefined ? 1 : 0,
            actorId: filter.actorId ?? null,
            kind: filter.kind ?? null,
            from: filter.from ?? null,
            to: filter.to ?? null,
            stores: filter.storeIds ? JSON.stringify(filter.storeIds) : null,
            limit: filter.limit,
          })
          .map(auditEntry);
      },
      async record(entry) {
        statements.recordAudit.run(...auditValues(entry));
      },
    },
  };
}


/**
 * The storage port over one better-sqlite3 connection (opened by openDatabase: WAL, synchronous
 * FULL, so a committed push survives a power cut).
 *
 * better-sqlite3's own transactions are synchronous: an `await` inside one would let other work run
 * on the same connection in the middle of it. So `transaction(work)` runs `BEGIN IMMEDIATE`, awaits
 * `work`, then `COMMIT` (or `ROLLBACK` when `work` rejects) itself, and a promise chain lets one
 * transaction run at a time: the next waits until the one before has committed or rolled back. Reads
 * outside a transaction wait in the same queue, so they never see a running transaction's writes.
 * Every statement still runs synchronously; an await inside `work` costs a microtask, not I/O, so a
 * push of 500 sales in one transaction stays as fast as before.
 *
 * Calling the port itself (not `tx`) from inside `work` would wait for `work` to finish, forever: it
 * throws instead, as does a transaction inside a transaction.
 *
 * The adapter must own its connection: nothing else may begin transactions on it. Until Repository
 * reaches storage only through the port, the two are never given the same connection (Repository's
 * synchronous `db.transaction` would become a savepoint inside a transaction of the adapter's).
 */
export class SqliteStorage implements StoragePort {
  readonly sequence: StorageReads['sequence'];
  readonly documents: StorageReads['documents'];
  readonly sales: StorageReads['sales'];
  readonly ledger: StorageReads['ledger'];
  readonly reports: StorageReads['reports'];
  readonly refusals: StorageReads['refusals'];
  readonly exceptions: StorageReads['exceptions'];
  readonly shiftEvents: StorageReads['shiftEvents'];
  readonly stockDocuments: StorageReads['stockDocuments'];
  readonly stockCounts: StorageReads['stockCounts'];
  readonly tillContacts: StorageReads['tillContacts'];
  readonly owners: StorageReads['owners'];
  readonly customerKeys: StorageReads['customerKeys'];
  readonly devices: StorageReads['devices'];
  readonly officeAccounts: StorageReads['officeAccounts'];
  readonly audit: StorageReads['audit'];

  private readonly operations: StorageTransaction;
  private readonly statements: Statements;
  /** The products' last sale days noted by the running transaction (LastSales), written before it commits. */
  private readonly lastSales = new LastSales();
  /** Settles when the last queued transaction or read has. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set while `work` of a transaction runs, in its async context: to refuse re-entry. */
  private readonly insideTransaction = new AsyncLocalStorage<boolean>();

  constructor(readonly db: SqliteDatabase) {
    this.statements = prepareStatements(db);
    this.operations = operations(this.statements, this.lastSales);
    // The port's reads are the write operations' read halves, queued; a write is not reachable here.
    const reads: StorageReads = wrapGroups(this.operations, (call) => this.exclusive(call));
    ({
      sequence: this.sequence,
      documents: this.documents,
      sales: this.sales,
      ledger: this.ledger,
      reports: this.reports,
      refusals: this.refusals,
      exceptions: this.exceptions,
      shiftEvents: this.shiftEvents,
      stockDocuments: this.stockDocuments,
      stockCounts: this.stockCounts,
      tillContacts: this.tillContacts,
      owners: this.owners,
      customerKeys: this.customerKeys,
      devices: this.devices,
      officeAccounts: this.officeAccounts,
      audit: this.audit,
    } = reads);
  }

  /** Runs `call` once everything queued before it has settled; nothing else runs on the connection meanwhile. */
  private exclusive<T>(call: () => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) {
      return Promise.reject(new Error('inside transaction(work), use its tx: the storage itself waits for the transaction to end'));
    }
    const result = this.queue.then(call);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** `sequenceBlock` is not taken up front: on SQLite's one connection asking the counter costs no round trip. */
  transaction<T>(work: (tx: StorageTransaction) => Promise<T>, options: { sequenceBlock?: number } = {}): Promise<T> {
    const { sequenceBlock } = options;
    if (sequenceBlock !== undefined && (!Number.isInteger(sequenceBlock) || sequenceBlock < 1)) {
      return Promise.reject(new RangeError(`sequenceBlock is a whole count of at least 1, not ${sequenceBlock}`));
    }
    return this.exclusive(async () => {
      let open = true;
      const tx = wrapGroups(this.operations, (call) => (open ? call() : Promise.reject(new Error('this transaction has ended; its tx can no longer be used'))));
      this.db.exec('BEGIN IMMEDIATE');
      // Notes a transaction that failed left behind are not this one's.
      this.lastSales.rest();
      try {
        const result = await this.insideTransaction.run(true, () => work(tx));
        for (const { storeId, productId, day } of this.lastSales.rest()) this.statements.putLastSold.run(storeId, productId, day);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      } finally {
        open = false;
      }
    });
  }

  /** On SQLite's one connection, queued like any other call: one statement, its own implicit transaction. */
  touchTill(contact: Parameters<StorageTransaction['tillContacts']['touch']>[0]): Promise<void> {
    return this.exclusive(() => this.operations.tillContacts.touch(contact));
  }

  async close(): Promise<void> {
    await this.exclusive(async () => this.db.close());
  }
}
